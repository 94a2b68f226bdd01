package com.etoaudiobook.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The real decoder, for tests: ffprobe/ffmpeg from Debian's ffmpeg package. */
public final class Ffmpeg {
  private Ffmpeg() {
  }

  public static String run(String... command) {
    try {
      Process p = new ProcessBuilder(command).start();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (InputStream in = p.getInputStream()) {
        in.transferTo(out);
      }
      String err = new String(p.getErrorStream().readAllBytes());
      int code = p.waitFor();
      if (code != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed (" + code + "): " + err);
      }
      return out.toString();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command[0] + " (apt-get install ffmpeg)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Duration in seconds as ffprobe reports it from the container (Xing header). */
  public static double duration(Path mp3) {
    return Double.parseDouble(run("ffprobe", "-v", "error", "-show_entries", "format=duration",
        "-of", "default=nw=1:nk=1", mp3.toString()).strip());
  }

  /** Decodes the whole file, failing on any decoder error, and returns the number of samples. */
  public static long decodedSamples(Path mp3) {
    try {
      Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-xerror", "-i", mp3.toString(), "-f", "s16le",
          "-ac", "1", "-").start();
      long bytes;
      try (InputStream in = p.getInputStream()) {
        bytes = in.transferTo(OutputStream.nullOutputStream());
      }
      String err = new String(p.getErrorStream().readAllBytes());
      if (p.waitFor() != 0 || !err.isBlank()) {
        throw new IllegalStateException("decode failed: " + err);
      }
      return bytes / 2;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Chapters as [start s, end s, title]. */
  public static List<Object[]> chapters(Path mp3) {
    String csv = run("ffprobe", "-v", "error", "-show_entries", "chapter=start_time,end_time:chapter_tags=title",
        "-of", "csv=p=0", mp3.toString());
    List<Object[]> list = new ArrayList<>();
    for (String line : csv.strip().split("\n")) {
      if (!line.isBlank()) {
        String[] f = line.split(",", 3);
        list.add(new Object[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), f.length > 2 ? f[2] : ""});
      }
    }
    return list;
  }
}
