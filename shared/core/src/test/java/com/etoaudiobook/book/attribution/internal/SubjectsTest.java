package com.etoaudiobook.book.attribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The phrase that says who speaks, seen through the cue of each quotation. */
class SubjectsTest {

  @Test
  void aPossessiveBeforeAGerundAfterAPrepositionSpeaks() {
    Stages s = new Stages("""
        The silence was broken by Tom Harlow's saying, "Let us go."

        She echoed Nora Vance's concluding words, "By the end of the week!"
        """);
    Cue[] cues = s.cues(false);
    assertEquals("Tom Harlow", s.form(cues[0]));
    // A possessive after a verb owns the words, not the speech.
    assertEquals(Cue.PRONOUN, cues[1].kind);
  }

  @Test
  void theSubjectBeforeAParenthesisOrARelativeClause() {
    Stages s = new Stages("""
        "Fine," said Ann Pike, and Nora Vance, after a moment's thought, said:

        "I will wait."

        Then came her friend Tom Harlow, who in great spirits exclaimed, "At last!"

        Nora Vance looked at Ned Price, whose face was pale, then said, "Sit down."
        """);
    Cue[] cues = s.cues(false);
    assertEquals("Nora Vance", s.form(cues[1]));
    assertEquals("Tom Harlow", s.form(cues[2]));
    // An object before the parenthesis is not who speaks.
    assertEquals("Nora Vance", s.form(cues[3]));
  }

  @Test
  void aBareTitleOrLowercaseWordAfterTheVerb() {
    Stages s = new Stages("""
        "Sit," said Mademoiselle.

        "Now," said nanny.

        "Yes," said slowly.
        """);
    Cue[] cues = s.cues(false);
    assertEquals(Cue.WORD, cues[0].kind);
    assertEquals("female", cues[0].gender);
    // a household's word for one of its own is a name: "said nanny" is Nanny's line
    assertEquals(Cue.NAME, cues[1].kind);
    assertEquals("nanny", s.tokens.lower[cues[1].tok]);
    assertEquals(null, cues[2]);
  }

  /**
   * Words of degree before the adjectives of a name ("the more candid Lady Bertram" is her), and
   * an adjective alone before one ("said dour Major Callendar").
   */
  @Test
  void aNameAfterTheAndAdjectivesOfDegree() {
    Stages s = new Stages("""
        Lady Ashby sat on the sofa, and Tom Ashby stood by the window.

        "It was the heat," said Tom Ashby.

        "I am afraid it was," said the more candid Lady Ashby.

        "Quite so," said the very sensible Tom Ashby.

        "No grits," said dour Major Bell.

        "Why not?" sighed pleasure-loving Miss Derry.
        """);
    Cue[] cues = s.cues(false);
    assertEquals("Lady Ashby", s.form(cues[1]));
    assertEquals("Tom Ashby", s.form(cues[2]));
    // an adjective alone before a name
    assertEquals("Major Bell", s.form(cues[3]));
    assertEquals("Miss Derry", s.form(cues[4]));
  }

  /** A voice speaks for its owner: "said the voice of Tom Harlow", "said Nora Vance's voice". */
  @Test
  void aVoiceIsItsOwners() {
    Stages s = new Stages("""
        Tom Harlow and Nora Vance were out in the hall, and Ned Price lay in bed.

        "Are you awake?" called the anxious voice of Tom Harlow.

        "Let him sleep," said Nora Vance's voice.

        Ned Price's voice answered, "I am awake."
        """);
    Cue[] cues = s.cues(false);
    assertEquals("Tom Harlow", s.form(cues[0]));
    assertEquals("Nora Vance", s.form(cues[1]));
    assertEquals("Ned Price", s.form(cues[2]));
  }
}
