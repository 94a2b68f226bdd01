package com.etoaudiobook.book.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DialogueAttributorTest {

  private final DialogueAttributor attributor = new DialogueAttributor();

  private static List<String> speakers(Attribution a) {
    return a.quotes().stream().map(Quote::speaker).toList();
  }

  private static String quoted(String text, Quote q) {
    return text.substring(q.start(), q.end());
  }

  @Test
  void explicitSaidAfterAndBefore() {
    String text = """
        Martha Hughes came into the kitchen with a basket of apples.

        "The orchard is full this year," said Martha.

        Thomas Reed put down his newspaper. "Then we shall have pies," Thomas said.

        Martha replied, "Only if you peel them."
        """;
    Attribution a = attributor.attribute(text);
    assertEquals(3, a.quotes().size());
    assertEquals(List.of("Martha Hughes", "Thomas Reed", "Martha Hughes"), speakers(a));
    assertTrue(a.quotes().stream().allMatch(q -> q.type().equals("explicit")));
    assertEquals("\"The orchard is full this year,\"", quoted(text, a.quotes().get(0)));
  }

  @Test
  void invertedAndInterruptedQuoteGivesTwoSpansSameSpeaker() {
    String text = """
        "I have been thinking," said Eleanor, "that we ought to leave before dawn."

        "Before dawn?" cried George. "In this weather?"
        """;
    Attribution a = attributor.attribute(text);
    assertEquals(4, a.quotes().size());
    assertEquals(List.of("Eleanor", "Eleanor", "George", "George"), speakers(a));
    assertEquals("\"that we ought to leave before dawn.\"", quoted(text, a.quotes().get(1)));
  }

  /** "said nanny", "said Father": what a household calls its own is their name as speakers. */
  @Test
  void aHouseholdsWordsForItsOwnNameSpeakers() {
    String text = """
        John came in from the garden with mud on his boots.

        "Look at the state of you," said nanny. "Off with those boots at once."

        "But I only went to see the pony," said John.

        Father looked up from his paper in the hall. "Who is that shouting?" asked Father.

        "Nanny, sir," said John.

        "Tell her I want my tea," said Father, and went back to his paper.

        John hid from his nanny behind the door, for his nanny was cross.

        Nanny came in with the tray. "There is your tea, sir," she said.

        John looked at the mud on his coat. Nanny said, "Off to the bath with you."
        """;
    Attribution a = attributor.attribute(text);
    assertEquals(List.of("Nanny", "Nanny", "John", "Father", "John", "Father", "Nanny", "Nanny"),
        speakers(a));
  }

  /** The subject of the clause that leads into the quote speaks, not the sentence's first one. */
  @Test
  void theLastClausesSubjectLeadsIntoTheQuote() {
    String text = """
        Mr. Hollis and Mrs. Brandt met at the gate.

        "It will rain," said Mr. Hollis.

        He held the gate open while the dog ran through, and Mrs. Brandt quietly closed her
        umbrella and remarked:

        "Then we had better walk quickly."
        """;
    Attribution a = attributor.attribute(text);
    assertEquals(List.of("Mr. Hollis", "Mrs. Brandt"), speakers(a));
  }

  @Test
  void pronounResolvedByGender() {
    String text = """
        Mr. Hollis and Mrs. Brandt met at the gate. Mrs. Brandt was carrying an umbrella.

        "It will rain before noon," she said.

        "I doubt it," he answered, looking at the sky.
        """;
    Attribution a = attributor.attribute(text);
    assertEquals(List.of("Mrs. Brandt", "Mr. Hollis"), speakers(a));
    assertEquals("anaphoric", a.quotes().get(0).type());
    assertEquals("anaphoric", a.quotes().get(1).type());
  }

  @Test
  void alternatingTurnTaking() {
    String text = """
        "Where have you been?" asked Clara.

        "At the market," replied Henry.

        "All morning?"

        "The carts were late."

        "A likely story."
        """;
    Attribution a = attributor.attribute(text);
    assertEquals(List.of("Clara", "Henry", "Clara", "Henry", "Clara"), speakers(a));
    assertEquals("implicit", a.quotes().get(2).type());
  }

  @Test
  void vocativeIsTheAddresseeNotTheSpeaker() {
    String text = """
        "The bridge is down," said Walter.

        "Then we go round by the ford," said Agnes.

        "Is the ford safe, Agnes?"

        "Safe enough."
        """;
    Attribution a = attributor.attribute(text);
    assertEquals("Walter", a.quotes().get(2).speaker());
    assertEquals("Agnes", a.quotes().get(3).speaker());
  }

  @Test
  void apostrophesDoNotOpenQuotes() {
    String text = """
        The lads o' the village didn't care for 'em much, and the old miller's dog
        barked at every one of them.

        "I'll not have it," said Peter. "They're trouble, the lot o' them."
        """;
    Attribution a = attributor.attribute(text);
    assertEquals(2, a.quotes().size());
    assertEquals(List.of("Peter", "Peter"), speakers(a));
  }

  @Test
  void singleQuoteDialogue() {
    String text = """
        'You're late again,' said Harriet. 'The train left at six.'

        'I missed it,' said Oliver. 'The boys' bicycles were blocking the lane.'

        Harriet sighed. 'Then we'll walk.'
        """;
    Attribution a = attributor.attribute(text);
    assertEquals(5, a.quotes().size());
    assertEquals(List.of("Harriet", "Harriet", "Oliver", "Oliver", "Harriet"), speakers(a));
    assertEquals("'The boys' bicycles were blocking the lane.'", quoted(text, a.quotes().get(3)));
  }

  @Test
  void multiParagraphQuoteContinues() {
    String text = """
        Captain Morrow leaned back in his chair. "It was the winter of the great storm," he
        began. "We had lost two masts already.

        "The crew wanted to turn back, but I would not hear of it.

        "And that is how we found the island."

        "A fine tale," said Lucy.
        """;
    Attribution a = attributor.attribute(text);
    assertEquals(5, a.quotes().size());
    for (int i = 0; i < 4; i++) {
      assertEquals("Captain Morrow", a.quotes().get(i).speaker(), "quote " + i);
    }
    assertEquals("Lucy", a.quotes().get(4).speaker());
  }

  @Test
  void aliasesMergeIntoOneMaleCharacter() {
    String text = """
        Fitzwilliam Darcy arrived at the ball late. Everyone looked at Mr. Darcy as he crossed
        the room.

        "She is tolerable," said Darcy, "but not handsome enough to tempt me."

        Elizabeth Bennet heard him. "Mr. Darcy is very proud," she whispered to her sister.

        "He is," said Mr. Darcy's friend, laughing.

        "I am not proud," Mr. Darcy said.
        """;
    Attribution a = attributor.attribute(text);
    Character darcy = a.characters().stream().filter(c -> c.aliases().contains("Darcy"))
        .findFirst().orElse(null);
    assertNotNull(darcy);
    assertEquals("Fitzwilliam Darcy", darcy.name());
    assertTrue(darcy.aliases().containsAll(List.of("Mr. Darcy", "Darcy", "Fitzwilliam Darcy")),
        darcy.aliases().toString());
    assertEquals("male", darcy.gender());
    assertEquals(1, a.characters().stream().filter(c -> c.name().contains("Darcy")).count());
    assertEquals("Fitzwilliam Darcy", a.quotes().get(0).speaker());
    assertEquals("Elizabeth Bennet", a.quotes().get(2).speaker());
    assertEquals("Fitzwilliam Darcy", a.quotes().get(4).speaker());
  }

  @Test
  void firstPersonNarrator() {
    String text = """
        I had not seen my cousin for ten years when I knocked at her door. I was nervous, and I
        almost turned back twice.

        "Who is it?" called Rosa from inside.

        "It is only me," I said.
        """;
    Attribution a = attributor.attribute(text);
    assertEquals(List.of("Rosa", DialogueAttributor.NARRATOR), speakers(a));
  }

  @Test
  void thirdPersonTextHasNoNarratorSpeaker() {
    String text = """
        Maud walked to the window.

        "I said no," Maud repeated.
        """;
    Attribution a = attributor.attribute(text);
    assertEquals(List.of("Maud"), speakers(a));
  }

  @Test
  void curlyQuotes() {
    String text = "\u201CCome here,\u201D said Daniel.\n\n\u201CWhy?\u201D asked Ruth.\n";
    Attribution a = attributor.attribute(text);
    assertEquals(List.of("Daniel", "Ruth"), speakers(a));
    assertEquals(0, a.quotes().get(0).start());
  }

  @Test
  void descriptionAndKinship() {
    String text = """
        Nora Blake sat by the fire while Mrs. Blake knitted and Mr. Adams read aloud.

        "Must we go to the fair tomorrow?" asked Nora.

        "Certainly," said her mother. "Your cousin expects us."

        "I shall drive you both," said the old man, closing his book.
        """;
    Attribution a = attributor.attribute(text);
    assertEquals("Nora Blake", a.quotes().get(0).speaker());
    assertEquals("Mrs. Blake", a.quotes().get(1).speaker());
    assertEquals("Mrs. Blake", a.quotes().get(2).speaker());
    assertEquals("Mr. Adams", a.quotes().get(3).speaker());
    assertEquals("anaphoric", a.quotes().get(3).type());
  }

  /**
   * "cried his wife", "said her husband", "said her brother": the relative of the one that "his"
   * or "her" means, by the family's surname, though no name stands by the quote. A wife's name
   * under her husband's title joins them ("Mrs. Bennet" for Mr. Bennet); a woman known by her own
   * name ("Ann Price") has no husband in "Mr. Price", her father.
   */
  @Test
  void spousesAndSiblingsByTheFamilyName() {
    String text = """
        Mr. Bennet read by the window. Mrs. Bennet and Mr. Long had come in, and Kitty Bennet sat sewing.

        "My dear Mr. Bennet," said his lady to him one day, "have you heard the news?"

        Mr. Bennet replied that he had not.

        "Do you not want to know who has taken it?" cried his wife impatiently.

        "You want to tell me," said Mr. Bennet.

        Ann Price came up the garden with her father, Mr. Price, and Tom Price behind them.

        "It is late," said Ann.

        "Not so very late," said her brother.

        "Come in, all of you," said her husband from the door.
        """;
    Attribution a = attributor.attribute(text);
    assertEquals("Mrs. Bennet", a.quotes().get(0).speaker(), "said his lady");
    assertEquals("Mrs. Bennet", a.quotes().get(2).speaker(), "cried his wife");
    assertEquals("Tom Price", a.quotes().get(5).speaker(), "said her brother");
    assertNotEquals("Mr. Price", a.quotes().get(6).speaker(), "Ann's husband is not her father");
  }

  /** "I am Mary Lennox," the child said: who a speech says it is speaks it, though the speech names her. */
  @Test
  void aSpeechThatSaysWhoItsSpeakerIsIsTheirs() {
    String text = """
        Mrs. Lennox had gone to the hills, and Mary Lennox was left in the bungalow with the servants.

        The officer looked down at the child. "There is a child here! Who is she?"

        "I am Mary Lennox," the child said, drawing herself up stiffly.

        "My name is Barney," said the other man. "And I am sorry for it."
        """;
    Attribution a = attributor.attribute(text);
    assertEquals("Mary Lennox", a.quotes().get(1).speaker(), "I am Mary Lennox");
  }

  @Test
  void emptyAndQuotelessText() {
    assertTrue(attributor.attribute("").quotes().isEmpty());
    assertTrue(attributor.attribute("No one spoke that night.").quotes().isEmpty());
  }

  /** Speed is the bench's (AttributionScorer's parse time) and linearity AnimacyScalingTest's. */
  @Test
  void fullNovelSizedTextIsAttributedWhole() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 4000; i++) {
      sb.append("\"Good morning,\" said Anna. \"Is it raining?\"\n\n")
          .append("\"Not yet,\" replied Bernard, and he went out.\n\n")
          .append("The day passed slowly in the village by the sea.\n\n");
    }
    Attribution a = attributor.attribute(sb.toString());
    assertEquals(12000, a.quotes().size());
    assertEquals("Bernard", a.quotes().get(11999).speaker());
  }
}
