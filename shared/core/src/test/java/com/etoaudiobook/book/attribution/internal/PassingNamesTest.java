package com.etoaudiobook.book.attribution.internal;

import static com.etoaudiobook.book.attribution.internal.CastBuilderTest.cast;
import static com.etoaudiobook.book.attribution.internal.CastBuilderTest.person;
import static com.etoaudiobook.book.attribution.internal.CastBuilderTest.repeat;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Names a story uses for something other than someone who talks: works, nouns, real people. */
class PassingNamesTest {

  private static String aliases(List<Names.Person> cast) {
    return cast.stream().map(p -> p.aliases + " " + p.gender + " " + p.speeches).toList()
        .toString();
  }

  @Test
  void aWorksTitleIsNoRole() {
    // A song quoted in a line and an opera after its noun; a character of the story named in
    // the same shapes elsewhere ("Ann Lisle" after a dash, not a work noun) stays.
    List<Names.Person> cast = cast("""
        "My gramophone plays "When Uncle Jasper Papered the Parlour", do you know it?" said Tom Harlow.

        "This is the opera-- Rosa di Lanmoor --you know," said Nora Vance. Rosa di Lanmoor sang; she bowed.

        "Here is Tom-- Ann Lisle --and me," said Nora Vance. Ann Lisle smiled; she sat.
        """, Map.of("Tom Harlow", 1, "Nora Vance", 2, "Rosa di Lanmoor", 1));
    assertNull(person(cast, "Uncle Jasper Papered"), aliases(cast));
    assertNull(person(cast, "Rosa di Lanmoor"), aliases(cast));
    assertNotNull(person(cast, "Ann Lisle"), aliases(cast));
    assertNotNull(person(cast, "Nora Vance"), aliases(cast));
  }

  @Test
  void aNounAfterADeterminerIsNoRole() {
    // Capitalised for effect ("a Very Clever Brain", "much Brain"), never speaking.
    String text = repeat("He felt that a Very Clever Brain could catch it; he sat.", 2)
        + repeat("Pooh has not much Brain, and he knew it.", 2)
        + repeat("Then Pooh smiled; he sat down.", 3);
    List<Names.Person> cast = cast(text, Map.of("Pooh", 2));
    assertNull(person(cast, "Clever Brain"), aliases(cast));
    assertNull(person(cast, "Brain"), aliases(cast));
    assertNotNull(person(cast, "Pooh"), aliases(cast));
  }

  @Test
  void aRealPersonsFullNameNamedInPassingIsNoRole() {
    // "Horace Walpole" is a name WordNet knows; "Ned Harlow" only shares Jean Harlow's surname
    // and is a man of the story, shown coming in and then talking as "he".
    List<Names.Person> cast = cast("""
        Tom Price had read all the latest books: Horace Walpole, and the essays of his aunt.

        "Do you?" said Ann Lisle. Ned Harlow came in; he bowed.

        "Good evening," he said.
        """, Map.of("Ann Lisle", 1));
    assertNull(person(cast, "Horace Walpole"), aliases(cast));
    assertNotNull(person(cast, "Ned Harlow"), aliases(cast));
  }

  @Test
  void aNameCoordinatedWithANameInPassingIsInPassingToo() {
    // Two parts of a play, one of them a famous name: both are parts, not people of the story.
    List<Names.Person> cast = cast("""
        "I take any part, so it be comic," said Tom Harlow.

        He then proposed the play, doubting whether to prefer Lord Fendle or Dr. Faustus for himself.

        "Well?" he said at last.
        """, Map.of("Tom Harlow", 1));
    assertNull(person(cast, "Dr. Faustus"), aliases(cast));
    assertNull(person(cast, "Lord Fendle"), aliases(cast));
    assertNotNull(person(cast, "Tom Harlow"), aliases(cast));
  }
}
