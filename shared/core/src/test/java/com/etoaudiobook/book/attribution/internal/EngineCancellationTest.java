package com.etoaudiobook.book.attribution.internal;

import com.etoaudiobook.book.ParseStoppedException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** Attribution honours a stop between its stages (a parse's deadline interrupts the thread). */
class EngineCancellationTest {
  @Test
  void anInterruptedAttributionStops() {
    String text = "\u201CCome in,\u201D said Anna.\n\n\u201CThank you,\u201D Ben answered.\n\n".repeat(200);
    Thread.currentThread().interrupt();
    try {
      assertThrows(ParseStoppedException.class, () -> Engine.run(text));
    } finally {
      Thread.interrupted();
    }
  }
}
