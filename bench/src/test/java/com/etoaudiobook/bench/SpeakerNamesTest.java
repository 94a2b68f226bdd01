package com.etoaudiobook.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpeakerNamesTest {

  private static final Map<String, List<String>> CAST = Map.of(
      "Mr. Turton", List.of("The Collector", "Mr. Turton"),
      "Mrs. Turton", List.of("Mrs. Turton", "Mary"),
      "A Student", List.of("A Student"),
      "Henry Crawford", List.of("Henry Crawford", "Crawford"),
      "Mary Crawford", List.of("Mary Crawford", "Miss Crawford"));

  @Test
  void anyAliasOrAWordOfOneCounts() {
    assertTrue(SpeakerNames.matches("Mr. Turton", "Mr. Turton", CAST.get("Mr. Turton")));
    assertTrue(SpeakerNames.matches("Turton", "Mr. Turton", CAST.get("Mr. Turton")));
    assertFalse(SpeakerNames.matches("Mrs. Lesley", "Mr. Turton", CAST.get("Mr. Turton")));
  }

  @Test
  void aLeadingArticleIsNoPartOfAName() {
    assertEquals("student", SpeakerNames.bare("The Student"));
    assertEquals("student", SpeakerNames.bare(" a Student"));
    assertEquals("the", SpeakerNames.bare("The"));
    assertTrue(SpeakerNames.matches("The Student", "A Student", CAST.get("A Student")));
    assertTrue(SpeakerNames.matches("Collector Sahib", "Mr. Turton", CAST.get("Mr. Turton")));
  }

  @Test
  void theSpeakerColumnMayHoldAnAliasOfOneCharacter() {
    assertEquals(List.of("Mrs. Turton", "Mary", "Mrs. Turton"),
        SpeakerNames.aliasesOf(CAST, "Mary"));
    assertEquals(List.of(), SpeakerNames.aliasesOf(CAST, "Nobody"));
  }

  @Test
  void strictlyARoleMustNameItsSpeakerAtLeastAsCloselyAsAnyoneElse() {
    List<String> henry = CAST.get("Henry Crawford");
    assertTrue(SpeakerNames.matches("Mary Crawford", "Henry Crawford", henry));
    assertFalse(SpeakerNames.identifies("Mary Crawford", henry, CAST));
    assertTrue(SpeakerNames.identifies("Henry Crawford", henry, CAST));
  }
}
