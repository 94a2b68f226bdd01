package com.etoaudiobook.local;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress on stderr. On a terminal: one line redrawn in place (at most ten times a second), ended
 * by a newline when done. Elsewhere (a log file, a CI console) a carriage return would pile up, so
 * a plain line every few seconds and one at the end.
 */
final class ProgressBar {
  /** Between two lines when stderr is not a terminal. */
  static final long LINE_EVERY_NANOS = 5_000_000_000L;
  private static final long REDRAW_EVERY_NANOS = 100_000_000L;
  private static final int WIDTH = 30;

  private final PrintStream out;
  private final boolean terminal;
  private final LongSupplier clock;
  private final long started;
  private volatile int total;
  private int shown = -1;
  private long lastDraw;

  ProgressBar(PrintStream out, boolean terminal) {
    this(out, terminal, System::nanoTime);
  }

  ProgressBar(PrintStream out, boolean terminal, LongSupplier clock) {
    this.out = out;
    this.terminal = terminal;
    this.clock = clock;
    this.started = clock.getAsLong();
  }

  void total(int total) {
    this.total = total;
    update(0); // something to look at while the first parts are spoken
  }

  synchronized void update(int done) {
    if (total <= 0 || done <= shown) {
      return; // workers report out of order; never step back or repeat
    }
    long now = clock.getAsLong();
    boolean last = done >= total;
    long every = terminal ? REDRAW_EVERY_NANOS : LINE_EVERY_NANOS;
    if (!last && shown >= 0 && now - lastDraw < every) {
      return;
    }
    shown = done;
    lastDraw = now;
    double fraction = Math.min(1.0, done / (double) total);
    double elapsed = (now - started) / 1e9;
    String eta = last ? clock(elapsed) + " total" : done == 0 ? "--:--" : "ETA " + clock(elapsed / done * (total - done));
    long percent = Math.round(fraction * 100);
    if (terminal) {
      int filled = (int) Math.round(fraction * WIDTH);
      // \r back to the line's start, ESC[K clears what a longer earlier line left behind
      out.printf(Locale.ROOT, "\r[%s%s] %d/%d parts %3d%%  %s\033[K", "#".repeat(filled),
          ".".repeat(WIDTH - filled), done, total, percent, eta);
      if (last) {
        out.println();
      }
    } else {
      out.printf(Locale.ROOT, "%d/%d parts (%d%%), %s%n", done, total, percent, eta);
    }
    out.flush();
  }

  static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
