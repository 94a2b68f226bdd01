package com.etoaudiobook.book.attribution.internal;

import static com.etoaudiobook.book.attribution.internal.CastBuilderTest.cast;
import static com.etoaudiobook.book.attribution.internal.CastBuilderTest.person;
import static com.etoaudiobook.book.attribution.internal.CastBuilderTest.repeat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cast, second pass: a pet suffix and a rare spelling are the person of the plain form. */
class NameVariantsTest {

  private static String aliases(List<Names.Person> cast) {
    return cast.stream().map(p -> p.aliases + " " + p.gender).toList().toString();
  }

  @Test
  void aPetSuffixIsThePlainName() {
    List<Names.Person> cast = cast(repeat("Then Tarks came in; he sat down.", 6)
        + repeat("Then Tarksy laughed; he was loud.", 3), Map.of("Tarks", 2, "Tarksy", 1));
    assertNotNull(person(cast, "Tarks"), aliases(cast));
    assertEquals(person(cast, "Tarks").id, person(cast, "Tarksy").id, aliases(cast));
  }

  @Test
  void aRareMisspellingIsTheCommonName() {
    List<Names.Person> cast = cast(repeat("Then Mr. Brandow came in; he sat down.", 12)
        + "Then Mr. Branow laughed; he was loud.\n\n",
        Map.of("Mr. Brandow", 3, "Mr. Branow", 1));
    assertNotNull(person(cast, "Mr. Brandow"), aliases(cast));
    assertEquals(person(cast, "Mr. Brandow").id, person(cast, "Mr. Branow").id, aliases(cast));
  }

  @Test
  void twoNamesOftenSeenAreTwoPeople() {
    // "Mr. Bolter" and "Mr. Bolton", each named often: two men.
    List<Names.Person> cast = cast(repeat("Then Mr. Bolter came in; he sat down.", 6)
        + repeat("Then Mr. Bolton laughed; he was loud.", 6),
        Map.of("Mr. Bolter", 2, "Mr. Bolton", 2));
    assertNotEquals(person(cast, "Mr. Bolter").id, person(cast, "Mr. Bolton").id, aliases(cast));
  }

  @Test
  void oneEditIsInTheLastWordAndNotItsFirstLetter() {
    assertTrue(NameVariants.oneEdit("Mr. Browlow", "Mr. Brownlow"));
    assertTrue(NameVariants.oneEdit("Charly", "Charley"));
    assertFalse(NameVariants.oneEdit("Mrs. Bolter", "Mr. Bolter"));
    assertFalse(NameVariants.oneEdit("Dan", "Ban"));
    assertFalse(NameVariants.oneEdit("Ann", "Ann"));
  }
}
