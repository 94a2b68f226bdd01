package com.etoaudiobook.book.attribution.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The WordNet word lists: person nouns and real people's surnames. */
class PersonNounsTest {

  @Test
  void personNounsInTheirPluralsAndCompounds() {
    for (String w : new String[] {"turnkey", "waiter", "ancestress", "ladies", "policemen",
        "wood-cutter", "game-keeper", "officials"}) {
      assertTrue(PersonNouns.isPerson(w), w);
    }
    for (String w : new String[] {"glee", "pause", "letter", "boulders", "jacket", "novel",
        "populace", "miasma", "beethoven", ""}) {
      assertFalse(PersonNouns.isPerson(w), w);
    }
  }

  @Test
  void famousSurnames() {
    assertTrue(PersonNouns.isFamousSurname("Titian"));
    assertTrue(PersonNouns.isFamousSurname("Brahms"));
    assertFalse(PersonNouns.isFamousSurname("Harlowe"));
    assertFalse(PersonNouns.isFamousSurname("titian"));
  }
}
