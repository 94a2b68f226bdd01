package com.etoaudiobook.book.attribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Stage 2: the candidate speaker named next to each quotation. */
class CueFinderTest {

  private static Cue only(Stages s, int q) {
    return s.cues(false)[q];
  }

  @Test
  void speechVerbBeforeOrAfterTheQuote() {
    Stages s = new Stages("""
        Nora Vance looked up and said decidedly: "No."

        "Yes," said Nora Vance, "and tomorrow."

        "Never," Tom Harlow replied.
        """);
    Cue[] cues = s.cues(false);
    assertEquals("Nora Vance", s.form(cues[0]));
    assertEquals("Nora Vance", s.form(cues[1]));
    assertEquals("Tom Harlow", s.form(cues[3]));
  }

  /**
   * "Again he said:--" ending the paragraph above leads into the quote below, over a cue after it
   * ("He bowed as he replied:--" leads into the next one).
   */
  @Test
  void aColonAndADashEndingTheParagraphAboveLeadIntoTheQuote() {
    Stages s = new Stages("""
        Nora Vance came out to meet Tom Harlow on the step. Again Tom Harlow said:--

        "Welcome to my house." Nora Vance bowed as she replied:--

        "I am glad to come."
        """);
    Cue[] cues = s.cues(false);
    assertEquals("Tom Harlow", s.form(cues[0]));
  }

  /**
   * In a sentence that opens with a clause of the narrator's, the main clause's subject speaks:
   * "When I came close she bowed and said," (no comma), "Just before I was leaving, the old
   * lady came up and said".
   */
  @Test
  void theMainClausesSubjectSpeaksNotTheOpeningClausesI() {
    Stages s = new Stages("""
        When I came close she bowed and said, "The Herr Englishman?"

        Just before I was leaving, the old lady came up to my room and said in a hysterical way:

        "Must you go?"
        """);
    Cue[] cues = s.cues(true);
    assertEquals(Cue.PRONOUN, cues[0].kind);
    assertEquals("she", s.tokens.lower[cues[0].tok]);
    assertEquals(Cue.DESC, cues[1].kind);
  }

  /**
   * A verb of no speech right after a quotation tags it where the quotation runs on into it ('"Yes,"
   * I nodded'), not after its full stop ('"…this kirk-garth." I nodded, for I thought it better'):
   * that is the next sentence's action.
   */
  @Test
  void aVerbOfNoSpeechAfterAFullStopIsNoCue() {
    Stages s = new Stages("""
        "Now look you here; you come here a stranger, an' you see this kirk-garth." I nodded, for I thought it better to assent.

        "Yes," I nodded.
        """);
    Cue[] cues = s.cues(true);
    assertNull(cues[0]);
    assertEquals(Cue.FIRST, cues[1].kind);
  }

  /** "“I’m Gatsby,” he said": with a curly apostrophe as with a straight one, "I’m" opens no name. */
  @Test
  void iAmWithACurlyApostropheIsNoName() {
    Stages s = new Stages("""
        Nobody knew Gatsby, and Mr. Gatsby was not there, and I’m sure of it, and I’m glad.

        “I’m Gatsby,” he said suddenly.
        """);
    java.util.List<String> forms = s.names.mentions.stream().map(m -> m.form).toList();
    assertEquals(java.util.List.of("Gatsby", "Mr. Gatsby", "Gatsby"), forms);
  }

  /** A name ending in "ly" opening a sentence ("Milly said,") is its subject, not an adverb as "Quietly" is. */
  @Test
  void aNameEndingInLyOpeningASentenceIsTheSubject() {
    Stages s = new Stages("""
        They were called Milly Dane and Babs Orr. Milly said, "Are you in town?" Babs said, "Have you a light?"

        Milly Dane laughed quietly. Quietly Babs Orr said, "No."
        """);
    Cue[] cues = s.cues(false);
    assertEquals("Milly", s.form(cues[0]));
    assertEquals("Babs", s.form(cues[1]));
    assertEquals("Babs Orr", s.form(cues[2]));
  }

  /** A name in a sentence's opening phrase is not its subject where a clause after a comma has one. */
  @Test
  void aNameInAnOpeningPhraseIsNotTheSubject() {
    Stages s = new Stages("""
        Having greeted Mrs. Hale Dorset, a large lady in creaking satin, he sat down beside her, and said: "Well?"

        When Tom Harlow returned, she clung to him and sobbed, "Help me."

        At last Nora Vance, with a sigh, said: "No."
        """);
    Cue[] cues = s.cues(false);
    assertEquals(Cue.PRONOUN, cues[0].kind);
    assertEquals("male", cues[0].gender);
    assertEquals(Cue.PRONOUN, cues[1].kind);
    assertEquals("female", cues[1].gender);
    assertEquals("Nora Vance", s.form(cues[2]));
  }

  @Test
  void anUncommonVerbRightAfterTheQuoteBeforeAName() {
    Stages s = new Stages("\"Nonsense!\" flashed Helen Marsh, and went out.\n\nHelen Marsh sat.\n");
    Cue c = only(s, 0);
    assertEquals(Cue.NAME, c.kind);
    assertEquals("Helen Marsh", s.form(c));
  }

  @Test
  void aColonClosingTheParagraphAboveIntroducesTheQuoteBelow() {
    Stages s = new Stages("Katharine Vell looked at the clock and remarked:\n\n\"It is late.\"\n");
    assertEquals("Katharine Vell", s.form(only(s, 0)));
  }

  @Test
  void aMannerIsNoSpeaker() {
    Stages s = new Stages("Tom Harlow leaned over and said in a deep whisper: \"Hush.\"\n");
    Cue c = only(s, 0);
    assertEquals(Cue.NAME, c.kind);
    assertEquals("Tom Harlow", s.form(c));
  }

  @Test
  void pronounsAndDescriptions() {
    Stages s = new Stages("\"Go,\" she said.\n\n\"Stay,\" said the turnkey.\n\n\"Why?\" he asked.\n");
    Cue[] cues = s.cues(false);
    assertEquals(Cue.PRONOUN, cues[0].kind);
    assertEquals("female", cues[0].gender);
    assertEquals(Cue.DESC, cues[1].kind);
    assertEquals("male", cues[2].gender);
  }

  @Test
  void aQuoteWithoutCue() {
    Stages s = new Stages("The rain fell.\n\n\"Is it time?\"\n");
    assertNull(only(s, 0));
  }

  @Test
  void aLeadingInVerbEndingTheParagraphAboveNamesTheSpeakerBelow() {
    Stages s = new Stages("""
        Nora Vance looked at the fire.

        Tom Harlow, trying to smile, went on.

        "It is late."

        Nora Vance laughed.

        "Is it?"
        """);
    Cue[] cues = s.cues(false);
    assertEquals("Tom Harlow", s.form(cues[0]));
    // "laughed." is an action, not a lead into speech.
    assertNull(cues[1]);
  }

  @Test
  void anActionBetweenTwoPartsOfAQuotationIsNoNewSpeaker() {
    Stages s = new Stages("""
        "You work too hard," he added, as she laughed, "and you know it."
        """);
    Cue[] cues = s.cues(false);
    assertEquals("male", cues[0].gender);
    assertNull(cues[1]);
  }

  @Test
  void aParticipleAfterTheQuoteHasNoSubjectAfterIt() {
    Stages s = new Stages("""
        "Look here," said Nora Vance. "Do you see?" Repeating her old trick, she drew a ring.
        """);
    // "Repeating her old trick" is no inverted "said the old man": no cue for the second quote.
    assertNull(only(s, 1));
  }

  @Test
  void aParticipleBeforeTheQuoteHasNoSubjectAfterIt() {
    Stages s = new Stages("""
        "Redruth," said Tom Harlow, interrupting the letter, "the doctor will not like that."
        """);
    // "interrupting the letter" is no inverted "said the letter": the second part is his too
    assertEquals(Cue.NAME, only(s, 1).kind, "a cue by a description, not by his name");
    assertEquals("Tom Harlow", s.form(only(s, 1)));
  }

  @Test
  void aNewSentenceThatReportsSpeechIntroducesNoQuote() {
    Stages s = new Stages("""
        "The coach is late." Tom Harlow said, with a shrug, that it always was.

        "The coach is late," Tom Harlow said, with a shrug that meant nothing.
        """);
    // After a full stop, "X said ... that ..." tells what was said; after a comma it is the cue.
    assertNull(only(s, 0));
    assertEquals("Tom Harlow", s.form(only(s, 1)));
  }

  @Test
  void theOneHeardToSpeakIsTheSpeakerNotTheHearer() {
    Stages s = new Stages("""
        "The coach is late," Nora Vance heard Tom Harlow say to the driver.
        """);
    assertEquals("Tom Harlow", s.form(only(s, 0)));
  }
}
