package com.etoaudiobook.book.attribution.internal;

import static com.etoaudiobook.book.attribution.internal.CastBuilderTest.cast;
import static com.etoaudiobook.book.attribution.internal.CastBuilderTest.person;
import static com.etoaudiobook.book.attribution.internal.CastBuilderTest.repeat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which grouped names are roles: people the book shows talking, not people talked about. */
class CastFilterTest {

  @Test
  void aNameOnlyQuotedOrCreditedIsNoRole() {
    // An author credited once and a novel's hero named in a quotation never speak.
    List<Names.Person> cast = cast("""
        Tom Harlow had read a new volume by Walter Quell. He laughed; he read on.

        "My aunt reads Sir Roland Pike herself," said Nora Vance. She smiled.

        "Do you?" said Tom Harlow.
        """, Map.of("Nora Vance", 1, "Tom Harlow", 1));
    assertNull(person(cast, "Walter Quell"));
    assertNull(person(cast, "Sir Roland Pike"));
    assertNotNull(person(cast, "Nora Vance"));
  }

  @Test
  void someoneOnlyEverCalledStaysThoughNoPronounTellsTheirGender() {
    // a first-person narrator the others call "Dr. Lane" ("my dear Watson"): never "he" nor "she",
    // never said to speak, yet called three times; "Walter Quell", named once in passing, goes
    List<Names.Person> cast = cast("""
        I sat by the fire. I read a volume by Walter Quell.

        "You look tired, Dr. Lane," said Tom Harlow.

        "Rest, Dr. Lane. I shall go out," said Tom Harlow.

        "Will you come, Dr. Lane?" said Tom Harlow.
        """, Map.of("Tom Harlow", 3));
    assertNotNull(person(cast, "Dr. Lane"));
    assertNull(person(cast, "Walter Quell"));
  }

  @Test
  void someoneSpokenToOrShownActingStays() {
    // Never a name next to a speech verb, but addressed ("Thank you, Ann.") or introduced in
    // the narration and then speaking as "she": a character.
    List<Names.Person> cast = cast("""
        Tom Harlow met Nora Vance at the gate. He bowed; he smiled.

        "Thank you, Ann Lisle." Tom Harlow turned. "You are late," she said.
        """, Map.of("Tom Harlow", 0));
    assertNotNull(person(cast, "Nora Vance"));
    assertNotNull(person(cast, "Ann Lisle"));
  }

  @Test
  void aRealPersonsSurnameWithOneMisreadCueIsNoRole() {
    // "Beethoven" is a surname WordNet knows; one cue from "…, she … said" does not make him
    // speak. A character of the same surname with a first name is someone of the story's.
    String text = repeat("Here Beethoven started his tune; he hummed. Then Margaret listened;"
        + " she smiled.", 3);
    List<Names.Person> cast = cast(text, Map.of("Beethoven", 1, "Margaret", 2));
    assertNull(person(cast, "Beethoven"));
    assertNotNull(person(cast, "Margaret"), () -> cast.stream().map(p -> p.aliases + " " + p.speeches).toList().toString());
    List<Names.Person> namesake = cast(repeat("Tom Beethoven came in. He sat down.", 3),
        Map.of("Tom Beethoven", 1));
    assertNotNull(person(namesake, "Tom Beethoven"));
  }

  @Test
  void aCapitalisedCommonNounIsNoRole() {
    // "Providence" is written in lower case more often than not in this text: an abstraction
    // capitalised for effect, even with one misread cue.
    String text = repeat("The providence of the poor is slow, and providence waits.", 3)
        + repeat("Then Providence had spoken, and he said nothing.", 2);
    List<Names.Person> cast = cast(text, Map.of("Providence", 1));
    assertNull(person(cast, "Providence"));
  }

  @Test
  void namesAreAddressedOnlyInVocativeShape() {
    Stages s = new Stages("""
        "Thank you, Alice." "Alice, come here." "Beethoven!" "By Tolmer, of course."
        """);
    List<Boolean> addressed = s.names.mentions.stream()
        .map(m -> CastFilter.addressed(s.tokens, m)).toList();
    // "Beethoven!" alone is no name at all here; "By Tolmer, …" names him in passing.
    assertEquals(List.of(true, true, false), addressed);
  }

  @Test
  void aNameSeenOnceThatNeverSpeaksIsNoRole() {
    // A play's parts and a shopkeeper named once in the narration, no talk after them; a
    // newcomer introduced and then talking as "he" may well be the one talking, so he stays.
    List<Names.Person> cast = cast("""
        Nora Vance introduced him as Robert Vayle. He was from Ohio. "Hello," he said.

        """ + repeat("Tom Harlow sat down. He frowned.", 3) + """
        Tom Harlow wondered whether to play Lord Dimble or Dr. Quill for himself.

        In the morning Mr. Pardle telephoned about the roof.
        """, Map.of("Tom Harlow", 1));
    assertNull(person(cast, "Dr. Quill"));
    assertNull(person(cast, "Lord Dimble"));
    assertNull(person(cast, "Mr. Pardle"));
    assertNotNull(person(cast, "Robert Vayle"));
    assertNotNull(person(cast, "Tom Harlow"));
  }

  @Test
  void anAbstractNounOrANationsAdjectiveIsNoRole() {
    // Capitalised every time, so no lower-case count gives them away: their endings do.
    String text = repeat("But in those days the angel of Plutocracy had arisen.", 2)
        + "Then Plutocracy proclaimed its law.\n\nThe hall was Moravian, and it said so.\n\n"
        + repeat("Then Lucian smiled; he sat down.", 2);
    List<Names.Person> cast = cast(text, Map.of("Plutocracy", 1, "Moravian", 1, "Lucian", 1));
    assertNull(person(cast, "Plutocracy"));
    assertNull(person(cast, "Moravian"));
    assertNotNull(person(cast, "Lucian"));
  }

  @Test
  void aFamilysNameBeforeANounNamesNoOne() {
    // "the Vane temper", "the Vane house": the family, not Mr. Vane, who is named once.
    List<Names.Person> cast = cast("""
        The Vane temper was well known. She hated the Vane house.

        Mr. Vane had died long ago. Nora Vance smiled; she sat down.
        """, Map.of("Nora Vance", 1));
    assertNull(person(cast, "Mr. Vane"));
    assertNotNull(person(cast, "Nora Vance"));
  }
}
