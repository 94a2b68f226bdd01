package com.etoaudiobook.bench;

import com.etoaudiobook.audio.LoudnessMeter;
import com.etoaudiobook.audio.LoudnessNormalizer;
import com.etoaudiobook.audio.LoudnessTarget;
import com.etoaudiobook.audio.Mp3Encoder;
import com.etoaudiobook.audio.Mp3Frames;
import com.etoaudiobook.audio.VoiceLevelStore;
import com.etoaudiobook.audio.VoiceLevels;
import com.etoaudiobook.audio.internal.Mp3Decoder;
import com.etoaudiobook.aws.PollyEngine;
import com.etoaudiobook.aws.wiring.BeanGraph;
import com.etoaudiobook.aws.testing.FakePolly;
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
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loudness of each role and of the book, before and after the per-part normalisation, measured by
 * the reference meter (ffmpeg's ebur128 filter, true peak on), for eSpeak NG's PCM and for the
 * Polly stub's MP3 (bench/polly-stub.sh: through the Polly engine and its wire protocol, each Polly
 * voice at a level of its own, see {@link StubSpeech}). Also the CPU normalisation costs beside
 * synthesis, and, for the stub's MP3, the ways to level it side by side: by the voice's calibrated
 * level (global gain, no decoding: what the workers do), decoding and measuring every part, decoding
 * and encoding again, and asking for PCM and encoding it ourselves. Each script is a job run by a
 * new worker process, twice: with voices met for the first time (nothing learned yet), and with
 * voices known from earlier jobs (their levels in the store the workers share, as through Redis).
 * Not a test: it prints figures.
 *
 *   bench/run.sh LoudnessBench [SCRIPT...]     (default: the two scripts in ../shared/samples)
 */
public final class LoudnessBench {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
  /** The variants each role is gathered in, in the order of the columns. */
  private static final String[] VARIANTS = {"eSpeak before", "eSpeak after", "stub before", "stub after",
      "stub, measured", "stub, re-encoded"};

  /** One role's audio, gathered part by part, per variant (index as {@link #VARIANTS}; 0 is raw PCM). */
  private static final class Role {
    final String voice;
    final String pollyVoice;
    final ByteArrayOutputStream[] audio = new ByteArrayOutputStream[VARIANTS.length];

    Role(String voice, String pollyVoice) {
      this.voice = voice;
      this.pollyVoice = pollyVoice;
      for (int i = 0; i < audio.length; i++) {
        audio[i] = new ByteArrayOutputStream();
      }
    }
  }

  /** CPU nanoseconds by what was spent on, and what the parts came to. */
  private static final class Cost {
    long espeak, encode, normalize, pollyCall, calibrated, measured, reencoded, pcm;
    long calibratedParts, measuredParts, calibratedOnly;
    final List<Double> errors = new ArrayList<>();
    final List<Double> measuredErrors = new ArrayList<>();
    double worstPeak = -99;
  }

  public static void main(String[] args) throws Exception {
    List<Path> scripts = new ArrayList<>();
    for (String a : args) {
      scripts.add(Path.of(a));
    }
    if (scripts.isEmpty()) {
      scripts.add(Path.of("../shared/samples/demo-story.md"));
      scripts.add(Path.of("../shared/samples/night-shift.md"));
      // a book's worth of parts per voice, where a voice's level is learned and then used
      Path quota = Files.createTempFile("loudness-quota", ".md");
      Files.writeString(quota, PollyQuotaBench.script(240, "loudness"));
      quota.toFile().deleteOnExit();
      scripts.add(quota);
    }
    LoudnessTarget target = LoudnessTarget.DEFAULT; // what CachedSynthesis levels to when not given a deployment's
    Mp3Encoder encoder = new Mp3Encoder();
    EspeakEngine engine = EspeakEngine.instance();
    Path work = Files.createTempDirectory("loudness-bench");
    System.out.printf(Locale.ROOT, "target %.1f LUFS, true peak <= %.1f dBFS; reference meter: ffmpeg ebur128; encoder %s;"
        + " Polly stub: neural voices from -23 to -14 LUFS, crest %.1f dB%n", target.lufs(), target.peakDb(),
        encoder.backend(), StubSpeech.CREST_DB);
    try (FakePolly stub = new FakePolly(null).withVoices(FakePolly.LIBRARY).withSpeech(new StubSpeech());
         io.micronaut.context.ApplicationContext beans = BeanGraph.start(Map.of("SPEECH_PROVIDER", "polly",
             "POLLY_ENGINE", "neural", "POLLY_ENDPOINT", stub.endpoint().toString()))) {
      PollyEngine polly = (PollyEngine) beans.getBean(com.etoaudiobook.engine.SpeechEngine.class);
      // the first round warms the JIT up and is not reported: a book is long, these scripts are short
      run(scripts.subList(0, 1), () -> new LoudnessNormalizer(target), encoder, engine, polly, null, new Cost(), false);
      // what the workers share (Redis in AWS): every job of the first round writes what it learned there
      VoiceLevelStore fleet = VoiceLevelStore.inMemory();
      VoiceLevelStore learnOnly = new VoiceLevelStore() {
        @Override
        public Stored get(String voice) {
          return null; // met for the first time
        }

        @Override
        public void put(String voice, Stored level) {
          fleet.put(voice, level);
        }
      };
      System.out.printf(Locale.ROOT, "%n== voices met for the first time: each script a job of a new worker process,"
          + " nothing learned before ==%n");
      Cost c = new Cost();
      // LOUDNESS_POLLY_ONLY=1: the Polly stub levelled the workers' way only (no eSpeak NG, no other ways), quicker
      boolean pollyOnly = "1".equals(System.getenv("LOUDNESS_POLLY_ONLY"));
      run(scripts, () -> new LoudnessNormalizer(target, learnOnly), encoder, engine, polly, work, c, pollyOnly);
      System.out.printf(Locale.ROOT, "%n== voices known from earlier jobs: each script a job of a new worker process,"
          + " over the levels the jobs above stored (the Polly stub, the workers' way) ==%n");
      Cost k = new Cost();
      run(scripts, () -> new LoudnessNormalizer(target, fleet), encoder, engine, polly, work, k, true);
      System.out.printf(Locale.ROOT, "%nCPU, eSpeak NG: synthesis %.0f ms, encoding %.0f ms, PCM normalisation %.0f ms = %.1f %%"
              + " of synthesis (%.1f %% of synthesis + encoding; target < 5 %%)%n", c.espeak / 1e6, c.encode / 1e6,
          c.normalize / 1e6, 100.0 * c.normalize / c.espeak, 100.0 * c.normalize / (c.espeak + c.encode));
      long parts = c.calibratedParts + c.measuredParts;
      System.out.printf(Locale.ROOT, "CPU, Polly stub, %d parts: the engine call (SDK, audio and marks) %.2f ms per part;"
              + " levelling per part and as a share of the call:%n", parts, c.pollyCall / 1e6 / parts);
      System.out.printf(Locale.ROOT, "  by the voice's level (%d of %d parts calibrated, the rest measured): %.2f ms = %.1f %%"
              + " (target < 5 %%)%n", c.calibratedParts, parts, c.calibrated / 1e6 / parts, 100.0 * c.calibrated / c.pollyCall);
      System.out.printf(Locale.ROOT, "  decode, measure, global gain, every part:                 %.2f ms = %.1f %%%n",
          c.measured / 1e6 / parts, 100.0 * c.measured / c.pollyCall);
      System.out.printf(Locale.ROOT, "  decode, level, encode again, every part:                  %.2f ms = %.1f %%%n",
          c.reencoded / 1e6 / parts, 100.0 * c.reencoded / c.pollyCall);
      System.out.printf(Locale.ROOT, "  PCM from Polly, level and encode it here:                 %.2f ms = %.1f %%"
          + " (and Polly's PCM is 16 kHz at most: parts would not join our 22050 Hz frames)%n",
          c.pcm / 1e6 / parts, 100.0 * c.pcm / c.pollyCall);
      double alone = c.calibratedOnly / 1e6 / Math.max(1, c.calibratedParts);
      double steady = alone + c.measured / 1e6 / parts / VoiceLevels.RECHECK_KNOWN_EVERY;
      System.out.printf(Locale.ROOT, "  a part levelled by its voice's level alone: %.3f ms; a long book (a voice's first part"
              + " amortised, one in %d measured again): %.3f ms = %.1f %% of the call (target < 5 %%)%n", alone,
          VoiceLevels.RECHECK_KNOWN_EVERY, steady, 100 * steady / (c.pollyCall / 1e6 / parts));
      System.out.printf(Locale.ROOT, "  |loudness - target| of each part of 2 s or more (our meter): %s by the voice's level;"
          + " %s measured (the first parts of a voice, and rechecks)%n", stats(c.errors), stats(c.measuredErrors));
      System.out.printf(Locale.ROOT, "  highest true peak of a part levelled by the workers' way: %.1f dBFS (ceiling %.1f)%n",
          c.worstPeak, target.peakDb());
      long known = k.calibratedParts + k.measuredParts;
      System.out.printf(Locale.ROOT, "CPU, Polly stub, voices known from earlier jobs, %d parts: levelling %.2f ms per part"
              + " = %.1f %% of the call (%d by the voice's level, %d measured; first met: %.1f %%; target < 5 %%)%n",
          known, k.calibrated / 1e6 / known, 100.0 * k.calibrated / k.pollyCall, k.calibratedParts, k.measuredParts,
          100.0 * c.calibrated / c.pollyCall);
      // the rechecks fall at random phases: this run may have had more or fewer than one in 256
      double knownAlone = k.calibratedOnly / 1e6 / Math.max(1, k.calibratedParts);
      double expected = knownAlone + c.measured / 1e6 / parts / VoiceLevels.RECHECK_KNOWN_EVERY;
      System.out.printf(Locale.ROOT, "  expected with one part in %d measured again: %.3f + %.3f ms = %.1f %% of the call%n",
          VoiceLevels.RECHECK_KNOWN_EVERY, knownAlone, expected - knownAlone, 100 * expected / (k.pollyCall / 1e6 / known));
      System.out.printf(Locale.ROOT, "  |loudness - target| (our meter): %s by the voice's level; %s measured;"
          + " highest true peak %.1f dBFS%n", stats(k.errors), stats(k.measuredErrors), k.worstPeak);
    }
  }

  /**
   * Synthesizes every part of the scripts, each script with a normaliser of its own (a worker
   * process's); reports the loudness when {@code work} is given. {@code workersOnly}: the Polly
   * stub levelled the workers' way only (no eSpeak NG, no other ways).
   */
  private static void run(List<Path> scripts, Supplier<LoudnessNormalizer> worker, Mp3Encoder encoder,
                          EspeakEngine engine, PollyEngine polly, Path work, Cost cost, boolean workersOnly)
      throws IOException {
    LoudnessNormalizer measuring = new LoudnessNormalizer(LoudnessTarget.DEFAULT);
    List<String> pollyVoices = polly.voices().stream().filter(v -> v.engines().contains("neural")).map(v -> v.id())
        .toList();
    for (Path script : scripts) {
      LoudnessNormalizer normalizer = worker.get();
      long levelling0 = cost.calibrated, call0 = cost.pollyCall;
      long espeak0 = cost.espeak, normalize0 = cost.normalize, encode0 = cost.encode;
      Book book = new ScriptParser().parse(script.getFileName().toString(), Files.readAllBytes(script));
      Casting casting = new AutoCaster(engine.voices(), List.of("en-gb-x-rp", "en", "en-us")).cast(book, Map.of());
      Map<String, Role> roles = new LinkedHashMap<>();
      casting.roles().forEach((name, a) -> roles.put(name,
          new Role(a.voiceId(), pollyVoices.get(roles.size() % pollyVoices.size()))));
      for (Segment s : book.segments().toList()) {
        Role role = roles.get(s.role());
        Casting.Assignment a = casting.forRole(s.role());
        for (Chunker.Chunk c : Chunker.split(s.text(), engine.maxCharacters())) {
          if (workersOnly) {
            stub(polly, role, c.text(), normalizer, null, encoder, cost);
            continue;
          }
          long t0 = CPU.getCurrentThreadCpuTime();
          short[] pcm = engine.synthesize(new SpeechRequest(c.text(), a.voiceId(), a.engine(), a.rate(), a.pitch())).pcm();
          long t1 = CPU.getCurrentThreadCpuTime();
          // a worker's way: by the voice's level once learned (CachedSynthesis's key for the voice)
          LoudnessNormalizer.Leveled leveled = normalizer.level(pcm, 22050, 0, VoiceLevels.key(engine.provider(),
              a.voiceId(), a.engine(), a.rate(), a.pitch(), null));
          long t2 = CPU.getCurrentThreadCpuTime();
          byte[] mp3 = encoder.encode(leveled.samples(), 22050, leveled.gain());
          long t3 = CPU.getCurrentThreadCpuTime();
          cost.espeak += t1 - t0;
          cost.normalize += t2 - t1;
          cost.encode += t3 - t2;
          role.audio[0].write(littleEndian(pcm));
          role.audio[1].write(mp3);
          stub(polly, role, c.text(), normalizer, measuring, encoder, cost);
        }
      }
      if (work != null) {
        report(book.title(), roles, work);
        long calibrated = normalizer.calibratedParts(), measured = normalizer.measuredParts();
        System.out.printf(Locale.ROOT, "  normalisation CPU / synthesis CPU: %sPolly stub %.1f %% of the engine call (%d parts"
                + " by the voice's level (%d of them short, by their own spectrum), %d measured (%d from their spectrum, %d of them rechecks whose peaks the voice's crest bounded), %d as the voice's peaks left no room; %.2f ms per part)%n",
            workersOnly ? "" : String.format(Locale.ROOT, "eSpeak NG %.1f %% (%.1f %% of synthesis + encoding; %d parts"
                    + " by the voice's level, %d measured (%d by their plain pass and the voice's K-weighting)); ",
                100.0 * (cost.normalize - normalize0) / (cost.espeak - espeak0),
                100.0 * (cost.normalize - normalize0) / (cost.espeak - espeak0 + cost.encode - encode0),
                normalizer.calibratedPcmParts(), normalizer.measuredPcmParts(), normalizer.plainMeasuredPcmParts()),
            100.0 * (cost.calibrated - levelling0) / (cost.pollyCall - call0), calibrated, normalizer.shortSpectralParts(), measured,
            normalizer.spectralParts(), normalizer.crestBoundParts(), normalizer.peakyParts(), (cost.calibrated - levelling0) / 1e6 / (calibrated + measured));
      }
      cost.calibratedParts += normalizer.calibratedParts();
      cost.measuredParts += normalizer.measuredParts();
    }
  }

  /** One part from the Polly stub, levelled the four ways. */
  private static void stub(PollyEngine polly, Role role, String text, LoudnessNormalizer normalizer,
                           LoudnessNormalizer measuring, Mp3Encoder encoder, Cost cost) throws IOException {
    SpeechRequest request = new SpeechRequest(text, role.pollyVoice, "neural", 1.0, 0);
    long t0 = CPU.getCurrentThreadCpuTime();
    byte[] raw = Mp3Frames.bareFrames(polly.synthesize(request).mp3());
    long t1 = CPU.getCurrentThreadCpuTime();
    // what the workers do (CachedSynthesis): the voice's level once it is known
    long before = normalizer.calibratedParts();
    byte[] after = normalizer.normalizeMp3(raw, encoder, 0, VoiceLevels.key(polly.provider(), request.voiceId(),
        request.engine(), request.rate(), request.pitch(), null));
    long t2 = CPU.getCurrentThreadCpuTime();
    boolean calibrated = normalizer.calibratedParts() > before;
    if (calibrated) {
      cost.calibratedOnly += t2 - t1;
    }
    cost.pollyCall += t1 - t0;
    cost.calibrated += t2 - t1;
    if (System.getenv("LOUDNESS_PARTS") != null) {
      System.out.printf(Locale.ROOT, "  part %s %.2f s: %.3f ms%n", role.pollyVoice, Mp3Frames.count(raw).frames() * 576 / 22050.0,
          (t2 - t1) / 1e6);
    }
    role.audio[2].write(raw);
    role.audio[3].write(after);
    short[] heard = Mp3Decoder.decode(after);
    if (heard.length >= 2 * 22050) {
      (calibrated ? cost.errors : cost.measuredErrors).add(
          Math.abs(LoudnessMeter.integrated(heard, 22050) - normalizer.target().lufs()));
    }
    cost.worstPeak = Math.max(cost.worstPeak, LoudnessMeter.truePeak(heard));
    if (measuring == null) {
      return; // the workers' way only
    }
    byte[] measured = measuring.normalizeMp3(raw, encoder);
    long t3 = CPU.getCurrentThreadCpuTime();
    short[] decoded = Mp3Decoder.decode(raw);
    LoudnessNormalizer.Leveled l = normalizer.level(decoded, 22050);
    byte[] reencoded = encoder.encode(l.samples(), 22050, l.gain());
    long t4 = CPU.getCurrentThreadCpuTime();
    // PCM as Polly would send it (here: the decoded stub audio, not timed): level and encode
    long t5 = CPU.getCurrentThreadCpuTime();
    LoudnessNormalizer.Leveled p = normalizer.level(decoded, 22050);
    encoder.encode(p.samples(), 22050, p.gain());
    long t6 = CPU.getCurrentThreadCpuTime();
    cost.measured += t3 - t2;
    cost.reencoded += t4 - t3;
    cost.pcm += t6 - t5;
    role.audio[4].write(measured);
    role.audio[5].write(reencoded);
  }

  private static void report(String title, Map<String, Role> roles, Path work) throws IOException {
    System.out.printf(Locale.ROOT, "%n%s (integrated LUFS / true peak dBFS)%n", title);
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-16s %-11s %-9s", "role", "voice", "stub"));
    // the variants this round gathered (the workers' way only: the stub before and after)
    boolean[] present = new boolean[VARIANTS.length];
    for (Role r : roles.values()) {
      for (int i = 0; i < present.length; i++) {
        present[i] |= r.audio[i].size() > 0;
      }
    }
    for (int i = 0; i < VARIANTS.length; i++) {
      if (present[i]) {
        head.append(String.format(Locale.ROOT, " %-16s", VARIANTS[i]));
      }
    }
    System.out.println(head);
    int n = VARIANTS.length;
    double[][] spread = new double[n][];
    ByteArrayOutputStream[] book = new ByteArrayOutputStream[n];
    for (int i = 0; i < n; i++) {
      book[i] = new ByteArrayOutputStream();
      spread[i] = new double[] {99, -99};
    }
    for (Map.Entry<String, Role> e : roles.entrySet()) {
      Role r = e.getValue();
      if (r.audio[2].size() == 0) {
        continue;
      }
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-16s %-11s %-9s", e.getKey(), r.voice,
          r.pollyVoice));
      for (int i = 0; i < n; i++) {
        if (!present[i]) {
          continue;
        }
        byte[] audio = r.audio[i].toByteArray();
        book[i].write(audio);
        double[] m = ebur128(audio, i == 0, work);
        spread[i][0] = Math.min(spread[i][0], m[0]);
        spread[i][1] = Math.max(spread[i][1], m[0]);
        line.append(' ').append(fmt(m));
      }
      System.out.println(line);
    }
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-38s", "book"));
    for (int i = 0; i < n; i++) {
      if (present[i]) {
        line.append(' ').append(fmt(ebur128(book[i].toByteArray(), i == 0, work)));
      }
    }
    System.out.println(line);
    line = new StringBuilder(String.format(Locale.ROOT, "  %-38s", "spread of roles"));
    for (int i = 0; i < n; i++) {
      if (present[i]) {
        line.append(String.format(Locale.ROOT, " %-16s", String.format(Locale.ROOT, "%.1f LU", spread[i][1] - spread[i][0])));
      }
    }
    System.out.println(line.append("  (target <= 1 LU)"));
  }

  private static String stats(List<Double> errors) {
    if (errors.isEmpty()) {
      return "none";
    }
    List<Double> e = new ArrayList<>(errors);
    e.sort(null);
    return String.format(Locale.ROOT, "%d parts, median %.2f LU, 95th percentile %.2f, worst %.2f", e.size(),
        e.get(e.size() / 2), e.get((int) (e.size() * 0.95)), e.get(e.size() - 1));
  }

  private static String fmt(double[] m) {
    return String.format(Locale.ROOT, "%6.1f / %-7.1f", m[0], m[1]);
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
}
