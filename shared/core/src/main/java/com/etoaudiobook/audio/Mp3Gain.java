package com.etoaudiobook.audio;

/**
 * Changes the volume of MP3 frames without decoding, as mp3gain does: every granule's side info
 * carries a global_gain, the quantizer's step size, in steps of 2^(1/4) (1.5 dB). Adding to it
 * scales everything the decoder outputs by exactly that much, and nothing else in the frame moves.
 */
public final class Mp3Gain {
  /** dB per global_gain step: 20 log10(2^(1/4)). */
  public static final double STEP_DB = 20 * Math.log10(Math.pow(2, 0.25));

  private Mp3Gain() {
  }

  /**
   * A copy of {@code frames} (bare MPEG Layer III frames) with every granule's global_gain moved
   * by {@code steps}, clamped to 0..255; frames with a CRC get it recomputed.
   */
  public static byte[] apply(byte[] frames, int steps) {
    return apply(frames, steps, 0);
  }

  /**
   * {@link #apply(byte[], int)} with the frames before {@code raiseUntil} moved one step more: a
   * part between two whole steps, the change falling where {@link #split} put it.
   */
  public static byte[] apply(byte[] frames, int steps, int raiseUntil) {
    byte[] out = frames.clone();
    if (steps == 0 && raiseUntil <= 0) {
      return out;
    }
    for (int frame = 0, offset = 0; offset < out.length; frame++) {
      offset = applyFrame(out, offset, frame < raiseUntil ? steps + 1 : steps);
    }
    return out;
  }

  /**
   * One frame's granules moved {@code by} steps; the next frame's offset. A method per frame, not a
   * loop body: under C1 (the launcher's and Lambda's JIT) a method is compiled after 200 calls,
   * within a part's first frames, where a loop body called once a part runs interpreted for the
   * first hundred parts (5 to 10 times slower: most of what a short script's parts cost to level).
   */
  private static int applyFrame(byte[] out, int offset, int by) {
    Mp3Frames.Header h = Mp3Frames.frameAt(out, offset);
    boolean crc = (out[offset + 1] & 1) == 0;
    int side = offset + 4 + (crc ? 2 : 0);
    int channels = h.mono() ? 1 : 2;
    int granules = h.version() == 1 ? 2 : 1;
    for (int g = 0; g < granules * channels && by != 0; g++) {
      int at = side * 8 + granuleBit(h, g) + 21; // after part2_3_length (12) and big_values (9)
      int gain = read8(out, at);
      write8(out, at, Math.max(0, Math.min(255, gain + by)));
    }
    if (crc && by != 0) {
      int c = crc16(out, offset, side, h.sideInfoLength());
      out[offset + 4] = (byte) (c >> 8);
      out[offset + 5] = (byte) c;
    }
    return offset + h.length();
  }

  /** Where granule-channel {@code g}'s side info starts, in bits after the frame's header (and CRC). */
  private static int granuleBit(Mp3Frames.Header h, int g) {
    // bits before the first granule: main_data_begin, private bits (and MPEG-1's scfsi)
    int bit = h.version() == 1 ? (h.mono() ? 18 : 20) : (h.mono() ? 9 : 10);
    return bit + g * (h.version() == 1 ? 59 : 63);
  }

  /**
   * How much each frame holds, from its side info alone: the square of its quantizer's step
   * (2^(global_gain / 2)), which an encoder sets by the signal's level, where its granules code any
   * value, and nothing where they code none (a pause). A part levelled without decoding places its
   * change of gain by these. (The bits a granule spends say less: a constant-bitrate encoder pours
   * its surplus into silent granules.)
   */
  public static double[] frameWeights(byte[] frames) {
    double[] weights = new double[64];
    int frame = 0;
    for (int offset = 0; offset < frames.length; frame++) {
      if (frame == weights.length) {
        weights = java.util.Arrays.copyOf(weights, frame * 2);
      }
      offset = frameWeight(frames, offset, weights, frame);
    }
    return java.util.Arrays.copyOf(weights, frame);
  }

  /** {@link #frameWeights}'s frame at {@code offset} into {@code weights[frame]}; the next frame's offset (a method per frame: {@link #applyFrame}). */
  private static int frameWeight(byte[] frames, int offset, double[] weights, int frame) {
    Mp3Frames.Header h = Mp3Frames.frameAt(frames, offset);
    int side = offset + 4 + ((frames[offset + 1] & 1) == 0 ? 2 : 0);
    int granules = (h.version() == 1 ? 2 : 1) * (h.mono() ? 1 : 2);
    for (int g = 0; g < granules; g++) {
      int at = side * 8 + granuleBit(h, g);
      int bigValues = ((read8(frames, at + 12) << 1) | (read8(frames, at + 13) & 1)) & 0x1FF;
      if (bigValues > 0) {
        weights[frame] += STEP_POWER[read8(frames, at + 21)];
      }
    }
    return offset + h.length();
  }

  /** 2^(g / 2) for every global_gain g. */
  private static final double[] STEP_POWER = new double[256];

  static {
    for (int g = 0; g < STEP_POWER.length; g++) {
      STEP_POWER[g] = Math.pow(2, g / 2.0);
    }
  }

  /** The share of a part's energy that one step more must reach to raise the whole by {@code fraction} of a step. */
  public static double share(double fraction) {
    return (Math.pow(10, fraction * STEP_DB / 10) - 1) / (Math.pow(10, STEP_DB / 10) - 1);
  }

  /** How far the frame chosen by {@link #split} may move the share raised, for a quieter place. */
  static final double SHARE_SLACK = 0.08;

  /**
   * The frame before which one step more goes, so that the frames before it hold {@code share} of
   * the energy ({@code weights}, one per frame). Among the frames that get within
   * {@link #SHARE_SLACK} of it, the quietest: the step falls in a pause, where it is not heard as a
   * jump (the decoder's overlapping windows spread it over 26 ms anyway).
   */
  public static int split(double[] weights, double share) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    if (total <= 0) {
      return (int) Math.round(share * weights.length);
    }
    Split best = new Split(share, total);
    for (int i = 0; i <= weights.length; i++) {
      best.consider(weights, i);
    }
    return best.at;
  }

  /** {@link #split}'s search: a method per frame, not a loop body ({@link #applyFrame}). */
  private static final class Split {
    private final double share;
    private final double total;
    private double before;
    private int at;
    private double quiet = Double.MAX_VALUE;
    private double miss = Double.MAX_VALUE;

    Split(double share, double total) {
      this.share = share;
      this.total = total;
    }

    /** The place before frame {@code i}: the best so far if it is close and quieter, or closer while none is close. */
    void consider(double[] weights, int i) {
      double m = Math.abs(before / total - share);
      double q = (i > 0 ? weights[i - 1] : 0) + (i < weights.length ? weights[i] : 0);
      boolean close = m <= SHARE_SLACK;
      boolean bestClose = miss <= SHARE_SLACK;
      if (close && (!bestClose || q < quiet || q == quiet && m < miss) || !close && !bestClose && m < miss) {
        at = i;
        quiet = q;
        miss = m;
      }
      if (i < weights.length) {
        before += weights[i];
      }
    }
  }

  /** {@code steps} (fractional) of global gain: whole ones, and one more before a pause for the rest. */
  static byte[] level(byte[] frames, double steps, int most, double[] weights) {
    int low = (int) Math.floor(steps);
    double share = share(steps - low);
    // a part of a few frames has no pause to put the step in: the nearer whole step
    int raise = low + 1 > most ? 0 : weights.length < 8 ? (share < 0.5 ? 0 : weights.length)
        : split(weights, share);
    return low == 0 && raise == 0 ? frames : apply(frames, low, raise);
  }

  /**
   * Each frame's share of the loudness: the K-weighted power of the 100 ms block it falls in, but
   * nothing for blocks under the relative gate (they do not count in the integrated loudness).
   */
  static double[] frameEnergy(LoudnessMeter.Analysis a, int samples, int frames) {
    double[] power = a.weighted();
    double mean = 0;
    for (double p : power) {
      mean += p;
    }
    double gate = power.length == 0 ? 0 : mean / power.length * 0.1;
    double[] out = new double[Math.max(1, frames)];
    double perFrame = samples / (double) out.length;
    for (int f = 0; f < out.length; f++) {
      int b = (int) ((f + 0.5) * perFrame / a.step());
      double p = b < power.length ? power[b] : power.length > 0 ? power[power.length - 1] : 0;
      out[f] = p > gate ? p : 0;
    }
    return out;
  }

  private static int read8(byte[] b, int bit) {
    int word = ((b[bit >> 3] & 0xFF) << 8) | (b[(bit >> 3) + 1] & 0xFF);
    return (word >> (8 - (bit & 7))) & 0xFF;
  }

  private static void write8(byte[] b, int bit, int value) {
    int shift = 8 - (bit & 7);
    int word = ((b[bit >> 3] & 0xFF) << 8) | (b[(bit >> 3) + 1] & 0xFF);
    word = (word & ~(0xFF << shift)) | (value << shift);
    b[bit >> 3] = (byte) (word >> 8);
    b[(bit >> 3) + 1] = (byte) word;
  }

  /** CRC-16 (0x8005, from 0xFFFF) over header bytes 2-3 and the side info, as the standard says. */
  static int crc16(byte[] b, int frame, int side, int sideLength) {
    int crc = 0xFFFF;
    for (int i = 0; i < 2 + sideLength; i++) {
      int v = b[i < 2 ? frame + 2 + i : side + i - 2] & 0xFF;
      for (int k = 7; k >= 0; k--) {
        boolean top = ((crc >> 15) & 1) != ((v >> k) & 1);
        crc = (crc << 1) & 0xFFFF;
        if (top) {
          crc ^= 0x8005;
        }
      }
    }
    return crc;
  }
}
