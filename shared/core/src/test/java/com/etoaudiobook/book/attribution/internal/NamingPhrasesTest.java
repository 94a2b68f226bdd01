package com.etoaudiobook.book.attribution.internal;

import static com.etoaudiobook.book.attribution.internal.CastBuilderTest.cast;
import static com.etoaudiobook.book.attribution.internal.CastBuilderTest.person;
import static com.etoaudiobook.book.attribution.internal.CastBuilderTest.repeat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One person the cast would keep as two, joined because the text says so. */
class NamingPhrasesTest {

  private static String aliases(List<Names.Person> cast) {
    return cast.stream().map(p -> p.aliases + " " + p.gender).toList().toString();
  }

  @Test
  void aNameGivenAfterACommaIsTheSamePerson() {
    List<Names.Person> cast = cast(repeat("Then Mr. Crane smiled; he was kind.", 3)
        + "She had met Mr. Crane, or, as I must now call him, Henry, at the door.\n\n"
        + repeat("Then Henry laughed; he was loud.", 3)
        + "Edward Vole, known to his friends as Winkle, walked on.\n\n"
        + repeat("Then Winkle sighed; he was sad.", 3),
        Map.of("Mr. Crane", 1, "Henry", 1, "Winkle", 1));
    assertNotNull(person(cast, "Henry"), aliases(cast));
    assertEquals(person(cast, "Mr. Crane").id, person(cast, "Henry").id, aliases(cast));
    assertNotNull(person(cast, "Edward Vole"), aliases(cast));
    assertEquals(person(cast, "Winkle").id, person(cast, "Edward Vole").id, aliases(cast));
  }

  @Test
  void someoneElseNamedInTheSamePhraseStaysApart() {
    // A relative clause's subject, a namesake: two people.
    List<Names.Person> cast = cast(repeat("Then Ann smiled; she was kind.", 3)
        + "Ann, who called him Tom, went out.\n\n"
        + repeat("Then Tom laughed; he was loud.", 3)
        + "Ned, named after his uncle Bill, went out.\n\n"
        + repeat("Then Ned ran; he was quick. Then Bill sat; he was slow.", 3),
        Map.of("Ann", 1, "Tom", 1, "Ned", 1, "Bill", 1));
    assertNotEquals(person(cast, "Ann").id, person(cast, "Tom").id, aliases(cast));
    assertNotEquals(person(cast, "Ned").id, person(cast, "Bill").id, aliases(cast));
  }

  @Test
  void aDoubleBarrelledSurnameCutShortIsTheSamePerson() {
    List<Names.Person> cast = cast(repeat("Then Jock Grant-Mellish came in; he sat down.", 3)
        + "\"Have you seen Jock Mellish?\" said Ann Lisle.\n\n"
        + "\"Mr Mellish is late,\" said Ann Lisle.\n\n",
        Map.of("Jock Grant-Mellish", 2, "Ann Lisle", 1));
    assertNotNull(person(cast, "Jock Mellish"), aliases(cast));
    assertEquals(person(cast, "Jock Grant-Mellish").id, person(cast, "Jock Mellish").id,
        aliases(cast));
  }

  @Test
  void aPetFormJoinsItsFormalNameWithTheSurname() {
    // "Tibby" is a pet form of Theobald: the invitation's "Mr. Theobald Vane" is him, and so
    // is the bare "Vane" a man says to him.
    List<Names.Person> cast = cast(repeat("Then Tibby yawned; he was bored.", 3)
        + "\"Mr. Theobald Vane and Miss Nora Vane request the pleasure.\" Tibby read it.\n\n"
        + "\"Morning, Vane,\" said Tom Harlow.\n\n",
        Map.of("Tibby", 2, "Tom Harlow", 1));
    assertEquals(person(cast, "Tibby").id, person(cast, "Mr. Theobald Vane").id, aliases(cast));
  }

  @Test
  void anEpithetThatAnswersToANameIsThatCharacter() {
    // Again and again a line calls Fagle by name and "the Hermit" replies: one man. The Miller,
    // who never answers to a name, stays a role of his own.
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      text.append("\"Where is it, Fagle?\" said Tom Harlow.\n\n")
          .append("\"Here, my dear,\" replied the Hermit. He smiled.\n\n")
          .append("Then Fagle sat down; he was old. The Miller came; he sang.\n\n")
          .append("\"Bread,\" said the Miller.\n\n");
    }
    List<Names.Person> cast = cast(text.toString(),
        Map.of("Tom Harlow", 6, "Hermit", 6, "Fagle", 1, "Miller", 6));
    assertNotNull(person(cast, "Hermit"), aliases(cast));
    assertEquals(person(cast, "Fagle").id, person(cast, "Hermit").id, aliases(cast));
    assertEquals("Fagle", person(cast, "Hermit").name);
    assertNotEquals(person(cast, "Fagle").id, person(cast, "Miller").id, aliases(cast));
  }

  @Test
  void aSilentLadyTalkedAboutIsTheOneSpeakingWomanOfHerSurname() {
    // The characters say "Lady Cockle"; the narrator calls her Polly Cockle and lets her talk.
    // A silent "Mrs. Vell" talked about stays apart from Nora Vell (a daughter as often).
    String text = repeat("\"Lady Cockle is giving a party,\" said Tom Harlow.", 3)
        + repeat("\"Darling,\" said Polly Cockle. Polly smiled; she was gay.", 3)
        + repeat("\"Mrs. Vell would not like it,\" said Tom Harlow.", 3)
        + repeat("\"No,\" said Nora Vell. Nora smiled; she was shy.", 3);
    List<Names.Person> cast = cast(text,
        Map.of("Tom Harlow", 6, "Polly Cockle", 3, "Nora Vell", 3));
    assertNotNull(person(cast, "Lady Cockle"), aliases(cast));
    assertEquals(person(cast, "Polly Cockle").id, person(cast, "Lady Cockle").id, aliases(cast));
    assertNotNull(person(cast, "Mrs. Vell"), aliases(cast));
    assertNotEquals(person(cast, "Nora Vell").id, person(cast, "Mrs. Vell").id, aliases(cast));
  }
}
