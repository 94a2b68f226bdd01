package com.etoaudiobook.audio;

/**
 * What MPEG-2 Layer III frames hold, read only as far as their dequantized spectrum: the bit
 * reservoir, the side info, the scalefactors and the Huffman-coded lines of every granule, but
 * none of the decoder's synthesis (alias reduction, inverse MDCT, polyphase filterbank: four fifths
 * of decoding). The hybrid filterbank is orthogonal, so a granule's lines carry the energy of the
 * 576 samples it becomes; weighted line by line by the K-filter's response at the line's frequency,
 * they give the K-weighted energy a loudness meter would measure on the decoded samples.
 *
 * <p>Reads what Polly and our encoder send (MPEG-2 and 2.5, mono, no mixed blocks); anything else
 * reads as null and is decoded instead.
 */
public final class Mp3Spectrum {
  /** Samples a granule of MPEG-2 becomes. */
  static final int GRANULE = 576;

  /**
   * Per granule, the K-weighted sum of squares of its samples (full scale 1.0); between the
   * granules read ({@link #read(byte[], int)}), interpolated from the nearest read on each side.
   */
  final double[] weighted;
  final int sampleRate;
  /** Every how many granules one was read: 1, all. */
  final int stride;

  private Mp3Spectrum(double[] weighted, int sampleRate, int stride) {
    this.weighted = weighted;
    this.sampleRate = sampleRate;
    this.stride = stride;
  }

  /**
   * Per {@code step} samples of the decoded audio (as {@link LoudnessMeter.Analysis#weighted()}:
   * mean square, K-weighted), a granule's energy spread over the samples it becomes,
   * {@code delay} samples after its own place.
   */
  double[] subBlocks(int step, int delay) {
    int count = weighted.length * GRANULE / step;
    double[] out = new double[count];
    for (int g = 0; g < weighted.length; g++) {
      spread(out, g, weighted[g] / GRANULE / step, step, delay);
    }
    return out;
  }

  /** Granule {@code g}'s energy ({@code perSample} a sample) added to the sub-blocks it falls in (a method per granule: see {@link #granule}). */
  private static void spread(double[] out, int g, double perSample, int step, int delay) {
    int from = g * GRANULE + delay;
    int to = from + GRANULE;
    for (int at = Math.max(0, from); at < to; ) {
      int b = at / step;
      if (b >= out.length) {
        return;
      }
      int next = Math.min(to, (b + 1) * step);
      out[b] += perSample * (next - at);
      at = next;
    }
  }

  /** The frames' spectrum, or null where they are not what this reads (the caller decodes them). */
  public static Mp3Spectrum read(byte[] frames) {
    return read(frames, 1);
  }

  /**
   * The spectrum of every {@code stride}-th granule (the first, then every stride-th after it),
   * the others skipped by their side info's part2_3_length, without their Huffman codes (nearly
   * all of the cost); their energy is interpolated from the granules read beside them. Speech
   * changes slowly next to a granule's 26 ms, so the loudness of the whole stays close
   * ({@link Mp3Levelling#SPECTRUM_STRIDE}).
   */
  public static Mp3Spectrum read(byte[] frames, int stride) {
    try {
      return readOrNull(frames, Math.max(1, stride));
    } catch (RuntimeException e) {
      return null; // a frame this reads wrong (a code past its table): the decoder is the judge
    }
  }

  private static Mp3Spectrum readOrNull(byte[] frames, int stride) {
    Mp3Frames.Header first = Mp3Frames.header(frames, 0);
    if (first == null || first.version() != 2 || !first.mono()) {
      return null;
    }
    Mp3Bands bands = Mp3Bands.of(first.sampleRate());
    if (bands == null) {
      return null;
    }
    // the main data of every frame, one after the other: a granule's may start in frames before its own
    byte[] main = new byte[frames.length + 8];
    int count = Mp3Frames.count(frames).frames();
    double[] weighted = new double[count];
    double[] sums = new double[39];
    int[] scalefactors = new int[40];
    int[] table = new int[3];
    int[] subblockGain = new int[3];
    Mp3Huffman.BitReader bits = new Mp3Huffman.BitReader(main);
    Mp3Huffman.BitReader info = new Mp3Huffman.BitReader(frames);
    // per granule: the offset of the next frame, the main data gathered so far (a method per frame, not a loop body:
    // under C1 a loop body called once a part runs interpreted for the first hundred parts, see granule)
    int[] at = new int[2];
    for (int g = 0; g < count; g++) {
      if (!frame(frames, at, main, g % stride == 0, weighted, g, first.sampleRate(), info, bits, bands, table,
          subblockGain, scalefactors, sums)) {
        return null;
      }
    }
    interpolate(weighted, stride);
    return new Mp3Spectrum(weighted, first.sampleRate(), stride);
  }

  /**
   * The frame at {@code at[0]}: its main data appended to {@code main} (at {@code at[1]}), its granule
   * read into {@code weighted[g]} if {@code read} (else NaN, to be interpolated); false where this
   * cannot read it.
   */
  private static boolean frame(byte[] frames, int[] at, byte[] main, boolean read, double[] weighted, int g, int rate,
                               Mp3Huffman.BitReader info, Mp3Huffman.BitReader bits, Mp3Bands bands, int[] table,
                               int[] subblockGain, int[] scalefactors, double[] sums) {
    int offset = at[0];
    Mp3Frames.Header h = Mp3Frames.header(frames, offset);
    if (h == null || h.version() != 2 || !h.mono() || h.sampleRate() != rate) {
      return false;
    }
    int side = offset + 4 + ((frames[offset + 1] & 1) == 0 ? 2 : 0);
    int dataStart = side + 9;
    int dataLength = offset + h.length() - dataStart;
    if (dataLength < 0) {
      return false;
    }
    int before = at[1];
    System.arraycopy(frames, dataStart, main, before, dataLength);
    at[1] = before + dataLength;
    at[0] = offset + h.length();
    if (!read) {
      weighted[g] = Double.NaN; // not read: only its main data kept, for the granules whose reservoir reaches back into it
      return true;
    }
    weighted[g] = granule(info, bits, side, before, at[1], bands, rate, table, subblockGain, scalefactors, sums);
    return !Double.isNaN(weighted[g]);
  }

  /**
   * One granule's K-weighted energy, from its side info at byte {@code side} and its main data,
   * which starts main_data_begin bytes before {@code before} in the reservoir; 0 where that lies
   * before the first frame, NaN where this cannot read it. A method per granule, not a loop body:
   * under C1 (the launcher's and Lambda's JIT) a loop body runs interpreted until some 60,000
   * iterations, a method is compiled after 200 calls, within a worker's first measured part.
   */
  private static double granule(Mp3Huffman.BitReader info, Mp3Huffman.BitReader bits, int side, int before,
                                int mainLength, Mp3Bands bands, int rate, int[] table, int[] subblockGain,
                                int[] scalefactors, double[] sums) {
    info.seek(side * 8L);
    int mainDataBegin = info.bits(8);
    info.bits(1); // private
    int part23 = info.bits(12);
    int bigValues = Math.min(288, info.bits(9));
    int globalGain = info.bits(8);
    int compress = info.bits(9);
    int blockType = 0;
    java.util.Arrays.fill(subblockGain, 0);
    int region1;
    int region2;
    if (info.bits(1) == 1) {
      blockType = info.bits(2);
      if (info.bits(1) == 1 || blockType == 0) {
        return Double.NaN; // mixed blocks (LAME writes none), or an invalid granule
      }
      table[0] = info.bits(5);
      table[1] = info.bits(5);
      table[2] = 0;
      for (int w = 0; w < 3; w++) {
        subblockGain[w] = info.bits(3);
      }
      // implicit regions, as decoders place them
      region1 = blockType == 2 ? 36 : rate == 8000 ? 108 : 54;
      region2 = GRANULE;
    } else {
      for (int i = 0; i < 3; i++) {
        table[i] = info.bits(5);
      }
      int r0 = info.bits(4);
      int r1 = info.bits(3);
      region1 = bands.longIdx[r0 + 1];
      region2 = r0 + r1 + 2 > 22 ? GRANULE : bands.longIdx[r0 + r1 + 2];
    }
    int scale = info.bits(1);
    int count1Table = info.bits(1);
    int start = before - mainDataBegin;
    if (start < 0) {
      return 0; // its reservoir lies in frames that are not here: a decoder skips it too
    }
    long end = start * 8L + part23;
    if (end > mainLength * 8L) {
      return Double.NaN;
    }
    bits.seek(start * 8L);
    boolean preflag = readScalefactors(bits, compress, blockType == 2, scalefactors);
    boolean shortBlocks = blockType == 2;
    java.util.Arrays.fill(sums, 0);
    if (!Mp3Huffman.readLines(bits, end, bigValues, region1, region2, table, count1Table,
        shortBlocks ? bands.shortWeights : bands.longWeights, shortBlocks ? bands.shortSfb : bands.longSfb, sums)) {
      return Double.NaN;
    }
    double e = 0;
    int shift = 1 + scale;
    for (int sfb = 0, bandCount = shortBlocks ? 39 : 22; sfb < bandCount; sfb++) {
      if (sums[sfb] == 0) {
        continue;
      }
      // quarter steps of 2^(1/4) under the global gain: scalefactors (and, short, the sub-block gain)
      int q = shortBlocks
          ? 8 * subblockGain[sfb % 3] + (scalefactors[sfb] << shift)
          : (scalefactors[sfb] + (preflag ? PRETAB[sfb] : 0)) << shift;
      e += sums[sfb] * pow2Quarter(2 * (globalGain - 210 - q));
    }
    return e * (shortBlocks ? SHORT_SCALE : LONG_SCALE);
  }

  /**
   * Each granule not read: the straight line between the granules read before and after it (every
   * {@code stride}-th, from the first), or after the last one read, that one's. A method per gap, not
   * a loop body (see {@link #granule}).
   */
  private static void interpolate(double[] weighted, int stride) {
    for (int read = 0; read < weighted.length; read += stride) {
      fill(weighted, read, stride);
    }
  }

  private static void fill(double[] weighted, int read, int stride) {
    int next = read + stride;
    for (int g = read + 1; g < next && g < weighted.length; g++) {
      weighted[g] = next >= weighted.length ? weighted[read]
          : weighted[read] + (weighted[next] - weighted[read]) * (g - read) / stride;
    }
  }

  /**
   * Decoded samples' sum of squares per sum of squared lines (full scale 1.0): half the samples of
   * the transform a line belongs to (a long block's 18 lines a subband become 36 samples, a short
   * window's 6 become 12). Fitted over eSpeak NG speech through LAME: 288.0 and 96.0 to 5 ppm.
   */
  static final double LONG_SCALE = GRANULE / 2.0;
  static final double SHORT_SCALE = GRANULE / 6.0;
  /**
   * Where a granule's samples come out of the decoder, after its own place: the inverse MDCT's
   * overlap and the filterbank's delay. Fitted: integrated loudness from the spectrum against
   * the decoded samples, 70 eSpeak NG parts of 0.4 to 8.6 s: 0.010 LU rms at 576 samples, 0.028 at
   * 288, 0.034 at 864.
   */
  static final int DELAY = GRANULE;

  /** Integrated loudness (LUFS) of the decoded frames, as {@link LoudnessMeter} would measure it. */
  public double loudness() {
    return LoudnessMeter.integrated(subBlocks((int) Math.round(sampleRate * 0.1), DELAY));
  }

  public int granules() {
    return weighted.length;
  }

  /**
   * Each frame's share of the loudness, to place a change of gain by: its granule's K-weighted
   * energy, but nothing for granules under a tenth of the mean (pauses).
   */
  double[] frameWeights() {
    double mean = 0;
    for (double w : weighted) {
      mean += w / weighted.length;
    }
    double[] out = new double[weighted.length];
    for (int g = 0; g < out.length; g++) {
      out[g] = weighted[g] > mean * 0.1 ? weighted[g] : 0;
    }
    return out;
  }

  /**
   * The {@code count} granules read of most K-weighted energy, loudest first (ties: the earlier
   * first). Kept by insertion into the few wanted: sorting every granule read, boxed, cost a measured
   * part 0.04 ms under C1.
   */
  public int[] loudest(int count) {
    int read = (weighted.length + stride - 1) / stride;
    int k = Math.max(0, Math.min(count, read));
    int[] out = new int[k];
    int size = 0;
    for (int i = 0; i < read && k > 0; i++) {
      size = insert(out, size, i * stride);
    }
    return out;
  }

  /** Granule {@code g} into the {@code size} loudest so far, if louder than the last of a full list; the new size (a method per granule: see {@link #granule}). */
  private int insert(int[] out, int size, int g) {
    int k = out.length;
    double w = weighted[g];
    if (size == k && !(w > weighted[out[k - 1]])) {
      return size;
    }
    int at = size < k ? size++ : k - 1;
    while (at > 0 && weighted[out[at - 1]] < w) {
      out[at] = out[at - 1];
      at--;
    }
    out[at] = g;
    return size;
  }

  private static final int[] PRETAB = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 3, 3, 3, 2, 0};
  private static final double[] POW2_QUARTER = new double[2048];

  static {
    for (int i = 0; i < POW2_QUARTER.length; i++) {
      POW2_QUARTER[i] = Math.pow(2, (i - 1024) / 4.0);
    }
  }

  private static double pow2Quarter(int exponent) {
    return POW2_QUARTER[Math.max(0, Math.min(POW2_QUARTER.length - 1, exponent + 1024))];
  }

  /**
   * MPEG-2's scalefactors (ISO 13818-3 2.4.3.2): scalefac_compress picks how many bands each of
   * four groups has and how many bits each of their factors takes. Long blocks: 21 factors and
   * one 0; short: 36 (band by band, window by window) and three 0s. Returns the preflag.
   */
  private static boolean readScalefactors(Mp3Huffman.BitReader bits, int compress, boolean shortBlocks, int[] out) {
    int slen = SLEN[compress];
    int[] counts = GROUPS[shortBlocks ? 1 : 0][(slen >> 12) & 7];
    int n = 0;
    for (int group = 0; group < 4; group++) {
      int width = slen & 7;
      slen >>= 3;
      for (int j = 0; j < counts[group]; j++) {
        out[n++] = width == 0 ? 0 : bits.bits(width);
      }
    }
    while (n < out.length) {
      out[n++] = 0;
    }
    return ((SLEN[compress] >> 15) & 1) == 1;
  }

  /** Mp3Bands per group of scalefactors, by block (long, short) and by the group layout of scalefac_compress. */
  private static final int[][][] GROUPS = {
      {{6, 5, 5, 5}, {6, 5, 7, 3}, {11, 10, 0, 0}, {7, 7, 7, 0}, {6, 6, 6, 3}, {8, 8, 5, 0}},
      {{9, 9, 9, 9}, {9, 9, 12, 6}, {18, 18, 0, 0}, {12, 12, 12, 0}, {12, 9, 9, 6}, {15, 12, 9, 0}}};
  /** scalefac_compress to the four groups' bit widths (3 bits each), the layout (bits 12-14), the preflag (bit 15). */
  private static final int[] SLEN = new int[512];

  static {
    for (int i = 0; i < 5; i++) {
      for (int j = 0; j < 5; j++) {
        for (int k = 0; k < 4; k++) {
          for (int l = 0; l < 4; l++) {
            SLEN[l + k * 4 + j * 16 + i * 80] = i | (j << 3) | (k << 6) | (l << 9);
          }
          SLEN[k + j * 4 + i * 20 + 400] = i | (j << 3) | (k << 6) | (1 << 12);
        }
      }
    }
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 3; j++) {
        SLEN[j + i * 3 + 500] = i | (j << 3) | (2 << 12) | (1 << 15);
      }
    }
  }
}
