package com.etoaudiobook.formats.internal;

import java.util.Arrays;

/**
 * PDFBox's rule for duplicate overlapping text (a glyph drawn again within a third of its width of the same
 * glyph on the page, as fake bold and shadowed text are drawn) kept in a hash grid instead of PDFBox's sorted
 * maps of floats, which took a third of the CPU of reading an ordinary PDF. Positions are bucketed in square
 * cells; a glyph is compared with the glyphs of the few cells its tolerance reaches.
 */
final class OverlapFilter {
  /** Points a cell spans: wider than the tolerance of body text, so a look-up reaches one to four cells. */
  private static final float CELL = 8f;
  /** Cells one look-up may visit: a glyph wider than a page (a damaged font) is compared nearby only. */
  private static final int MAX_SPAN = 8;
  /**
   * Points from the origin beyond which a glyph is not compared (no page is that big): the cell numbers of
   * such a place overflow, and a loop over them would never end.
   */
  private static final float MAX_COORDINATE = 1 << 20;

  private long[] slotKeys = new long[1 << 12];
  private int[] slotHeads = new int[1 << 12];
  private int[] slotGen = new int[1 << 12];
  private int gen = 1;
  private int size;
  private float[] xs = new float[1 << 11];
  private float[] ys = new float[1 << 11];
  private String[] texts = new String[1 << 11];
  private int[] next = new int[1 << 11];

  /** Forgets the page's glyphs: a glyph repeats only within a page. */
  void clear() {
    gen++;
    Arrays.fill(texts, 0, size, null);
    size = 0;
  }

  /**
   * Whether {@code text} was drawn at ({@code x}, {@code y}) already, within {@code tolerance} in both
   * directions; if not, it is recorded.
   */
  boolean repeated(String text, float x, float y, float tolerance) {
    if (!(Math.abs(x) <= MAX_COORDINATE && Math.abs(y) <= MAX_COORDINATE)) {
      return false; // off any page, or NaN: kept, and not recorded
    }
    if (tolerance > 0) {
      float reach = Math.min(tolerance, CELL * MAX_SPAN / 2f);
      int x0 = cell(x - reach);
      int x1 = cell(x + reach);
      int y0 = cell(y - reach);
      int y1 = cell(y + reach);
      for (int cx = x0; cx <= x1; cx++) {
        for (int cy = y0; cy <= y1; cy++) {
          for (int e = head(key(text, cx, cy)); e >= 0; e = next[e]) {
            // Half-open like PDFBox's subMap(from, to): x - tolerance <= x' < x + tolerance.
            if (xs[e] >= x - tolerance && xs[e] < x + tolerance && ys[e] >= y - tolerance
                && ys[e] < y + tolerance && texts[e].equals(text)) {
              return true;
            }
          }
        }
      }
    }
    add(text, x, y);
    return false;
  }

  private static int cell(float v) {
    return (int) Math.floor(v / CELL);
  }

  private static long key(String text, int cx, int cy) {
    long code = text.length() == 1 ? text.charAt(0) : text.hashCode();
    return (code << 40) ^ ((long) (cx & 0xFFFFF) << 20) ^ (cy & 0xFFFFF);
  }

  private int slot(long key) {
    int mask = slotKeys.length - 1;
    int i = (int) (key ^ (key >>> 29) ^ (key >>> 47)) * 0x9E3779B9 >>> 7 & mask;
    while (slotGen[i] == gen && slotKeys[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private int head(long key) {
    int s = slot(key);
    return slotGen[s] == gen ? slotHeads[s] : -1;
  }

  private void add(String text, float x, float y) {
    if (size == xs.length) {
      xs = Arrays.copyOf(xs, size * 2);
      ys = Arrays.copyOf(ys, size * 2);
      texts = Arrays.copyOf(texts, size * 2);
      next = Arrays.copyOf(next, size * 2);
    }
    if (size * 2 >= slotKeys.length) {
      rehash();
    }
    int e = size++;
    xs[e] = x;
    ys[e] = y;
    texts[e] = text;
    long key = key(text, cell(x), cell(y));
    int s = slot(key);
    next[e] = slotGen[s] == gen ? slotHeads[s] : -1;
    slotGen[s] = gen;
    slotKeys[s] = key;
    slotHeads[s] = e;
  }

  /** Twice the slots, every recorded glyph put back in its cell. */
  private void rehash() {
    int n = slotKeys.length * 2;
    slotKeys = new long[n];
    slotHeads = new int[n];
    slotGen = new int[n];
    int count = size;
    size = 0;
    for (int e = 0; e < count; e++) {
      long key = key(texts[e], cell(xs[e]), cell(ys[e]));
      int s = slot(key);
      next[e] = slotGen[s] == gen ? slotHeads[s] : -1;
      slotGen[s] = gen;
      slotKeys[s] = key;
      slotHeads[s] = e;
    }
    size = count;
  }
}
