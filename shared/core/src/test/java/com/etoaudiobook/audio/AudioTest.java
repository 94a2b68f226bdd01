package com.etoaudiobook.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AudioTest {
  @TempDir
  Path dir;

  static short[] tone(int samples) {
    short[] pcm = new short[samples];
    for (int i = 0; i < samples; i++) {
      pcm[i] = (short) (Math.sin(i * 2 * Math.PI * 440 / 22050) * 8000);
    }
    return pcm;
  }

  @Test
  void encoderMakesBareMonoFramesStartingWithAnEmptyReservoir() {
    byte[] mp3 = new Mp3Encoder().encode(tone(22050), 22050);
    Mp3Frames.Header h = Mp3Frames.header(mp3, 0);
    assertNotNull(h);
    assertEquals(2, h.version());
    assertEquals(22050, h.sampleRate());
    assertTrue(h.mono());
    assertEquals(0, mp3[4] & 0xFF, "main_data_begin of the first frame");
    Mp3Frames.Stats stats = Mp3Frames.count(mp3);
    // 22050 samples + encoder delay, rounded up to whole frames
    assertTrue(stats.frames() >= (22050 + Mp3Encoder.ENCODER_DELAY) / 576, "frames " + stats.frames());
    assertTrue(stats.frames() <= (22050 + Mp3Encoder.ENCODER_DELAY) / 576 + 3, "frames " + stats.frames());
  }

  @Test
  void countRejectsSomethingThatIsNotMp3() {
    assertThrows(IllegalArgumentException.class, () -> Mp3Frames.count("not an mp3 at all".getBytes()));
  }

  @Test
  void joinedStreamsWithSilenceAndHeadersDecodeToTheExactFrameCount() throws Exception {
    byte[] a = new Mp3Encoder().encode(tone(10000), 22050);
    byte[] b = new Mp3Encoder().encode(tone(30000), 22050);
    int silence = AudioFormats.millisToFrames(1000);
    long frames = Mp3Frames.count(a).frames() + silence + Mp3Frames.count(b).frames();
    long audioBytes = a.length + (long) silence * SilenceFrame.length() + b.length;
    byte[] id3 = Id3Tag.build(new Id3Tag.Tags("Zoë’s “Book”", "Inès", "fr", null, List.of(
        new Id3Tag.ChapterMark("Première", 0, 1000), new Id3Tag.ChapterMark("Deux", 1000, 2500))));
    int[] toc = new int[100];
    for (int i = 0; i < 100; i++) {
      toc[i] = i * 256 / 100;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(id3);
    out.write(XingHeader.frame(frames, audioBytes, toc));
    out.write(a);
    SilenceFrame.write(out, silence);
    out.write(b);
    Path file = dir.resolve("joined.mp3");
    Files.write(file, out.toByteArray());

    assertEquals(frames * 576, Ffmpeg.decodedSamples(file), "every frame decodes, none is lost");
    assertEquals(AudioFormats.framesToSeconds(frames), Ffmpeg.duration(file), 0.001, "Xing frame count");
    List<Object[]> chapters = Ffmpeg.chapters(file);
    assertEquals(2, chapters.size());
    assertEquals(1.0, (double) chapters.get(1)[0], 0.001);
    assertEquals("Deux", chapters.get(1)[2]);
    String tags = Ffmpeg.run("ffprobe", "-v", "error", "-show_entries", "format_tags=title,artist",
        "-of", "default=nw=1", file.toString());
    assertTrue(tags.contains("title=Zoë’s “Book”"), tags);
    assertTrue(tags.contains("artist=Inès"), tags);
  }

  @Test
  void silenceFramesDecodeToSilence() throws Exception {
    Path file = dir.resolve("silence.mp3");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SilenceFrame.write(out, 10);
    Files.write(file, out.toByteArray());
    assertEquals(5760, Ffmpeg.decodedSamples(file));
    String volume = Ffmpeg.run("sh", "-c", "ffmpeg -v info -i " + file + " -af volumedetect -f null - 2>&1 | grep max_volume || true");
    assertTrue(volume.contains("-91") || volume.contains("-inf") || volume.isBlank(), volume);
  }
}
