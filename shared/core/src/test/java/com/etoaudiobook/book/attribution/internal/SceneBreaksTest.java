package com.etoaudiobook.book.attribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Paragraphs that close a conversation: scene breaks and headings, not narration. */
class SceneBreaksTest {

  @Test
  void scenesBreaksAndHeadingsButNotNarrationOrSpeech() {
    Stages s = new Stages("""
        *        *        *

        CHAPTER IV

        II

        Chapter 3

        Tom Harlow went out.

        "YES."

        NOTE: the shop opens at nine and closes when the owner feels like it.
        """);
    List<Boolean> breaks = new ArrayList<>();
    for (int p = 0; p < s.tokens.paraFirst.length; p++) {
      breaks.add(SceneBreaks.isBreak(s.tokens, p));
    }
    assertEquals(List.of(true, true, true, true, false, false, false), breaks);
  }
}
