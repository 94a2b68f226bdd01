package com.etoaudiobook.audio;

/**
 * Brings one part to the {@link LoudnessTarget}, before it is stored and cached. PCM (eSpeak NG)
 * is measured, scaled and, where a peak would pass the ceiling, limited with look-ahead, then
 * encoded. MP3 (Polly) gets its frames' global gain moved in whole 1.5 dB steps, by its voice's
 * calibrated level ({@link VoiceLevels}) or, until that is known, by decoding and measuring it;
 * re-encoded only when its peaks leave no other way to the target.
 */
public final class LoudnessNormalizer {
  /**
   * How far below the true-peak ceiling PCM samples are kept: the peaks between samples and the
   * MP3 coder's error add to them (measured with ffmpeg's ebur128 on encoded eSpeak parts).
   */
  static final double ENCODING_MARGIN_DB = 0.5;
  /**
   * What 48 kbps MP3 coding takes from speech's loudness: weak spectral detail quantized to zero
   * (measured with ffmpeg's ebur128, eSpeak NG voices before and after LAME -q 7: 0.4 to 0.7 LU).
   * PCM is made this much louder, so the part is at the target as it is heard.
   */
  static final double CODING_LOSS_DB = 0.55;
  /** Never raise a part by more than this: a near-silent part stays quiet rather than hiss. */
  static final double MAX_BOOST_DB = 24;
  /** Close enough: a tenth of the 1 LU a listener notices. */
  private static final double TOLERANCE_LU = 0.1;
  /**
   * Measured parts a voice's level is the mean of before its PCM parts are levelled by it: eSpeak
   * NG's sentences of a voice differ by up to 1.3 dB (one 4 s part 1 dB louder than the next three
   * put a role 0.8 LU under the others when it alone gave the level); measuring costs little more
   * than the encoding's share of a part, so three are measured and their mean taken.
   */
  static final int PCM_CALIBRATION_PARTS = 3;
  /**
   * A voice's first part is K-weighted over this share of its sub-blocks, the loudest
   * ({@link LoudestSubBlocks#analyze}): 0.063 LU rms from the full meter (0.22 at worst) for
   * half the filters' cost; a quarter (0.082 rms, 0.26 at worst) would put more of that error into
   * every later part of the voice.
   */
  static final double FIRST_PART_SHARE = 1 / 3.0;
  private static final double ATTACK_SECONDS = 0.002;
  private static final double RELEASE_SECONDS = 0.05;

  private final LoudnessTarget target;
  private final VoiceLevels levels;
  private final Mp3Levelling mp3;
  private final java.util.concurrent.atomic.AtomicLong pcmCalibrated = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong pcmMeasured = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong pcmPlain = new java.util.concurrent.atomic.AtomicLong();
  /**
   * Per voice, its K-weighted loudness minus its plain (unweighted, gated alike) loudness, from its
   * latest part measured with the K-filters (this process's). The K-weighting moves a voice's parts
   * alike: eSpeak NG's 10 English voices, 13 parts each of 5.7 to 16.7 s, a later part's difference
   * within 0.037 LU (rms; 0.10 at worst) of the first part's; over varied sentences of 8 voices 0.26 at
   * worst, 0.35 with the first part's own estimate (VoiceLevelledPcmTest). So the next parts that teach the voice's
   * level (the 2nd and 3rd) take their loudness from the plain pass (1.7 against 10.3 ns a sample
   * under C1) plus this; its first part, rechecks and parts under {@link VoiceLevels#MIN_SECONDS}
   * still run the filters (a word's spectrum is its sounds', not its voice's: "Sh." 0.97 LU off).
   */
  private final java.util.concurrent.ConcurrentHashMap<String, Double> weightings = new java.util.concurrent.ConcurrentHashMap<>();

  /** Voice levels learned in this process only. */
  public LoudnessNormalizer(LoudnessTarget target) {
    this(target, VoiceLevelStore.NONE);
  }

  /** @param store where voice levels are shared with other processes and runs */
  public LoudnessNormalizer(LoudnessTarget target, VoiceLevelStore store) {
    this(target, new VoiceLevels(store));
  }

  LoudnessNormalizer(LoudnessTarget target, VoiceLevels levels) {
    this.target = target;
    this.levels = levels;
    this.mp3 = new Mp3Levelling(target, levels, this);
  }

  public LoudnessTarget target() {
    return target;
  }

  /**
   * PCM ready to be encoded at the target: the encoder multiplies {@code samples} by {@code gain}
   * (LAME does it on its float input, for free), and {@code samples} already carry the limiter's
   * reductions around the peaks.
   */
  public record Leveled(short[] samples, double gain) {
    /** The samples with the gain applied, for callers that need plain PCM. */
    public short[] applied() {
      short[] out = new short[samples.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = clip(Math.round(samples[i] * gain));
      }
      return out;
    }
  }

  /** The PCM at the target loudness (as heard after encoding) with its peaks under the ceiling. */
  public short[] normalize(short[] pcm, int sampleRate) {
    return level(pcm, sampleRate).applied();
  }

  /**
   * Measures once, then decides the gain and the limiting on the peak envelope (a value per 32
   * samples), where trying a gain costs a thirtieth of a pass over the samples; then writes the
   * limited samples, only where the limiter pulls the gain down. What limiting takes away is
   * estimated per sub-block from the energy it removes, and the gain raised to give it back.
   */
  public Leveled level(short[] pcm, int sampleRate) {
    return level(pcm, sampleRate, 0);
  }

  /** {@link #level(short[], int)} for a target moved by {@code offsetLu} (a delivery: shouted, whispered). */
  public Leveled level(short[] pcm, int sampleRate, double offsetLu) {
    return level(pcm, sampleRate, offsetLu, null);
  }

  /**
   * {@link #level(short[], int, double)} for a part of {@code voice} ({@link VoiceLevels#key}: all
   * that sets its sound but the text). An engine speaks a voice at a steady level (eSpeak NG's parts
   * of a voice: 0.25 dB standard deviation), so once a part of it is measured, the next parts take
   * the voice's level for theirs and only their peaks are looked at (a fifth of the meter's
   * cost), to be limited where the gain would carry them over the ceiling. Some parts are still
   * measured: {@link VoiceLevels}' rechecks, a part whose peaks stand higher above the voice's
   * level than its measured parts' did (with a margin; it may be louder than the voice), and parts
   * under {@link VoiceLevels#MIN_SECONDS}: a word or two strays further from its voice's level,
   * and costs little to measure.
   */
  public Leveled level(short[] pcm, int sampleRate, double offsetLu, String voice) {
    boolean ofVoice = voice != null && pcm.length >= VoiceLevels.MIN_SECONDS * sampleRate;
    boolean teaching = false;
    if (ofVoice) {
      VoiceLevels.Level level = levels.trusted(voice);
      if (level != null && level.latest().length >= PCM_CALIBRATION_PARTS) {
        // the peaks and, in the same pass, the plain energies limiting needs: nearly every part of
        // eSpeak NG has a peak over the ceiling (375 of 396 parts of a novel), and a pass of its own
        // for the energies cost a third more than the peaks alone
        LoudnessMeter.Analysis sums = LoudnessMeter.plain(pcm, sampleRate, null);
        int[] peaks = sums.chunkPeak();
        // peaks higher above the voice's level than its parts' have been: not like the voice, measured
        if (LoudnessMeter.samplePeak(peaks) - level.mean() <= level.maxCrest() + VoiceLevels.CREST_MARGIN_DB) {
          pcmCalibrated.incrementAndGet();
          return level(pcm, sampleRate, offsetLu, level.mean(), peaks, null, sums);
        }
      }
      teaching = level != null; // one of the parts the voice's level is the mean of (not a recheck)
    }
    pcmMeasured.incrementAndGet();
    Double weighting = teaching ? weightings.get(voice) : null;
    if (weighting != null) {
      // the voice's K-weighting known: its plain pass (a sixth of the filters' cost) and that difference
      pcmPlain.incrementAndGet();
      LoudnessMeter.Analysis sums = LoudnessMeter.plain(pcm, sampleRate, null);
      double plain = LoudnessMeter.integrated(sums.weighted());
      double loudness = plain == LoudnessMeter.SILENCE ? plain : plain + weighting;
      if (ofVoice) {
        levels.record(voice, loudness, LoudnessMeter.samplePeak(sums.chunkPeak()), pcm.length / (double) sampleRate);
      }
      return level(pcm, sampleRate, offsetLu, loudness, sums.chunkPeak(), null, sums);
    }
    // a voice's first part (none of its parts measured yet, or its level started over): the K-filters
    // over its loudest sub-blocks; rechecks and parts of no voice or under 2 s run them over every sample
    boolean first = ofVoice && !teaching && levels.settled(voice) == null;
    LoudnessMeter.Analysis a = first ? LoudestSubBlocks.analyze(pcm, sampleRate, FIRST_PART_SHARE)
        : LoudnessMeter.analyze(pcm, sampleRate);
    double loudness = LoudnessMeter.integrated(a.weighted());
    if (ofVoice) {
      levels.record(voice, loudness, LoudnessMeter.samplePeak(a.chunkPeak()), pcm.length / (double) sampleRate);
      double plain = LoudnessMeter.plainLoudness(a);
      if (loudness != LoudnessMeter.SILENCE && plain != LoudnessMeter.SILENCE) {
        weightings.put(voice, loudness - plain);
      }
    }
    return level(pcm, sampleRate, offsetLu, loudness, a.chunkPeak(), a, null);
  }

  /**
   * Decides the gain and the limiting on the peak envelope; {@code measured}, the part's analysis,
   * may be null (its loudness is its voice's): the sums limiting needs are then the plain
   * (unweighted) energies, whose loss under limiting stands in for the K-weighted one; {@code plain}
   * holds them when they were taken with the peaks, else they are taken if a peak passes the ceiling.
   */
  private Leveled level(short[] pcm, int sampleRate, double offsetLu, double loudness, int[] peaks,
                        LoudnessMeter.Analysis measured, LoudnessMeter.Analysis plain) {
    if (loudness == LoudnessMeter.SILENCE) {
      return new Leveled(pcm, 1.0);
    }
    double goal = target.lufs() + offsetLu + CODING_LOSS_DB;
    double ceiling = 32767 * Math.pow(10, (target.peakDb() - ENCODING_MARGIN_DB) / 20);
    double gainDb = Math.min(MAX_BOOST_DB, goal - loudness);
    int attack = Math.max(1, (int) Math.round(ATTACK_SECONDS * sampleRate));
    int release = Math.max(1, (int) Math.round(RELEASE_SECONDS * sampleRate));
    LoudnessMeter.Analysis a = measured;
    double base = loudness; // the loudness a's sub-block powers give before limiting
    double[] envelope = null;
    for (int pass = 0; pass < 6; pass++) {
      envelope = PeakLimiter.envelope(peaks, ceiling / Math.pow(10, gainDb / 20), attack, release);
      if (envelope == null) {
        break; // no peak passes the ceiling: the loudness moves by exactly the gain
      }
      if (a == null) {
        a = plain != null ? plain : LoudnessMeter.plain(pcm, sampleRate, peaks);
        base = LoudnessMeter.integrated(a.weighted());
      }
      double[] power = a.weighted().clone();
      double[] removed = new double[power.length];
      for (int c = 0; c < peaks.length; c++) {
        double mean = (envelope[c] + envelope[c + 1]) / 2;
        int b = c * LoudnessMeter.CHUNK / a.step();
        if (mean < 1 && b < removed.length) {
          removed[b] += a.chunkEnergy()[c] * (1 - mean * mean);
        }
      }
      for (int b = 0; b < power.length; b++) {
        if (removed[b] > 0) {
          power[b] *= Math.max(0, 1 - removed[b] / a.plain()[b]);
        }
      }
      double miss = goal - (loudness + LoudnessMeter.integrated(power) - base + gainDb);
      if (Math.abs(miss) < TOLERANCE_LU || gainDb >= MAX_BOOST_DB || pass == 5 || base == LoudnessMeter.SILENCE) {
        break; // (the envelope is this gain's: it is the one to return)
      }
      gainDb = Math.min(MAX_BOOST_DB, gainDb + miss);
    }
    return new Leveled(envelope == null ? pcm : PeakLimiter.apply(pcm, envelope), Math.pow(10, gainDb / 20));
  }

  private static short clip(long v) {
    return (short) (v > 32767 ? 32767 : v < -32768 ? -32768 : v);
  }

  /**
   * MP3 frames at the target. The cheap way first: global gain, in whole 1.5 dB steps and one step
   * more on the frames before a pause (so the part lands between two steps, within a tenth of a
   * decibel), when that keeps the true peak under the ceiling. Speech whose peaks stand far above
   * its loudness cannot get there by gain alone; only then is the decoded audio normalized and
   * limited like PCM and encoded again (a second generation, never a missed target).
   */
  public byte[] normalizeMp3(byte[] frames, Mp3Encoder encoder) {
    return normalizeMp3(frames, encoder, 0);
  }

  /** {@link #normalizeMp3(byte[], Mp3Encoder)} for a target moved by {@code offsetLu}. */
  public byte[] normalizeMp3(byte[] frames, Mp3Encoder encoder, double offsetLu) {
    return normalizeMp3(frames, encoder, offsetLu, null);
  }

  /**
   * {@link #normalizeMp3(byte[], Mp3Encoder, double)} for a part of {@code voice} (everything that
   * sets its sound but the text: provider, voice, engine, rate, pitch, delivery): see {@link Mp3Levelling}.
   */
  public byte[] normalizeMp3(byte[] frames, Mp3Encoder encoder, double offsetLu, String voice) {
    return mp3.normalizeMp3(frames, encoder, offsetLu, voice);
  }

  /** Encoded parts levelled by their voice's calibration, without decoding. */
  public long calibratedParts() {
    return mp3.calibratedParts();
  }

  /** Encoded parts of a trusted voice measured all the same, as its peaks left the gain no room. */
  public long peakyParts() {
    return mp3.peakyParts();
  }

  /** Encoded parts measured: from their spectrum, or decoded. */
  public long measuredParts() {
    return mp3.measuredParts();
  }

  /** Encoded parts measured from their spectrum and a few frames' peaks, not decoded whole. */
  public long spectralParts() {
    return mp3.spectralParts();
  }

  /** Of those, rechecks of a trusted voice whose peaks its crest bounded: no frame decoded. */
  public long crestBoundParts() {
    return mp3.crestBoundParts();
  }

  /** Of the encoded parts levelled by their voice's calibration, the short ones levelled by their own loudness, read from their spectrum. */
  public long shortSpectralParts() {
    return mp3.shortParts();
  }

  /** PCM parts levelled by their voice's level: only their peaks looked at. */
  public long calibratedPcmParts() {
    return pcmCalibrated.get();
  }

  /** PCM parts measured (a voice's first parts, rechecks, short parts, parts of no voice). */
  public long measuredPcmParts() {
    return pcmMeasured.get();
  }

  /** Of the PCM parts measured, those measured by their plain pass and their voice's K-weighting. */
  public long plainMeasuredPcmParts() {
    return pcmPlain.get();
  }
}
