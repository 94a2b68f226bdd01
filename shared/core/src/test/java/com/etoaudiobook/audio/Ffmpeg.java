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

  /** Decodes the whole file to 16-bit mono samples at its own rate. */
  public static short[] decode(Path mp3) {
    byte[] raw = run2("ffmpeg", "-v", "error", "-i", mp3.toString(), "-f", "s16le", "-ac", "1", "-");
    short[] pcm = new short[raw.length / 2];
    java.nio.ByteBuffer.wrap(raw).order(java.nio.ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(pcm);
    return pcm;
  }

  /**
   * ffmpeg's ebur128 filter, the reference meter: [integrated LUFS, true peak dBFS]. Its summary is
   * on stderr.
   */
  public static double[] loudness(Path audio) {
    return loudness(audio, "");
  }

  /** Raw 16-bit mono PCM at {@code rate}. */
  public static double[] loudness(Path pcm, int rate) {
    return loudness(pcm, "-f s16le -ar " + rate + " -ac 1");
  }

  private static double[] loudness(Path audio, String inputOptions) {
    String log = new String(run2("sh", "-c", "ffmpeg -nostats -v info " + inputOptions + " -i '" + audio
        + "' -af ebur128=peak=true -f null - 2>&1"));
    java.util.regex.Matcher i = java.util.regex.Pattern.compile("I:\\s+(-?[0-9.]+|-inf) LUFS").matcher(log);
    java.util.regex.Matcher p = java.util.regex.Pattern.compile("Peak:\\s+(-?[0-9.]+|-inf) dBFS").matcher(log);
    double integrated = Double.NaN;
    double peak = Double.NaN;
    while (i.find()) {
      integrated = parse(i.group(1)); // the last one is the summary
    }
    while (p.find()) {
      peak = parse(p.group(1));
    }
    return new double[] {integrated, peak};
  }

  private static double parse(String v) {
    return v.equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(v);
  }

  private static byte[] run2(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      byte[] out;
      try (InputStream in = p.getInputStream()) {
        out = in.readAllBytes();
      }
      if (p.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed");
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command[0] + " (apt-get install ffmpeg)", e);
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
