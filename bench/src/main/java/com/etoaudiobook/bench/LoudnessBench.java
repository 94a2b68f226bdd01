package com.etoaudiobook.bench;

import com.etoaudiobook.audio.LoudnessNormalizer;
import com.etoaudiobook.audio.LoudnessTarget;
import com.etoaudiobook.audio.Mp3Encoder;
import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.ScriptParser;
import com.etoaudiobook.book.Segment;
import com.etoaudiobook.engine.SpeechRequest;
import com.etoaudiobook.engine.espeak.EspeakEngine;
import com.etoaudiobook.text.Chunker;
import com.etoaudiobook.voice.AutoCaster;
import com.etoaudiobook.voice.Casting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loudness of each role and of the book, before and after the per-part normalisation, measured by
 * the reference meter (ffmpeg's ebur128 filter, true peak on), for eSpeak NG's PCM and for
 * Polly-like MP3 (the same speech, each role encoded at its own level, as different Polly voices
 * arrive). Also the CPU normalisation costs beside synthesis. Not a test: it prints figures.
 *
 *   bench/run.sh LoudnessBench [SCRIPT...]     (default: the two scripts in ../shared/samples)
 */
public final class LoudnessBench {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  /** One role's audio, gathered part by part, per variant. */
  private static final class Role {
    final String voice;
    final ByteArrayOutputStream rawPcm = new ByteArrayOutputStream();
    final ByteArrayOutputStream espeak = new ByteArrayOutputStream();
    final ByteArrayOutputStream pollyBefore = new ByteArrayOutputStream();
    final ByteArrayOutputStream pollyAfter = new ByteArrayOutputStream();

    Role(String voice) {
      this.voice = voice;
    }
  }

  public static void main(String[] args) throws Exception {
    List<Path> scripts = new ArrayList<>();
    for (String a : args) {
      scripts.add(Path.of(a));
    }
    if (scripts.isEmpty()) {
      scripts.add(Path.of("../shared/samples/demo-story.md"));
      scripts.add(Path.of("../shared/samples/night-shift.md"));
    }
    LoudnessTarget target = LoudnessTarget.configured();
    LoudnessNormalizer normalizer = new LoudnessNormalizer(target);
    Mp3Encoder encoder = new Mp3Encoder();
    EspeakEngine engine = EspeakEngine.instance();
    Path work = Files.createTempDirectory("loudness-bench");
    System.out.printf(Locale.ROOT, "target %.1f LUFS, true peak <= %.1f dBFS; reference meter: ffmpeg ebur128; encoder %s%n",
        target.lufs(), target.peakDb(), encoder.backend());

    // the first round warms the JIT up and is not reported: a book is long, these scripts are short
    run(scripts, normalizer, encoder, engine, null);
    long[] cpu = run(scripts, normalizer, encoder, engine, work);
    long synthNanos = cpu[0], encodeNanos = cpu[1], normalizeNanos = cpu[2], mp3NormalizeNanos = cpu[3];
    System.out.printf(Locale.ROOT, "%nCPU: eSpeak NG synthesis %.0f ms, encoding %.0f ms, PCM normalisation %.0f ms = %.1f %% of"
            + " synthesis (%.1f %% of synthesis + encoding; target < 5 %%)%n", synthNanos / 1e6, encodeNanos / 1e6,
        normalizeNanos / 1e6, 100.0 * normalizeNanos / synthNanos, 100.0 * normalizeNanos / (synthNanos + encodeNanos));
    System.out.printf(Locale.ROOT, "     MP3 normalisation (decode, measure, global gain) %.0f ms = %.1f %% of eSpeak synthesis"
        + " (a Polly worker waits on the network instead)%n", mp3NormalizeNanos / 1e6, 100.0 * mp3NormalizeNanos / synthNanos);
  }

  /** Synthesizes every part of the scripts; reports the loudness when {@code work} is given; returns CPU nanos. */
  private static long[] run(List<Path> scripts, LoudnessNormalizer normalizer, Mp3Encoder encoder, EspeakEngine engine,
                            Path work) throws IOException {
    long synthNanos = 0, encodeNanos = 0, normalizeNanos = 0, mp3NormalizeNanos = 0;
    for (Path script : scripts) {
      Book book = new ScriptParser().parse(script.getFileName().toString(), Files.readAllBytes(script));
      Casting casting = new AutoCaster(engine.voices(), List.of("en-gb-x-rp", "en", "en-us")).cast(book, Map.of());
      Map<String, Role> roles = new LinkedHashMap<>();
      casting.roles().forEach((name, a) -> roles.put(name, new Role(a.voiceId())));
      for (Segment s : book.segments().toList()) {
        Role role = roles.get(s.role());
        Casting.Assignment a = casting.forRole(s.role());
        int index = new ArrayList<>(roles.keySet()).indexOf(s.role());
        // Polly's voices differ in level: spread the roles over 8 dB, quietest first, none clipped
        double pollyGain = Math.pow(10, (-8 + 8.0 * index / Math.max(1, roles.size() - 1)) / 20);
        for (Chunker.Chunk c : Chunker.split(s.text(), engine.maxCharacters())) {
          long t0 = CPU.getCurrentThreadCpuTime();
          short[] pcm = engine.synthesize(new SpeechRequest(c.text(), a.voiceId(), a.engine(), a.rate(), a.pitch())).pcm();
          long t1 = CPU.getCurrentThreadCpuTime();
          LoudnessNormalizer.Leveled leveled = normalizer.level(pcm, 22050);
          long t2 = CPU.getCurrentThreadCpuTime();
          byte[] mp3 = encoder.encode(leveled.samples(), 22050, leveled.gain());
          long t3 = CPU.getCurrentThreadCpuTime();
          synthNanos += t1 - t0;
          normalizeNanos += t2 - t1;
          encodeNanos += t3 - t2;
          role.rawPcm.write(littleEndian(pcm));
          role.espeak.write(mp3);
          byte[] polly = encoder.encode(scaled(pcm, pollyGain), 22050);
          long t4 = CPU.getCurrentThreadCpuTime();
          byte[] pollyNormalized = normalizer.normalizeMp3(polly, encoder);
          mp3NormalizeNanos += CPU.getCurrentThreadCpuTime() - t4;
          role.pollyBefore.write(polly);
          role.pollyAfter.write(pollyNormalized);
        }
      }
      if (work != null) {
        report(book.title(), roles, work);
      }
    }
    return new long[] {synthNanos, encodeNanos, normalizeNanos, mp3NormalizeNanos};
  }

  private static void report(String title, Map<String, Role> roles, Path work) throws IOException {
    System.out.printf(Locale.ROOT, "%n%s (integrated LUFS / true peak dBFS)%n", title);
    System.out.printf(Locale.ROOT, "  %-18s %-12s %-16s %-16s | %-16s %-16s%n", "role", "voice", "eSpeak before",
        "eSpeak after", "Polly-like before", "Polly-like after");
    double[][] spread = {{99, -99}, {99, -99}, {99, -99}, {99, -99}};
    ByteArrayOutputStream[] book = new ByteArrayOutputStream[4];
    for (int i = 0; i < 4; i++) {
      book[i] = new ByteArrayOutputStream();
    }
    for (Map.Entry<String, Role> e : roles.entrySet()) {
      Role r = e.getValue();
      byte[][] variants = {r.rawPcm.toByteArray(), r.espeak.toByteArray(), r.pollyBefore.toByteArray(),
          r.pollyAfter.toByteArray()};
      if (variants[0].length == 0) {
        continue;
      }
      double[][] m = new double[4][];
      for (int i = 0; i < 4; i++) {
        book[i].write(variants[i]);
        m[i] = ebur128(variants[i], i == 0, work);
        spread[i][0] = Math.min(spread[i][0], m[i][0]);
        spread[i][1] = Math.max(spread[i][1], m[i][0]);
      }
      System.out.printf(Locale.ROOT, "  %-18s %-12s %-16s %-16s | %-16s %-16s%n", e.getKey(), r.voice, fmt(m[0]),
          fmt(m[1]), fmt(m[2]), fmt(m[3]));
    }
    double[][] b = new double[4][];
    for (int i = 0; i < 4; i++) {
      b[i] = ebur128(book[i].toByteArray(), i == 0, work);
    }
    System.out.printf(Locale.ROOT, "  %-18s %-12s %-16s %-16s | %-16s %-16s%n", "book", "", fmt(b[0]), fmt(b[1]),
        fmt(b[2]), fmt(b[3]));
    System.out.printf(Locale.ROOT, "  %-18s %-12s %-16s %-16s | %-16s %-16s   (target <= 1 LU)%n", "spread of roles", "",
        String.format(Locale.ROOT, "%.1f LU", spread[0][1] - spread[0][0]),
        String.format(Locale.ROOT, "%.1f LU", spread[1][1] - spread[1][0]),
        String.format(Locale.ROOT, "%.1f LU", spread[2][1] - spread[2][0]),
        String.format(Locale.ROOT, "%.1f LU", spread[3][1] - spread[3][0]));
  }

  private static String fmt(double[] m) {
    return String.format(Locale.ROOT, "%6.1f / %5.1f", m[0], m[1]);
  }

  /** ffmpeg's ebur128 summary: {integrated LUFS, true peak dBFS}. */
  private static double[] ebur128(byte[] audio, boolean rawPcm, Path work) throws IOException {
    Path file = Files.createTempFile(work, "audio", rawPcm ? ".raw" : ".mp3");
    Files.write(file, audio);
    List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostats", "-v", "info"));
    if (rawPcm) {
      command.addAll(List.of("-f", "s16le", "-ar", "22050", "-ac", "1"));
    }
    command.addAll(List.of("-i", file.toString(), "-af", "ebur128=peak=true", "-f", "null", "-"));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes());
    try {
      p.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    Files.delete(file);
    return new double[] {last(log, "I:\\s+(-?[0-9.]+) LUFS"), last(log, "Peak:\\s+(-?[0-9.]+) dBFS")};
  }

  private static double last(String log, String regex) {
    Matcher m = Pattern.compile(regex).matcher(log);
    double v = Double.NaN;
    while (m.find()) {
      v = Double.parseDouble(m.group(1));
    }
    return v;
  }

  private static byte[] littleEndian(short[] pcm) {
    ByteBuffer b = ByteBuffer.allocate(pcm.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    b.asShortBuffer().put(pcm);
    return b.array();
  }

  private static short[] scaled(short[] pcm, double gain) {
    short[] out = new short[pcm.length];
    for (int i = 0; i < pcm.length; i++) {
      out[i] = (short) Math.max(-32768, Math.min(32767, Math.round(pcm[i] * gain)));
    }
    return out;
  }
}
