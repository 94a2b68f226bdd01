package com.etoaudiobook.book.attribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stage 3: which names are people, which are one person, and their gender. */
class CastBuilderTest {

  private static List<Names.Person> cast(String text, Map<String, Integer> speakers) {
    Stages s = new Stages(text);
    s.names.buildCharacters(speakers);
    return s.names.people.stream().filter(p -> !p.dropped).toList();
  }

  private static Names.Person person(List<Names.Person> cast, String alias) {
    return cast.stream().filter(p -> p.aliases.contains(alias)).findFirst().orElse(null);
  }

  private static String repeat(String sentence, int times) {
    return (sentence + "\n\n").repeat(times);
  }

  @Test
  void placesAndKindsAreNotPeople() {
    List<Names.Person> cast = cast(repeat("Ada Moss went to live in Vallery. She loved"
        + " Vallery and an Englishman lived near Harley Street in Vallery.", 4),
        Map.of("Ada Moss", 2));
    assertTrue(person(cast, "Ada Moss") != null);
    assertEquals(null, person(cast, "Vallery"));
    assertEquals(null, person(cast, "Englishman"));
    assertEquals(null, person(cast, "Harley Street"));
  }

  @Test
  void honorificsStayAndAMarriedTitleIsAnotherPerson() {
    List<Names.Person> cast = cast(repeat("Mrs. Bennet spoke to Elizabeth Bennet, and Mr. Bennet"
        + " smiled at Mrs. Bennet. Elizabeth Bennet laughed; she was happy.", 3),
        Map.of("Mrs. Bennet", 1, "Mr. Bennet", 1, "Elizabeth Bennet", 1));
    Names.Person mrs = person(cast, "Mrs. Bennet");
    Names.Person mr = person(cast, "Mr. Bennet");
    Names.Person lizzy = person(cast, "Elizabeth Bennet");
    assertNotEquals(mrs.id, mr.id);
    assertNotEquals(mrs.id, lizzy.id);
    assertNotEquals(mr.id, lizzy.id);
    assertEquals("female", mrs.gender);
    assertEquals("male", mr.gender);
  }

  @Test
  void aMisterDoesNotJoinAWomansFullName() {
    List<Names.Person> cast = cast(repeat("Miss Katharine Vell came in. Katharine Vell smiled;"
        + " she sat. Mr. Vell read; he was old.", 3), Map.of("Mr. Vell", 1, "Katharine Vell", 1));
    assertNotEquals(person(cast, "Mr. Vell").id, person(cast, "Katharine Vell").id);
    assertEquals("female", person(cast, "Katharine Vell").gender);
  }

  @Test
  void aSentenceInitialAdverbIsNotPartOfAName() {
    List<Names.Person> cast = cast("Unluckily Aziz was late.\n\nAziz ran; he was hot.\n\n"
        + "Aziz sat down.\n", Map.of("Aziz", 2));
    assertFalse(cast.stream().anyMatch(p -> p.name.contains("Unluckily")), cast.toString());
  }

  @Test
  void aFamilyInThePluralIsNotASpeaker() {
    List<Names.Person> cast = cast(repeat("The Wellands came to dinner. Mr. Welland sat by"
        + " Mrs. Welland.", 3), Map.of("Mr. Welland", 1));
    assertEquals(null, person(cast, "Wellands"));
  }

  @Test
  void aBareNameJoinsTheFullNameItsPronounsFit() {
    List<Names.Person> cast = cast(repeat("Newland Archer came in. Janey Archer sat. Archer"
        + " looked up; he smiled. Janey Archer read; she was quiet.", 3),
        Map.of("Archer", 2));
    assertEquals(person(cast, "Newland Archer").id, person(cast, "Archer").id);
  }
}
