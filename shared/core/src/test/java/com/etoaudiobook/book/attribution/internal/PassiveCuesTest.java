package com.etoaudiobook.book.attribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Cues where the speaker is not the subject of a speech verb. */
class PassiveCuesTest {

  private static Cue only(Stages s, int q) {
    return s.cues(false)[q];
  }

  @Test
  void aQuoteThatIsTheSubjectOfWasNamesItsSpeaker() {
    Stages s = new Stages("""
        "Her mother is kind," was Nora Vance's answer.

        "Good heaven!" was uttered at the same moment by Tom Harlow.

        Nora Vance and Tom Harlow sat.
        """);
    assertEquals("Nora Vance", s.form(only(s, 0)));
    assertEquals("Tom Harlow", s.form(only(s, 1)));
  }

  @Test
  void aSpeechNounAfterAnAdjectiveStillNamesTheSpeaker() {
    Stages s = new Stages("""
        "She must have a horse," was Tom Harlow's only reply.

        Nora Vance and Tom Harlow sat.
        """);
    assertEquals("Tom Harlow", s.form(only(s, 0)));
  }

  @Test
  void aCleftSentenceNamesTheSpeaker() {
    Stages s = new Stages("\"Come in.\" It was Marilla Cole who spoke.\n\nMarilla Cole waited.\n");
    assertEquals("Marilla Cole", s.form(only(s, 0)));
  }

  @Test
  void anyShortNounPhraseAfterThePossessiveEndingTheSentence() {
    Stages s = new Stages("""
        "I thought so," was Nora Vance's contribution.

        "That may be," was all Tom Harlow's reply. "Or not."

        Nora Vance and Tom Harlow sat.
        """);
    assertEquals("Nora Vance", s.form(only(s, 0)));
    assertEquals("Tom Harlow", s.form(only(s, 1)));
  }
}
