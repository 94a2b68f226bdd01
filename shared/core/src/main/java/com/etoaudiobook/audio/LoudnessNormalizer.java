package com.etoaudiobook.audio;

import com.etoaudiobook.audio.internal.Mp3Decoder;

/**
 * Brings one part to the {@link LoudnessTarget}, before it is stored and cached. PCM (eSpeak NG)
 * is measured, scaled and, where a peak would pass the ceiling, limited with look-ahead, then
 * encoded. MP3 (Polly) is decoded to be measured, and its frames' global gain moved in whole
 * 1.5 dB steps; re-encoded only when its peaks leave no other way to the target.
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
  /** Close enough: a fifth of the 1 LU a listener notices (each pass costs a limiting run). */
  private static final double TOLERANCE_LU = 0.2;
  private static final double ATTACK_SECONDS = 0.002;
  private static final double RELEASE_SECONDS = 0.05;

  private final LoudnessTarget target;

  public LoudnessNormalizer(LoudnessTarget target) {
    this.target = target;
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
   * Measures once, then decides the gain and limits only around the peaks that would pass the
   * ceiling: most samples are read once, by the meter. What limiting takes away is estimated per
   * sub-block from the energy it removed, and the gain raised to give it back (a pass or two).
   */
  public Leveled level(short[] pcm, int sampleRate) {
    LoudnessMeter.Analysis a = LoudnessMeter.analyze(pcm, sampleRate);
    double loudness = LoudnessMeter.integrated(a.weighted());
    if (loudness == LoudnessMeter.SILENCE) {
      return new Leveled(pcm, 1.0);
    }
    double goal = target.lufs() + CODING_LOSS_DB;
    double ceiling = 32767 * Math.pow(10, (target.peakDb() - ENCODING_MARGIN_DB) / 20);
    double gainDb = Math.min(MAX_BOOST_DB, goal - loudness);
    short[] samples = pcm;
    for (int pass = 0; pass < 3; pass++) {
      double gain = Math.pow(10, gainDb / 20);
      if (samples != pcm) {
        System.arraycopy(pcm, 0, samples, 0, pcm.length); // undo the last pass's limiting
      }
      double[] removed = new double[a.subBlocks()];
      short[] limited = limitPeaks(pcm, samples == pcm ? null : samples, gain, ceiling, sampleRate, a, removed);
      if (limited == null) {
        break; // no peak passes the ceiling: the loudness moves by exactly the gain
      }
      samples = limited;
      double[] power = a.weighted().clone();
      for (int b = 0; b < power.length; b++) {
        if (removed[b] > 0) {
          power[b] *= Math.max(0, 1 - removed[b] / a.plain()[b]);
        }
      }
      double miss = goal - (LoudnessMeter.integrated(power) + gainDb);
      if (Math.abs(miss) < TOLERANCE_LU || gainDb >= MAX_BOOST_DB || pass == 2) {
        break; // (the samples were limited for this gain: it is the one to return)
      }
      gainDb = Math.min(MAX_BOOST_DB, gainDb + miss);
    }
    return new Leveled(samples, Math.pow(10, gainDb / 20));
  }

  /**
   * Pulls the gain down around every sample that would pass the ceiling: linearly over the attack
   * before the peak (look-ahead, so the peak itself is under) and back over the release, so the
   * gain's slope is bounded and limiting adds no clicks. Only the regions around peaks are touched;
   * there the samples become x·g/gain, since the encoder multiplies by gain.
   *
   * @param out     where to write (a copy of in), or null to make one when a peak is found
   * @param removed per sub-block, the plain energy (at gain 1) limiting takes away
   * @return the limited samples, or null when no sample passes the ceiling
   */
  static short[] limitPeaks(short[] in, short[] out, double gain, double ceiling, int sampleRate,
                            LoudnessMeter.Analysis a, double[] removed) {
    int attack = Math.max(1, (int) Math.round(ATTACK_SECONDS * sampleRate));
    int release = Math.max(1, (int) Math.round(RELEASE_SECONDS * sampleRate));
    double threshold = ceiling / gain;
    int step = a.step();
    int regionStart = -1;
    int regionEnd = -1;
    for (int b = 0; b <= a.subBlocks(); b++) {
      // the tail after the last whole sub-block is scanned with the last one
      boolean last = b == a.subBlocks();
      if (!last && a.peak()[b] <= threshold) {
        continue;
      }
      int from = last ? a.subBlocks() * step : b * step;
      int to = last ? in.length : from + step;
      for (int i = from; i < to; i++) {
        if (Math.abs(in[i]) > threshold) {
          int s = Math.max(0, i - attack);
          int e = Math.min(in.length, i + release + 1);
          if (s > regionEnd) { // a new region: finish the open one
            if (regionStart >= 0) {
              out = limitRegion(in, out, regionStart, regionEnd, gain, ceiling, attack, release, step, removed);
            }
            regionStart = s;
          }
          regionEnd = Math.max(regionEnd, e);
        }
      }
    }
    if (regionStart >= 0) {
      out = limitRegion(in, out, regionStart, regionEnd, gain, ceiling, attack, release, step, removed);
    }
    return regionStart >= 0 ? out : null;
  }

  /** The limiter over [start, end), where the gain is back to full at both ends. */
  private static short[] limitRegion(short[] in, short[] out, int start, int end, double gain, double ceiling,
                                     int attack, int release, int step, double[] removed) {
    if (out == null) {
      out = in.clone();
    }
    // the gain curve relative to the encoder's gain: 1 away from peaks
    double attackStep = 1.0 / attack;
    double releaseStep = 1.0 / release;
    double limit = ceiling / gain;
    float[] g = new float[end - start];
    double next = 1;
    for (int i = end - 1; i >= start; i--) {
      int magnitude = Math.abs(in[i]);
      next += attackStep;
      if (magnitude * next > limit) { // limit / magnitude < next
        next = limit / magnitude;
      }
      g[i - start] = (float) next;
    }
    double current = 1;
    int b = start / step;
    int blockEnd = (b + 1) * step;
    double sum = 0;
    for (int i = start; i < end; i++) {
      if (i == blockEnd) {
        if (b < removed.length) {
          removed[b] += sum;
        }
        sum = 0;
        b++;
        blockEnd += step;
      }
      current += releaseStep;
      if (g[i - start] < current) {
        current = g[i - start];
      }
      if (current < 1) {
        int x = in[i];
        double y = x * current;
        int rounded = (int) (y < 0 ? y - 0.5 : y + 0.5);
        out[i] = (short) rounded;
        sum += (double) x * x - (double) rounded * rounded;
      }
    }
    if (b < removed.length) {
      removed[b] += sum;
    }
    return out;
  }

  private static short clip(long v) {
    return (short) (v > 32767 ? 32767 : v < -32768 ? -32768 : v);
  }

  /**
   * MP3 frames at the target. The cheap way first: whole 1.5 dB steps of global gain, when that
   * reaches the target within 0.75 LU with the true peak under the ceiling. Speech whose peaks
   * stand far above its loudness cannot get there by gain alone; only then is the decoded audio
   * normalized and limited like PCM and encoded again (a second generation, never a missed target).
   */
  public byte[] normalizeMp3(byte[] frames, Mp3Encoder encoder) {
    Mp3Frames.Header first = Mp3Frames.header(frames, 0);
    if (first == null) {
      throw new IllegalArgumentException("not MP3 frames");
    }
    short[] pcm = Mp3Decoder.decode(frames);
    double loudness = LoudnessMeter.integrated(pcm, first.sampleRate());
    if (loudness == LoudnessMeter.SILENCE) {
      return frames;
    }
    int wanted = (int) Math.round(Math.min(MAX_BOOST_DB, target.lufs() - loudness) / Mp3Gain.STEP_DB);
    double peak = LoudnessMeter.truePeak(pcm);
    int steps = wanted;
    while (peak + steps * Mp3Gain.STEP_DB > target.peakDb()) {
      steps--;
    }
    if (steps == wanted || first.sampleRate() != AudioFormats.SAMPLE_RATE || pcm.length <= Mp3Encoder.ENCODER_DELAY) {
      return steps == 0 ? frames : Mp3Gain.apply(frames, steps);
    }
    // the decoded audio starts with the first encoding's delay; the new encoding adds its own,
    // so the words stay where the engine's marks say they are
    short[] speech = java.util.Arrays.copyOfRange(pcm, Mp3Encoder.ENCODER_DELAY, pcm.length);
    Leveled leveled = level(speech, first.sampleRate());
    return encoder.encode(leveled.samples(), first.sampleRate(), leveled.gain());
  }
}
