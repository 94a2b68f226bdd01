package com.etoaudiobook.audio;

import com.etoaudiobook.audio.internal.Mp3Decoder;

import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link LoudnessNormalizer}'s way with MP3 (Polly's): the frames' global gain moved by the voice's
 * level where one is trusted, else by the part's loudness read from its spectrum and the true peak
 * of its loudest granules, else by decoding it whole; re-encoded only when its peaks leave no other way.
 */
final class Mp3Levelling {
  /** How far under its target a part may stay, its peaks allowing no more gain (0.75 dB: under the 1 LU a listener notices). */
  private static final double PEAK_SHORTFALL_STEPS = 0.5;
  /** Close enough: a tenth of the 1 LU a listener notices. */
  private static final double TOLERANCE_LU = 0.1;
  private static final double MAX_BOOST_DB = LoudnessNormalizer.MAX_BOOST_DB;

  private final LoudnessTarget target;
  private final VoiceLevels levels;
  /** Where a part is decoded, levelled and encoded again. */
  private final LoudnessNormalizer pcm;
  private final AtomicLong calibrated = new AtomicLong();
  private final AtomicLong measured = new AtomicLong();
  private final AtomicLong peaky = new AtomicLong();
  private final AtomicLong spectral = new AtomicLong();
  private final AtomicLong crestBound = new AtomicLong();
  private final AtomicLong shortMeasured = new AtomicLong();

  Mp3Levelling(LoudnessTarget target, VoiceLevels levels, LoudnessNormalizer pcm) {
    this.target = target;
    this.levels = levels;
    this.pcm = pcm;
  }

  /**
   * {@link LoudnessNormalizer#normalizeMp3(byte[], Mp3Encoder, double)} for a part of {@code voice} (everything that
   * sets its sound but the text: provider, voice, engine, rate, pitch, delivery). Once a part of the
   * voice has been measured ({@link VoiceLevels}), its parts are not decoded: the global gain moves
   * by what the voice's level needs, the step between two whole ones placed by each frame's side info
   * (where the speech is), provided its highest crest seen, with a margin, keeps the peaks
   * under the ceiling; a short part by its own loudness ({@link #SHORT_SECONDS}). Otherwise the part
   * is measured (from its spectrum where its peaks allow, else decoded) and teaches the voice's level.
   */
  byte[] normalizeMp3(byte[] frames, Mp3Encoder encoder, double offsetLu, String voice) {
    Mp3Frames.Header first = Mp3Frames.header(frames, 0);
    if (first == null) {
      throw new IllegalArgumentException("not MP3 frames");
    }
    VoiceLevels.Level recheck = null;
    if (voice != null) {
      VoiceLevels.Level level = levels.trusted(voice);
      recheck = level == null ? levels.settled(voice) : null;
      if (level != null) {
        byte[] own = shortPart(frames, first, level, offsetLu);
        if (own != null) {
          return own;
        }
        double peak = level.mean() + level.maxCrest() + level.crestMargin();
        int most = (int) Math.floor((target.peakDb() - peak) / Mp3Gain.STEP_DB);
        double ideal = Math.min(MAX_BOOST_DB, target.lufs() + offsetLu - level.mean()) / Mp3Gain.STEP_DB;
        // the peaks may hold a part up to half a step (0.75 dB) under its target; more is looked at
        if (ideal <= most + PEAK_SHORTFALL_STEPS) {
          calibrated.incrementAndGet();
          return Mp3Gain.level(frames, Math.min(ideal, most), most, Mp3Gain.frameWeights(frames));
        }
        // a voice this peaky needs its parts looked at: measured below by their own peaks (from the
        // spectrum and the loudest granules' frames where these leave room, as a first part is; a
        // part's own found peak + PEAK_MISS_DB is below the voice's highest crest + margin where it is
        // the less peaky, about every other part), else decoded whole and limited if need be
        peaky.incrementAndGet();
      }
    }
    measured.incrementAndGet();
    Mp3Spectrum spectrum = first.sampleRate() != AudioFormats.SAMPLE_RATE ? null
        : Mp3Spectrum.read(frames, SPECTRUM_STRIDE);
    byte[] levelled = spectrum == null ? null : fromSpectrum(frames, spectrum, offsetLu, voice, recheck);
    return levelled != null ? levelled : decodeAndMeasure(frames, encoder, offsetLu, voice, first);
  }

  /**
   * Parts of a trusted voice shorter than this are levelled by their own loudness, read from their
   * spectrum, not by the voice's level. A part's loudness strays from its voice's level by what its
   * sentences do, and the less so the more of them it holds (the variance about 1 / its length: the
   * stub's one-sentence parts up to 0.8 LU off, a role of short lines 0.6 LU off its voice's level);
   * measuring costs in proportion to the length, so the short parts are the cheap ones to measure
   * and the ones it helps.
   */
  static final double SHORT_SECONDS = 6.0;
  /**
   * Every how many granules a short part's spectrum is read. Over 300 of the stub's parts of 2 to 6 s
   * (5.7 on average; a part 0.41 LU from its voice's level, sd) against the decoded samples: every 2nd
   * 0.11 LU rms (0.37 worst) for 0.31 ms a part, every 3rd 0.21 (0.71) for 0.21, every 4th 0.23 (0.60)
   * for 0.16 ms (a Polly call: about 5 ms of CPU). Every 2nd made Night Shift's known voices cost 8 %
   * of their calls, 7 of its 9 parts short; every 4th halves that and still halves a part's error.
   */
  static final int SHORT_STRIDE = 4;

  /**
   * A short part of a trusted voice ({@link #SHORT_SECONDS}) levelled by its loudness from its
   * spectrum; its peaks bounded by the voice's crest over that loudness, as a part levelled by the
   * voice's level has its peaks bounded over the voice's (no frame decoded). Not recorded: a short
   * part says little of its voice's level. Null for a longer part, or one this does not read, or
   * whose peaks leave no room.
   */
  private byte[] shortPart(byte[] frames, Mp3Frames.Header first, VoiceLevels.Level level, double offsetLu) {
    if (first.sampleRate() != AudioFormats.SAMPLE_RATE
        || Mp3Frames.count(frames).frames() * (double) Mp3Spectrum.GRANULE / first.sampleRate() >= SHORT_SECONDS) {
      return null;
    }
    Mp3Spectrum spectrum = Mp3Spectrum.read(frames, SHORT_STRIDE);
    double loudness = spectrum == null ? LoudnessMeter.SILENCE : spectrum.loudness();
    if (loudness == LoudnessMeter.SILENCE) {
      return null;
    }
    double peak = loudness + level.maxCrest() + level.crestMargin();
    int most = (int) Math.floor((target.peakDb() - peak) / Mp3Gain.STEP_DB);
    double ideal = Math.min(MAX_BOOST_DB, target.lufs() + offsetLu - loudness) / Mp3Gain.STEP_DB;
    if (ideal > most + PEAK_SHORTFALL_STEPS) {
      return null;
    }
    calibrated.incrementAndGet();
    shortMeasured.incrementAndGet();
    return Mp3Gain.level(frames, Math.min(ideal, most), most, spectrum.frameWeights());
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
   * the loudest by K-weighted energy, among those read (ranked by plain energy, or by that under 0.5,
   * 1 or 2 kHz, the 6 loudest missed by more: over 120 parts 95th percentile 1.9 to 2.1 dB against
   * 1.47, worst 2.1 to 2.2 against 1.73). Over 200 of the Polly stub's parts (4 to
   * 24 s, peaks limited 12.5 dB over the loudness, so many stand within a decibel of the highest),
   * every granule read, the true peak stood over theirs by 0.53 dB (median), 1.55 (95th
   * percentile), 1.87 at most; over the 4 loudest, 0.88, 1.87 and 2.15; over the 32 loudest, 0,
   * 0.78 and 1.35 at four times the cost. Every 2nd granule read: the 8 loudest 0.49, 1.44, 1.73
   * (1.20 ms a part), the 6 loudest 0.53, 1.61, 1.73 (0.93 ms); every 3rd, the 8 loudest: 0.27,
   * 1.54, 2.08. The stretches of a part are decoded in one native decode, their true peak over the
   * highest sample of all (FirstPartProbe, load 7: the 6 loudest 0.71 ms against 0.95 a decode each;
   * the same misses to 0.01 dB). (Fewer warm-up
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
    int[] loudest = spectrum.loudest(PEAK_GRANULES_MORE);
    int few = Math.min(PEAK_GRANULES, loudest.length);
    // the few loudest (the first of the loudest, in order) are decoded once, for a recheck and after it
    double found = Mp3Peaks.ofGranules(frames, java.util.Arrays.copyOf(loudest, few));
    if (recheck != null) {
      // a recheck of a trusted voice is about its level: its peaks bounded by the voice's crest, as
      // its parts levelled by the voice's level are, where the crest leaves room. Its few loudest
      // granules are still decoded (under a millisecond, 1 part in 64 or more): a part peakier than
      // the crest taught (a shout) bounds its own gain and raises the crest the voice's later parts
      // are levelled by; recorded from the crest alone, the crest could never grow
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
    double ideal = Math.min(MAX_BOOST_DB, target.lufs() + offsetLu - loudness) / Mp3Gain.STEP_DB;
    int most = (int) Math.floor((target.peakDb() - found - PEAK_MISS_DB) / Mp3Gain.STEP_DB);
    // the peaks may hold a measured part up to half a step under its target, as they may a part
    // levelled by its voice's level: a closer bound (or decoding the whole part, 10 ms or more) for
    // less than that cost a first part more than the rest of its levelling
    if (ideal > most + PEAK_SHORTFALL_STEPS && few < loudest.length) {
      // no room by the few loudest: the next ones too, a closer bound, before decoding the whole part
      found = Math.max(found, Mp3Peaks.ofGranules(frames, java.util.Arrays.copyOfRange(loudest, few, loudest.length)));
      most = (int) Math.floor((target.peakDb() - found - PEAK_MISS_MORE_DB) / Mp3Gain.STEP_DB);
    }
    if (ideal > most + PEAK_SHORTFALL_STEPS) {
      return null;
    }
    spectral.incrementAndGet();
    if (voice != null) {
      levels.record(voice, loudness, found + PEAK_MISS_TYPICAL_DB, seconds);
    }
    return Mp3Gain.level(frames, Math.min(ideal, most), most, spectrum.frameWeights());
  }

  /**
   * The part decoded, measured and levelled by its measured loudness and true peak; re-encoded (and
   * limited) where its peaks would hold it more than half a step under its target.
   */
  private byte[] decodeAndMeasure(byte[] frames, Mp3Encoder encoder, double offsetLu, String voice,
                                  Mp3Frames.Header first) {
    short[] decoded = Mp3Decoder.decode(frames);
    LoudnessMeter.Analysis a = LoudnessMeter.analyze(decoded, first.sampleRate());
    double loudness = LoudnessMeter.integrated(a.weighted());
    if (loudness == LoudnessMeter.SILENCE) {
      return frames;
    }
    double ideal = Math.min(MAX_BOOST_DB, target.lufs() + offsetLu - loudness) / Mp3Gain.STEP_DB;
    double peak = LoudnessMeter.truePeak(decoded, a);
    int most = (int) Math.floor((target.peakDb() - peak) / Mp3Gain.STEP_DB);
    if (voice != null) {
      levels.record(voice, loudness, peak, decoded.length / (double) first.sampleRate());
    }
    if (ideal <= most + PEAK_SHORTFALL_STEPS || first.sampleRate() != AudioFormats.SAMPLE_RATE
        || decoded.length <= Mp3Encoder.ENCODER_DELAY) {
      return Mp3Gain.level(frames, Math.min(ideal, most), most, Mp3Gain.frameEnergy(a, decoded.length, Mp3Frames.count(frames).frames()));
    }
    // the decoded audio starts with the first encoding's delay; the new encoding adds its own,
    // so the words stay where the engine's marks say they are
    short[] speech = java.util.Arrays.copyOfRange(decoded, Mp3Encoder.ENCODER_DELAY, decoded.length);
    LoudnessNormalizer.Leveled leveled = pcm.level(speech, first.sampleRate(), offsetLu);
    return encoder.encode(leveled.samples(), first.sampleRate(), leveled.gain());
  }

  /** Encoded parts levelled by their voice's calibration, without decoding. */
  long calibratedParts() {
    return calibrated.get();
  }

  /** Encoded parts of a trusted voice measured all the same, as its peaks left the gain no room. */
  long peakyParts() {
    return peaky.get();
  }

  /** Encoded parts measured: from their spectrum, or decoded. */
  long measuredParts() {
    return measured.get();
  }

  /** Encoded parts measured from their spectrum and a few frames' peaks, not decoded whole. */
  long spectralParts() {
    return spectral.get();
  }

  /** Of those, rechecks of a trusted voice whose peaks its crest bounded: no frame decoded. */
  long crestBoundParts() {
    return crestBound.get();
  }

  /** Short parts of a trusted voice levelled by their own loudness from their spectrum ({@link #SHORT_SECONDS}). */
  long shortParts() {
    return shortMeasured.get();
  }
}
