package com.etoaudiobook.book.attribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Who a quotation addresses, and whom it names at all. */
class VocativesTest {

  private static Set<String> names(Stages s, Set<Integer> people) {
    return people.stream().map(p -> s.names.people.get(p).name).collect(Collectors.toSet());
  }

  @Test
  void aNameSetOffByCommasOrEndingTheQuoteIsAddressed() {
    Stages s = new Stages("""
        Nora Vance and Tom Harlow and Ann Pike sat by the fire.

        "Thank you, Tom Harlow."

        "Nora Vance, come here."

        "I wrote to Ann Pike today."

        "We go to the Pikes--Ann Pike, not her sister."

        "That settles it. Ann Pike, too; I remember the name."
        """);
    s.names.buildCharacters(Map.of("Nora Vance", 1, "Tom Harlow", 1, "Ann Pike", 1));
    Vocatives v = new Vocatives(s.tokens, s.names, s.spans);
    assertEquals(Set.of("Tom Harlow"), names(s, v.addressed(0, 1)));
    assertEquals(Set.of("Nora Vance"), names(s, v.addressed(1, 2)));
    // Named in passing: not addressed, but still not the speaker.
    assertEquals(Set.of(), names(s, v.addressed(2, 3)));
    assertEquals(Set.of("Ann Pike"), names(s, v.named(2, 3)));
    // After a dash, an apposition.
    assertEquals(Set.of(), names(s, v.addressed(3, 4)));
    // ", too": talked about.
    assertEquals(Set.of(), names(s, v.addressed(4, 5)));
  }

  /** '"Yes," I said, "Jonathan Vance."': the name the narrator gives as "I" is the narrator's own. */
  @Test
  void theNameTheNarratorGivesAsIIsTheNarrators() {
    Stages s = new Stages("""
        I came to the castle at dusk, and the Count Tomas met me at the door.

        "The Herr Englishman?" asked Count Tomas.

        "Yes," I said, "Jonathan Vance."

        "You are welcome, Mr. Vance," said Count Tomas.
        """);
    s.names.buildCharacters(Map.of("Jonathan Vance", 1, "Count Tomas", 3));
    Vocatives v = new Vocatives(s.tokens, s.names, s.spans);
    int narrator = v.narratorName(s.cues(true));
    assertEquals("Jonathan Vance", narrator < 0 ? null : s.names.people.get(narrator).name);
    // a name the narration gives often, said in answer, is someone else's
    Stages other = new Stages("""
        Tom Harlow came in and sat down. Tom Harlow lit his pipe. Tom Harlow looked at the fire. Tom Harlow
        took off his boots, and Tom Harlow went to sleep.

        "Who broke the window?" asked Ann Pike.

        "Tom Harlow," I said.
        """);
    other.names.buildCharacters(Map.of("Tom Harlow", 5, "Ann Pike", 1));
    assertEquals(-2, new Vocatives(other.tokens, other.names, other.spans).narratorName(other.cues(true)));
  }

  /** "Mr. Martin, I suppose, is…": a name, an aside, then its verb: the subject, not called. */
  @Test
  void aNameWhoseVerbFollowsAnAsideIsTalkedAbout() {
    Stages s = new Stages("""
        Nora Vance and Tom Harlow sat by the fire.

        "Tom Harlow, I suppose, is not a man who reads?"

        "Tom Harlow, I suppose you will stay."

        "Nora Vance, my dear, come here."

        "Tom Harlow, you know, (she stopped herself,) is out of the question."

        "There is himself, Tom Harlow, Nora Vance and I."

        "But, Nora Vance, Tom Harlow will be here in a moment."
        """);
    s.names.buildCharacters(Map.of("Nora Vance", 1, "Tom Harlow", 1));
    Vocatives v = new Vocatives(s.tokens, s.names, s.spans);
    assertEquals(Set.of(), names(s, v.addressed(0, 1)));
    assertEquals(Set.of("Tom Harlow"), names(s, v.named(0, 1)));
    assertEquals(Set.of("Tom Harlow"), names(s, v.addressed(1, 2)));
    assertEquals(Set.of("Nora Vance"), names(s, v.addressed(2, 3)));
    assertEquals(Set.of(), names(s, v.addressed(3, 4)));
    // one of a list
    assertEquals(Set.of(), names(s, v.addressed(4, 5)));
    assertEquals(Set.of("Nora Vance"), names(s, v.addressed(5, 6)));
  }

  @Test
  void theNarrationSaysWhomASpeechWasFor() {
    Stages s = new Stages("""
        Nora Vance and Tom Harlow and Ann Pike sat by the fire.

        Tom Harlow said to Ann Pike, "Cold?"

        "Cold," he told Nora Vance.

        "Warm," said Tom Harlow, pointing to Ann Pike.
        """);
    s.names.buildCharacters(Map.of("Nora Vance", 2, "Tom Harlow", 2, "Ann Pike", 2));
    Vocatives v = new Vocatives(s.tokens, s.names, s.spans);
    assertEquals(Set.of("Ann Pike"), names(s, v.toldTo(1, 1)));
    assertEquals(Set.of("Nora Vance"), names(s, v.toldTo(2, 2)));
    // Pointing is no speech: Ann is only pointed at.
    assertEquals(Set.of(), names(s, v.toldTo(3, 3)));
  }

  @Test
  void aNameEchoedFromTheQuoteBeforeIsNotAddressed() {
    Stages s = new Stages("""
        Nora Vance and Tom Harlow and Ann Pike sat by the fire.

        "I do my hair myself when I'm without Ann Pike."

        "Ann Pike; but isn't she with you?"

        "No, I'm alone."

        "Ann Pike? Come in!"
        """);
    s.names.buildCharacters(Map.of("Nora Vance", 1, "Tom Harlow", 1, "Ann Pike", 1));
    Vocatives v = new Vocatives(s.tokens, s.names, s.spans);
    // The name the last speech said, repeated: Ann is talked about, not to.
    assertEquals(Set.of(), names(s, v.addressed(1, 2)));
    assertEquals(Set.of("Ann Pike"), names(s, v.named(1, 2)));
    // A call with no echo before it addresses her.
    assertEquals(Set.of("Ann Pike"), names(s, v.addressed(3, 4)));
  }
}
