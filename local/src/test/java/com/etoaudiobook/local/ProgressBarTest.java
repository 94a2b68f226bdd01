package com.etoaudiobook.local;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressBarTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private final AtomicLong now = new AtomicLong();

  private String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void notATerminalGetsALineEveryFewSecondsAndOneAtTheEnd() {
    ProgressBar bar = new ProgressBar(out, false, now::get);
    bar.total(1000);
    for (int done = 1; done <= 1000; done++) {
      now.addAndGet(ProgressBar.LINE_EVERY_NANOS / 100); // 100 parts per interval
      bar.update(done);
    }
    String[] lines = text().split("\n");
    // the first line at start, one per interval (10), the last at the end: never one per part
    assertTrue(lines.length >= 10 && lines.length <= 13, text());
    assertTrue(lines[lines.length - 1].startsWith("1000/1000 parts (100%)"), text());
    assertFalse(text().contains("\r"), text());
  }

  @Test
  void aTerminalGetsOneLineRedrawnInPlace() {
    ProgressBar bar = new ProgressBar(out, true, now::get);
    bar.total(50);
    for (int done = 1; done <= 50; done++) {
      now.addAndGet(200_000_000L);
      bar.update(done);
    }
    bar.update(49); // a late report from another worker never steps back
    String t = text();
    assertEquals(1, t.chars().filter(c -> c == '\n').count(), "one line, ended when done: " + t);
    assertTrue(t.endsWith("\n") && t.chars().filter(c -> c == '\r').count() == 51, t);
    assertTrue(t.substring(t.lastIndexOf('\r')).contains("50/50 parts 100%"), t);
  }
}
