package com.etoaudiobook.book.attribution.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Whether a description's head noun is a person, from how the text uses the noun. */
class AnimacyTest {

  @Test
  void adjectivesJoinedByAndAreOneDescription() {
    List<String> roles = Engine.run("""
        Ada Moss looked up.

        "Are we stupid?" exclaimed a haughty and magnificent nephew.
        """).people().stream().map(Engine.Person::name).toList();
    assertTrue(roles.contains("The Magnificent Nephew"), roles::toString);
  }

  @Test
  void thingsPlacesAndAdjectivesAreNotPeopleButUnknownNounsAre() {
    Stages s = new Stages("""
        The birds flew in the sky. Clouds hung in the sky. The sky, which was grey, darkened.

        The glee grew. The glee rose and the glee faded.

        The turnkey, who was old, sat down. He was nervous; she was very nervous.

        "Go," said the turnkey. "No," said the sky. "Yes," said the nervous. "Come," said the
        keeper. "Hush," said the nephew. "Well," said the glee.
        """);
    Animacy a = new Animacy(s.tokens);
    assertFalse(a.person("sky"));
    assertFalse(a.person("nervous"));
    assertTrue(a.person("turnkey"));
    assertTrue(a.person("keeper"));
    assertTrue(a.person("nephew"));
    // Seen again and again, never a he or a who, no ending of a people noun: a thing.
    assertFalse(a.person("glee"));
  }

  @Test
  void oneThingLikeUseIsNoEvidence() {
    // "jumped on the boy" once: people are sat on too.
    Stages s = new Stages("Noah jumped on the charity-boy. \"Stop,\" said the charity-boy.\n");
    assertTrue(new Animacy(s.tokens).person("charity-boy"));
  }

  @Test
  void aThingThatSpeaksIsNoRoleOfItsOwn() {
    List<String> roles = Engine.run("""
        Ada Moss looked up. Stars shone in the sky. Birds flew in the sky.

        "How blue," said the sky. The turnkey, who was old, looked up.

        "Hello," said the turnkey.
        """).people().stream().map(Engine.Person::name).toList();
    assertFalse(roles.contains("The Sky"), roles::toString);
    assertTrue(roles.contains("The Turnkey"), roles::toString);
  }
  @Test
  void aDescriptionNeedsAPersonHeadUnlessACastMemberBearsItAsATitle() {
    List<String> roles = Engine.run("""
        Ada Moss opened the post. The letter was short.

        "Come at once," said the letter. "Good morning," said the turnkey.

        Count Vasco bowed; he smiled.

        "Delighted," said the count.
        """).people().stream().map(Engine.Person::name).toList();
    assertFalse(roles.contains("The Letter"), roles::toString);
    assertTrue(roles.contains("The Turnkey"), roles::toString);
    assertFalse(roles.contains("The Count"), roles::toString);
  }
}
