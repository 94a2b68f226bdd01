package com.etoaudiobook.job.assembly;

import com.etoaudiobook.job.synthesis.PartSpec;

import com.etoaudiobook.audio.AudioFormats;
import com.etoaudiobook.audio.SilenceFrame;
import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.Segment;

import java.util.ArrayList;
import java.util.List;

/**
 * Where every part and pause lands in the final file, computed from frame counts alone, so chapter
 * offsets and word timings are exact and nothing has to be decoded.
 */
public final class Timeline {
  /** A run of frames: a part (part ≥ 0) or silence (part = -1). */
  public record Entry(int part, int segment, int frames, long bytes, long startFrame, long startByte) {
  }

  private final List<Entry> entries = new ArrayList<>();
  private final long[] segmentStart;
  private final long[] segmentEnd;
  private final long[] chapterStart;
  private long totalFrames;
  private long totalBytes;

  /**
   * @param parts  the plan, in order
   * @param frames frames of each part
   * @param bytes  bytes of each part
   */
  public Timeline(Book book, List<PartSpec> parts, int[] frames, long[] bytes, Pauses pauses) {
    List<Segment> segments = book.segments().toList();
    segmentStart = new long[segments.size()];
    segmentEnd = new long[segments.size()];
    chapterStart = new long[book.chapters().size()];
    java.util.Arrays.fill(segmentStart, -1);
    java.util.Arrays.fill(chapterStart, -1);
    int previous = -1;
    for (PartSpec part : parts) {
      int s = part.segment();
      if (s != previous) {
        if (previous >= 0) {
          segmentEnd[previous] = totalFrames;
          silence(AudioFormats.millisToFrames(ChapterTitles.pauseMs(segments.get(previous), segments.get(s), pauses)));
        }
        segmentStart[s] = totalFrames;
        int chapter = segments.get(s).chapter();
        if (chapterStart[chapter] < 0) {
          chapterStart[chapter] = totalFrames;
        }
        previous = s;
      }
      entries.add(new Entry(part.index(), s, frames[part.index()], bytes[part.index()], totalFrames, totalBytes));
      totalFrames += frames[part.index()];
      totalBytes += bytes[part.index()];
    }
    if (previous >= 0) {
      segmentEnd[previous] = totalFrames;
    }
  }

  private void silence(int count) {
    if (count > 0) {
      long b = (long) count * SilenceFrame.length();
      entries.add(new Entry(-1, -1, count, b, totalFrames, totalBytes));
      totalFrames += count;
      totalBytes += b;
    }
  }

  public List<Entry> entries() {
    return entries;
  }

  public long totalFrames() {
    return totalFrames;
  }

  public long totalBytes() {
    return totalBytes;
  }

  public long durationMs() {
    return AudioFormats.framesToMillis(totalFrames);
  }

  public long segmentStartMs(int segment) {
    return AudioFormats.framesToMillis(segmentStart[segment]);
  }

  public long segmentEndMs(int segment) {
    return AudioFormats.framesToMillis(segmentEnd[segment]);
  }

  /** Chapter start in ms, or -1 for a chapter without audio. */
  public long chapterStartMs(int chapter) {
    return chapterStart[chapter] < 0 ? -1 : AudioFormats.framesToMillis(chapterStart[chapter]);
  }

  /** Xing seek table: for each percent of the duration, the byte position scaled to 0..255. */
  public int[] toc(long headerBytes) {
    int[] toc = new int[100];
    long fileBytes = totalBytes + headerBytes;
    int e = 0;
    for (int i = 0; i < 100; i++) {
      double frame = totalFrames * i / 100.0;
      while (e < entries.size() - 1 && entries.get(e).startFrame() + entries.get(e).frames() <= frame) {
        e++;
      }
      long position = headerBytes;
      if (!entries.isEmpty()) {
        Entry en = entries.get(e);
        double within = en.frames() == 0 ? 0 : (frame - en.startFrame()) / en.frames();
        position += en.startByte() + (long) (within * en.bytes());
      }
      toc[i] = (int) Math.min(255, position * 256 / Math.max(1, fileBytes));
    }
    return toc;
  }
}
