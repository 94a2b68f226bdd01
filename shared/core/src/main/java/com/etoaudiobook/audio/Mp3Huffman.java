package com.etoaudiobook.audio;

import de.sciss.jump3r.mpg.Huffman;

/** Layer III's Huffman-coded lines, read for {@link Mp3Spectrum}: the codes, the bits, the tables. */
final class Mp3Huffman {
  private Mp3Huffman() {
  }

  /** |v|^(8/3): a quantized value's energy before its band's scale. */
  private static final double[] POW83 = new double[8207];

  static {
    for (int i = 0; i < POW83.length; i++) {
      POW83[i] = Math.pow(i, 8.0 / 3);
    }
  }

  /**
   * The granule's quantized lines from the Huffman code (pairs in the big-values regions, each
   * region with its table, then quadruples of -1..1 until the granule's bits end), each line's
   * |v|^(8/3) times its K-weight added to its band's sum. False where the code runs past its
   * granule (not a stream this reads). The bit cache is kept in locals: under C1 (the launcher's
   * and Lambda's JIT) each use of a field is a load or a store.
   */
  static boolean readLines(BitReader bits, long end, int bigValues, int region1, int region2, int[] table,
                                   int count1Table, double[] weights, int[] sfbOfLine, double[] sums) {
    byte[] b = bits.b;
    int next = bits.next;
    long cache = bits.cache;
    int left = bits.left;
    int line = 0;
    int pairs = Math.min(Mp3Spectrum.GRANULE, 2 * bigValues);
    for (int region = 0; region < 3 && line < pairs; region++) {
      int stop = Math.min(pairs, region == 0 ? region1 : region == 1 ? region2 : Mp3Spectrum.GRANULE);
      Code h = PAIRS[table[region]];
      int[] lookup = h.lookup;
      short[] tree = h.tree;
      int linbits = h.linbits;
      for (; line < stop; line += 2) {
        while (left <= 56) {
          cache |= (long) (next < b.length ? b[next] & 0xFF : 0) << (56 - left);
          next++;
          left += 8;
        }
        int e = lookup[(int) (cache >>> (64 - LOOKUP_BITS))];
        if (e >= 0 && (e & ESCAPE) == 0) {
          // a code no longer than the lookup and no linbits: its length and its values' signs in one shift,
          // both lines added without a branch (a 0 adds nothing), to their band at once: every band's
          // width is even, so a pair's two lines share one
          int length = (e >>> 16) & 0xFF;
          cache <<= length;
          left -= length;
          sums[sfbOfLine[line]] += POW83[(e >>> 4) & 0xF] * weights[line] + POW83[e & 0xF] * weights[line + 1];
          continue;
        }
        int y;
        if (e >= 0) {
          int length = e >>> 24;
          cache <<= length;
          left -= length;
          y = e & 0xFF;
        } else {
          int p = -e - 1;
          cache <<= LOOKUP_BITS;
          left -= LOOKUP_BITS;
          while ((y = tree[p++]) < 0) {
            if (cache < 0) {
              p -= y;
            }
            cache <<= 1;
            left--;
          }
        }
        int x = y >> 4;
        y &= 0xF;
        // a code is at most 19 bits, so 37 or more are left: enough for two values' linbits (13) and signs
        if (x != 0) {
          if (x == 15 && linbits > 0) {
            x += (int) (cache >>> (64 - linbits));
            cache <<= linbits;
            left -= linbits;
          }
          cache <<= 1;
          left--;
          sums[sfbOfLine[line]] += POW83[Math.min(x, POW83.length - 1)] * weights[line];
        }
        if (y != 0) {
          if (y == 15 && linbits > 0) {
            y += (int) (cache >>> (64 - linbits));
            cache <<= linbits;
            left -= linbits;
          }
          cache <<= 1;
          left--;
          sums[sfbOfLine[line + 1]] += POW83[Math.min(y, POW83.length - 1)] * weights[line + 1];
        }
      }
      if ((long) next * 8 - left > end) {
        return false;
      }
    }
    int[] lookup = QUADS[count1Table].lookup;
    short[] tree = QUADS[count1Table].tree;
    while (line + 4 <= Mp3Spectrum.GRANULE && (long) next * 8 - left < end) {
      while (left <= 56) {
        cache |= (long) (next < b.length ? b[next] & 0xFF : 0) << (56 - left);
        next++;
        left += 8;
      }
      int a;
      int e = lookup[(int) (cache >>> (64 - LOOKUP_BITS))];
      if (e >= 0) {
        int length = e >>> 24;
        cache <<= length;
        left -= length;
        a = e & 0xFF;
      } else {
        int p = -e - 1;
        cache <<= LOOKUP_BITS;
        left -= LOOKUP_BITS;
        while ((a = tree[p++]) < 0) {
          if (cache < 0) {
            p -= a;
          }
          cache <<= 1;
          left--;
        }
      }
      if ((long) next * 8 - left > end) {
        break; // a code cut short by the granule's end: not a value (decoders drop it too)
      }
      for (int k = 0; k < 4; k++) {
        if ((a & (8 >> k)) != 0) {
          cache <<= 1; // its sign
          left--;
          sums[sfbOfLine[line + k]] += weights[line + k];
        }
      }
      line += 4;
    }
    return true;
  }

  /** Bits of a byte array, most significant first, through a 64-bit cache. */
  static final class BitReader {
    final byte[] b;
    int next;
    long cache;
    int left;

    BitReader(byte[] b) {
      this.b = b;
    }

    void seek(long bit) {
      next = (int) (bit >>> 3);
      cache = 0;
      left = 0;
      refill();
      bits((int) (bit & 7));
    }

    private void refill() {
      while (left <= 56) {
        cache |= (long) (next < b.length ? b[next] & 0xFF : 0) << (56 - left);
        next++;
        left += 8;
      }
    }

    int bits(int n) {
      if (n == 0) {
        return 0;
      }
      if (left < n) {
        refill();
      }
      int v = (int) (cache >>> (64 - n));
      cache <<= n;
      left -= n;
      return v;
    }
  }

  /** A Huffman table (jump3r's copy of mpglib's trees) and, per prefix of LOOKUP_BITS, its leaf and length or where the walk goes on. */
  private static final class Code {
    final short[] tree;
    final int linbits;
    final int[] lookup = new int[1 << LOOKUP_BITS];

    Code(Huffman.newhuff h) {
      tree = h.table;
      linbits = h.linbits;
      for (int prefix = 0; prefix < 1 << LOOKUP_BITS; prefix++) {
        int p = 0;
        int used = 0;
        int entry;
        while (true) {
          if (used == LOOKUP_BITS) {
            entry = -(p + 1);
            break;
          }
          int y = tree[p++];
          if (y >= 0) {
            entry = (used << 16) | y;
            break;
          }
          if (((prefix >> (LOOKUP_BITS - 1 - used)) & 1) == 1) {
            p -= y;
          }
          used++;
        }
        if (entry >= 0) {
          // the code's length (bits 24 on), its length with its values' sign bits (16 on), whether a
          // value may take linbits (ESCAPE: the slow way), the values (x in bits 4-7, y in 0-3)
          int v = entry & 0xFFFF;
          int signs = Integer.bitCount(v & 0xF0) > 0 ? 1 : 0;
          signs += (v & 0xF) != 0 ? 1 : 0;
          boolean escape = linbits > 0 && ((v >> 4) == 15 || (v & 0xF) == 15);
          entry = (used << 24) | ((used + signs) << 16) | (escape ? ESCAPE : 0) | v;
        }
        lookup[prefix] = entry;
      }
    }
  }

  /**
   * Bits of code looked up at once: most codes are shorter (the rest walk the tree from there). 10
   * bits read a short part 3 % faster in a loop (ShortPartProbe), but its 128 KB of tables, against 32,
   * is cold in a worker, where a part's read comes between engine calls.
   */
  private static final int LOOKUP_BITS = 8;
  /** A pair's lookup entry whose values need linbits read: the slow way. */
  private static final int ESCAPE = 1 << 15;

  private static final Code[] PAIRS = new Code[Huffman.ht.length];
  private static final Code[] QUADS = new Code[Huffman.htc.length];

  static {
    for (int i = 0; i < PAIRS.length; i++) {
      PAIRS[i] = new Code(Huffman.ht[i]);
    }
    for (int i = 0; i < QUADS.length; i++) {
      QUADS[i] = new Code(Huffman.htc[i]);
    }
  }
}
