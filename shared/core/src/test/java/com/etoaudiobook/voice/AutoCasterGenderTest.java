package com.etoaudiobook.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.Chapter;
import com.etoaudiobook.book.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Casting follows each role's gender and never gives a man a woman's voice (or the reverse). */
class AutoCasterGenderTest {

  private static Voice voice(String id, String gender) {
    return new Voice(id, id, "en", "English", gender, List.of("espeak"), 22050, "espeak");
  }

  private static final List<Voice> VOICES = List.of(voice("n1", "neutral"), voice("f1", "female"),
      voice("f2", "female"), voice("m1", "male"), voice("m2", "male"), voice("n2", "neutral"));

  private static Role role(String name, String gender) {
    return new Role(name, 1, 10, "text", List.of(), gender);
  }

  private static Map<String, Casting.Assignment> cast(Role... roles) {
    Book book = new Book("T", null, "en", List.of(new Chapter(0, "T", List.of())),
        List.of(roles), new Book.Source("t.txt", "text", "UTF-8"), List.of());
    return new AutoCaster(VOICES, List.of("n1")).cast(book, Map.of()).roles();
  }

  private static String gender(Casting.Assignment a) {
    return VOICES.stream().filter(v -> v.id().equals(a.voiceId())).findFirst().orElseThrow()
        .gender();
  }

  @Test
  void menKeepMaleVoicesEvenWhenFemaleOnesAreLeft() {
    Map<String, Casting.Assignment> c = cast(role("Narrator", null), role("Tom", "male"),
        role("Ben", "male"), role("Sam", "male"), role("Ada", "female"));
    assertEquals("male", gender(c.get("Tom")));
    assertEquals("male", gender(c.get("Ben")));
    assertEquals("male", gender(c.get("Sam")));
    assertNotEquals(0, c.get("Sam").pitch(), "a reused voice is shifted");
    assertEquals("female", gender(c.get("Ada")));
  }

  @Test
  void anUnknownGenderGetsANeutralVoiceNotAGuess() {
    Map<String, Casting.Assignment> c = cast(role("Narrator", null), role("The Turnkey", null),
        role("Ada", "female"));
    assertEquals("neutral", gender(c.get("The Turnkey")));
    assertEquals("female", gender(c.get("Ada")));
  }
}
