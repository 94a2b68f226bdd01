package com.etoaudiobook.audio;

import com.etoaudiobook.audio.internal.Mp3Decoder;

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
  /** How far under its target a part of a known voice may stay, its peaks allowing no more gain. */
  private static final double PEAK_SHORTFALL_STEPS = 0.5;
  /** Close enough: a tenth of the 1 LU a listener notices. */
  private static final double TOLERANCE_LU = 0.1;
  /**
   * Measured parts a voice's level is the mean of before its PCM parts are levelled by it: eSpeak
   * NG's sentences of a voice differ by up to 1.3 dB (one 4 s part 1 dB louder than the next three
   * put a role 0.8 LU under the others when it alone gave the level); measuring costs little more
   * than the encoding's share of a part, so three are measured and their mean taken.
   */
  static final int PCM_CALIBRATION_PARTS = 3;
  private static final double ATTACK_SECONDS = 0.002;
  private static final double RELEASE_SECONDS = 0.05;

  private final LoudnessTarget target;
  private final VoiceLevels levels;
  private final java.util.concurrent.atomic.AtomicLong calibrated = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong measured = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong peaky = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong spectral = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong crestBound = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong pcmCalibrated = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong pcmMeasured = new java.util.concurrent.atomic.AtomicLong();

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
    }
    pcmMeasured.incrementAndGet();
    LoudnessMeter.Analysis a = LoudnessMeter.analyze(pcm, sampleRate);
    double loudness = LoudnessMeter.integrated(a.weighted());
    if (ofVoice) {
      levels.record(voice, loudness, LoudnessMeter.samplePeak(a.chunkPeak()), pcm.length / (double) sampleRate);
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
   * sets its sound but the text: provider, voice, engine, rate, pitch, delivery). Once a part of the
   * voice has been measured ({@link VoiceLevels}), its parts are not decoded: the global gain moves
   * by what the voice's level needs, the step between two whole ones placed by each frame's side info
   * (where the speech is), provided its highest crest seen, with a margin, keeps the peaks
   * under the ceiling. Otherwise the part is measured (from its spectrum where its peaks allow,
   * else decoded) and teaches the voice's level.
   */
  public byte[] normalizeMp3(byte[] frames, Mp3Encoder encoder, double offsetLu, String voice) {
    Mp3Frames.Header first = Mp3Frames.header(frames, 0);
    if (first == null) {
      throw new IllegalArgumentException("not MP3 frames");
    }
    boolean peakyVoice = false;
    VoiceLevels.Level recheck = null;
    if (voice != null) {
      VoiceLevels.Level level = levels.trusted(voice);
      recheck = level == null ? levels.settled(voice) : null;
      if (level != null) {
        double peak = level.mean() + level.maxCrest() + level.crestMargin();
        int most = (int) Math.floor((target.peakDb() - peak) / Mp3Gain.STEP_DB);
        double ideal = Math.min(MAX_BOOST_DB, target.lufs() + offsetLu - level.mean()) / Mp3Gain.STEP_DB;
        // the peaks may hold a part up to half a step (0.75 dB) under its target; more is looked at
        if (ideal <= most + PEAK_SHORTFALL_STEPS) {
          calibrated.incrementAndGet();
          return Mp3Gain.level(frames, Math.min(ideal, most), most, Mp3Gain.frameWeights(frames));
        }
        // a voice this peaky needs its parts looked at: measured below, and limited if need be
        peaky.incrementAndGet();
        peakyVoice = true;
      }
    }
    measured.incrementAndGet();
    Mp3Spectrum spectrum = peakyVoice || first.sampleRate() != AudioFormats.SAMPLE_RATE ? null
        : Mp3Spectrum.read(frames, SPECTRUM_STRIDE);
    byte[] levelled = spectrum == null ? null : fromSpectrum(frames, spectrum, offsetLu, voice, recheck);
    return levelled != null ? levelled : decodeAndMeasure(frames, encoder, offsetLu, voice, first);
  }

  /**
   * A measured part's loudness is read from every 2nd granule's spectrum ({@link Mp3Spectrum#read(byte[], int)}),
   * the rest interpolated: half the Huffman decoding. Over 200 of the Polly stub's parts (4 to 24 s)
   * against the decoded samples: every granule -0.002 LU (sd 0.004), every 2nd sd 0.065 (worst
   * 0.21), every 3rd sd 0.09 (worst 0.25), every 4th sd 0.14 (worst 0.33), every 6th sd 0.34
   * (worst 0.85). Every 3rd was tried in bench/loudness.sh: the parts measured landed 0.12 LU from
   * the target (median; 0.46 at worst) against 0.06 (0.18), the parts levelled by a voice's level
   * 0.22 (1.12) against 0.13 (0.87), and a role of a voice known 1.1 LU from another, for a saving
   * of a third of a millisecond in a measured part's 2 to 3: the error of the one part a voice's
   * level is taken from is in every part of the voice.
   */
  static final int SPECTRUM_STRIDE = 2;
  /**
   * Granules whose frames are decoded for a part's peak when its loudness comes from its spectrum:
   * the loudest by K-weighted energy, among those read. Over 200 of the Polly stub's parts (4 to
   * 24 s, peaks limited 12.5 dB over the loudness, so many stand within a decibel of the highest),
   * every granule read, the true peak stood over theirs by 0.53 dB (median), 1.55 (95th
   * percentile), 1.87 at most; over the 4 loudest, 0.88, 1.87 and 2.15; over the 32 loudest, 0,
   * 0.78 and 1.35 at four times the cost. Every 2nd granule read: the 8 loudest 0.49, 1.44, 1.73
   * (1.20 ms a part), the 6 loudest 0.53, 1.61, 1.73 (0.93 ms); every 3rd, the 8 loudest: 0.27,
   * 1.54, 2.08. (Fewer warm-up
   * frames per stretch than {@link com.etoaudiobook.audio.internal.Mp3Decoder#WARM_UP_FRAMES}
   * decode wrong samples: peaks up to 7 dB high.)
   */
  static final int PEAK_GRANULES = 6;
  /** What the peak of those granules may miss the part's by: what it is taken to miss at most (above: 1.73). */
  static final double PEAK_MISS_DB = 2.0;
  /**
   * Where the peak of the {@link #PEAK_GRANULES} loudest leaves no room, the loudest this many are
   * decoded (the rest of them) before the whole part: over the same 200 parts (every 2nd granule
   * read), the true peak stood over theirs by 0 dB (median), 1.14 (95th percentile), 1.23 at most,
   * for 3.1 ms against 15 to decode, meter and find the true peak of a whole part.
   */
  static final int PEAK_GRANULES_MORE = 24;
  /** What the peak of those may miss the part's by (above: 1.23). */
  static final double PEAK_MISS_MORE_DB = 1.5;
  /** What it misses by as a rule (the median above): added to the crest a voice's later parts are levelled by. */
  static final double PEAK_MISS_TYPICAL_DB = 0.5;

  /**
   * A part levelled by the loudness of its spectrum ({@link Mp3Spectrum}: exact to a few
   * hundredths of a LU, a sixth of decoding and metering it) and by the true peak of the frames
   * of its loudest granules, taken {@link #PEAK_MISS_DB} higher (with more of them decoded,
   * {@link #PEAK_MISS_MORE_DB}), so that no part passes the ceiling for a peak left undecoded; null
   * where that leaves its gain no room (the part is then decoded whole). A recheck of a trusted voice
   * is bounded by the higher of its voice's crest (with its margin) and its own loudest granules' peak.
   */
  private byte[] fromSpectrum(byte[] frames, Mp3Spectrum spectrum, double offsetLu, String voice,
                              VoiceLevels.Level recheck) {
    double loudness = spectrum.loudness();
    if (loudness == LoudnessMeter.SILENCE) {
      return null;
    }
    double seconds = spectrum.granules() * 576.0 / spectrum.sampleRate;
    if (recheck != null) {
      // a recheck of a trusted voice is about its level: its peaks bounded by the voice's crest, as
      // its parts levelled by the voice's level are, where the crest leaves room. Its few loudest
      // granules are still decoded (under a millisecond, 1 part in 64 or more): a part peakier than
      // the crest taught (a shout) bounds its own gain and raises the crest the voice's later parts
      // are levelled by; recorded from the crest alone, the crest could never grow
      double found = Mp3Peaks.ofGranules(frames, spectrum.loudest(PEAK_GRANULES));
      double bound = Math.max(loudness + recheck.maxCrest() + recheck.crestMargin(), found + PEAK_MISS_DB);
      double ideal = Math.min(MAX_BOOST_DB, target.lufs() + offsetLu - loudness) / Mp3Gain.STEP_DB;
      int most = (int) Math.floor((target.peakDb() - bound) / Mp3Gain.STEP_DB);
      if (ideal <= most + TOLERANCE_LU / Mp3Gain.STEP_DB) {
        spectral.incrementAndGet();
        crestBound.incrementAndGet();
        levels.record(voice, loudness, Math.max(loudness + recheck.maxCrest(), found + PEAK_MISS_TYPICAL_DB), seconds);
        return Mp3Gain.level(frames, Math.min(ideal, most), most, spectrum.frameWeights());
      }
    }
    int[] loudest = spectrum.loudest(PEAK_GRANULES_MORE);
    int few = Math.min(PEAK_GRANULES, loudest.length);
    double found = Mp3Peaks.ofGranules(frames, java.util.Arrays.copyOf(loudest, few));
    double ideal = Math.min(MAX_BOOST_DB, target.lufs() + offsetLu - loudness) / Mp3Gain.STEP_DB;
    int most = (int) Math.floor((target.peakDb() - found - PEAK_MISS_DB) / Mp3Gain.STEP_DB);
    if (ideal > most + TOLERANCE_LU / Mp3Gain.STEP_DB && few < loudest.length) {
      // no room by the few loudest: the next ones too, a closer bound, before decoding the whole part
      found = Math.max(found, Mp3Peaks.ofGranules(frames, java.util.Arrays.copyOfRange(loudest, few, loudest.length)));
      most = (int) Math.floor((target.peakDb() - found - PEAK_MISS_MORE_DB) / Mp3Gain.STEP_DB);
    }
    if (ideal > most + TOLERANCE_LU / Mp3Gain.STEP_DB) {
      return null;
    }
    spectral.incrementAndGet();
    if (voice != null) {
      levels.record(voice, loudness, found + PEAK_MISS_TYPICAL_DB, seconds);
    }
    return Mp3Gain.level(frames, Math.min(ideal, most), most, spectrum.frameWeights());
  }

  /** The part decoded, measured and levelled by its measured loudness and true peak (re-encoded if its peaks need it). */
  private byte[] decodeAndMeasure(byte[] frames, Mp3Encoder encoder, double offsetLu, String voice,
                                  Mp3Frames.Header first) {
    short[] pcm = Mp3Decoder.decode(frames);
    LoudnessMeter.Analysis a = LoudnessMeter.analyze(pcm, first.sampleRate());
    double loudness = LoudnessMeter.integrated(a.weighted());
    if (loudness == LoudnessMeter.SILENCE) {
      return frames;
    }
    double ideal = Math.min(MAX_BOOST_DB, target.lufs() + offsetLu - loudness) / Mp3Gain.STEP_DB;
    double peak = LoudnessMeter.truePeak(pcm, a);
    int most = (int) Math.floor((target.peakDb() - peak) / Mp3Gain.STEP_DB);
    if (voice != null) {
      levels.record(voice, loudness, peak, pcm.length / (double) first.sampleRate());
    }
    if (ideal <= most + TOLERANCE_LU / Mp3Gain.STEP_DB || first.sampleRate() != AudioFormats.SAMPLE_RATE
        || pcm.length <= Mp3Encoder.ENCODER_DELAY) {
      return Mp3Gain.level(frames, Math.min(ideal, most), most, Mp3Gain.frameEnergy(a, pcm.length, Mp3Frames.count(frames).frames()));
    }
    // the decoded audio starts with the first encoding's delay; the new encoding adds its own,
    // so the words stay where the engine's marks say they are
    short[] speech = java.util.Arrays.copyOfRange(pcm, Mp3Encoder.ENCODER_DELAY, pcm.length);
    Leveled leveled = level(speech, first.sampleRate(), offsetLu);
    return encoder.encode(leveled.samples(), first.sampleRate(), leveled.gain());
  }

  /** Encoded parts levelled by their voice's calibration, without decoding. */
  public long calibratedParts() {
    return calibrated.get();
  }

  /** Encoded parts of a trusted voice measured all the same, as its peaks left the gain no room. */
  public long peakyParts() {
    return peaky.get();
  }

  /** Encoded parts measured: from their spectrum, or decoded. */
  public long measuredParts() {
    return measured.get();
  }

  /** Encoded parts measured from their spectrum and a few frames' peaks, not decoded whole. */
  public long spectralParts() {
    return spectral.get();
  }

  /** Of those, rechecks of a trusted voice whose peaks its crest bounded: no frame decoded. */
  public long crestBoundParts() {
    return crestBound.get();
  }

  /** PCM parts levelled by their voice's level: only their peaks looked at. */
  public long calibratedPcmParts() {
    return pcmCalibrated.get();
  }

  /** PCM parts measured (a voice's first parts, rechecks, short parts, parts of no voice). */
  public long measuredPcmParts() {
    return pcmMeasured.get();
  }
}
