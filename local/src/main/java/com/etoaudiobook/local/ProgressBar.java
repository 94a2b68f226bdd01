package com.etoaudiobook.local;

import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress bar with an ETA on a terminal; a line per 10 % when output is not a terminal. */
final class ProgressBar {
  private final PrintStream out;
  private final boolean terminal;
  private final long started = System.nanoTime();
  private volatile int total;
  private int lastDecile = -1;
  private long lastDraw;

  ProgressBar(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  void total(int total) {
    this.total = total;
  }

  private int shown;

  synchronized void update(int done) {
    if (total <= 0 || done < shown) {
      return; // workers report out of order; never step back
    }
    shown = done;
    long now = System.nanoTime();
    double fraction = Math.min(1.0, done / (double) total);
    double elapsed = (now - started) / 1e9;
    String eta = done == 0 ? "--:--" : clock(elapsed / done * (total - done));
    if (terminal) {
      if (done < total && now - lastDraw < 100_000_000L) {
        return;
      }
      lastDraw = now;
      int width = 30;
      int filled = (int) Math.round(fraction * width);
      out.printf(Locale.ROOT, "\r[%s%s] %d/%d parts %3d%%  ETA %s ", "#".repeat(filled), ".".repeat(width - filled),
          done, total, Math.round(fraction * 100), eta);
      if (done >= total) {
        out.println();
      }
    } else {
      int decile = (int) (fraction * 10);
      if (decile != lastDecile) {
        lastDecile = decile;
        out.printf(Locale.ROOT, "%d/%d parts (%d%%), ETA %s%n", done, total, decile * 10, eta);
      }
    }
    out.flush();
  }

  static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
