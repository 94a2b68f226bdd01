package com.etoaudiobook.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeliveryTest {
  @Test
  void theDocumentedDeliveriesChangeTheSound() {
    Delivery whisper = Delivery.of("whispering");
    assertTrue(whisper.whisper() && whisper.loudnessLu() < 0, whisper.toString());
    Delivery shout = Delivery.of("Shouting");
    assertTrue(shout.loudnessLu() > 0 && shout.pitch() > 0 && shout.range() > 50, shout.toString());
    Delivery thought = Delivery.of("thought");
    assertTrue(thought.loudnessLu() < 0 && thought.rate() < 1, thought.toString());
    Delivery sadly = Delivery.of("sadly");
    assertTrue(sadly.rate() < 1 && sadly.pitch() < 0, sadly.toString());
    for (Delivery d : List.of(whisper, shout, thought, sadly)) {
      assertTrue(d.changesSound() && d.plain().isEmpty(), d.toString());
    }
  }

  @Test
  void severalWordsCombineAndUnknownOnesAreReadPlainlyAndListed() {
    Delivery d = Delivery.of("low, patient");
    assertTrue(d.loudnessLu() < 0 && d.rate() < 1, d.toString());
    Delivery odd = Delivery.of("ironic, to the audience");
    assertFalse(odd.changesSound());
    assertEquals(List.of("ironic", "to the audience"), odd.plain());
    assertEquals(Delivery.PLAIN, Delivery.of(null));
    assertEquals(Delivery.PLAIN, Delivery.of("  "));
    assertFalse(Delivery.of("spoken").changesSound());
    assertTrue(Delivery.of("spoken").plain().isEmpty(), "spoken is understood: plain on purpose");
  }
}
