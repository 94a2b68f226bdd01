package com.etoaudiobook.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Plays as printed (Project Gutenberg's texts of Pinero, Wilde, Ibsen, Shaw, Shakespeare): a
 * speaker's name and a full stop, alone on its line or before the speech, or with a [direction].
 */
class PlayTest {

  private static Book parse(String text) {
    Book book = new ScriptParser().parse("play.txt", text.getBytes(StandardCharsets.UTF_8));
    SampleAssertions.wellFormed(book, text);
    return book;
  }

  private static List<String> roles(Book book) {
    return book.roles().stream().map(Role::name).toList();
  }

  private static Segment segment(Book book, String text) {
    return book.segments().filter(s -> s.text().contains(text)).findFirst().orElseThrow();
  }

  private static final String PLAY = """
      THE FIRST ACT

      A drawing-room in Bedford Square. Afternoon.

      ROPER.

      [_Bustling across to the table._] By Jove, doesn't she! Ah, there's my
      brooch!

      FARNCOMBE.

      [_Modestly._] I didn't consider I'd a right to offer her anything.

      ROPER.

      [_Approaching FARNCOMBE and taking him by the lapel of his
      coat._] What I want to say to you is, doing anything to-night?

      FARNCOMBE. I shall be at the theatre.

      ROPER. Good. Look here, about the supper.

      [_Enter MRS. UPJOHN._]

      Mrs. Upjohn [shaking hands]. How d'ye do? So kind of you to come.

      FARNCOMBE. Delighted.

      Mrs. Upjohn. And Lily will be down directly.

      Mrs. Upjohn (calling). Lily!
      """;

  @Test
  void namesWithAFullStopAloneOrBeforeTheSpeechAreSpeakers() {
    Book book = parse(PLAY);
    assertEquals(List.of("Narrator", "ROPER", "FARNCOMBE", "Mrs. Upjohn"), roles(book));
    assertEquals("ROPER", segment(book, "By Jove").role());
    assertEquals("By Jove, doesn't she! Ah, there's my\nbrooch!", segment(book, "By Jove").text());
    assertEquals("FARNCOMBE", segment(book, "theatre").role());
    assertEquals("I shall be at the theatre.", segment(book, "theatre").text());
    assertEquals("Mrs. Upjohn", segment(book, "So kind").role());
    assertEquals("How d'ye do? So kind of you to come.", segment(book, "So kind").text());
    assertEquals("calling", segment(book, "Lily!").delivery());
    // the scene and every direction, one wrapped over two lines too, are the narrator's
    for (String direction : List.of("Bedford Square", "Bustling", "Modestly", "taking him by the lapel",
        "Enter MRS", "shaking hands")) {
      assertEquals("Narrator", segment(book, direction).role(), direction);
    }
    assertEquals("What I want to say to you is, doing anything to-night?", segment(book, "What I want").text());
    assertEquals("ROPER", segment(book, "What I want").role());
  }

  @Test
  void aNameAloneTakesOnlyTheSpeechAfterIt() {
    Book book = parse(PLAY.replace("FARNCOMBE. I shall be at the theatre.",
        "FARNCOMBE.\n\nI shall be at the theatre.\n\nThe clock strikes five."));
    assertEquals("FARNCOMBE", segment(book, "theatre").role());
    assertEquals("Narrator", segment(book, "clock strikes").role());
  }

  /**
   * A long speech under a name alone runs over paragraphs: each that speaks (a question, "I",
   * "we", "you") is the name's, until the play's own paragraph: a stage word, a name in capitals.
   */
  @Test
  void aNameAloneTakesEveryParagraphOfItsSpeech() {
    Book book = parse(PLAY + """

        ROPER.

        I have been thinking, and I have come to a conclusion.

        It is this: we must leave London before the week is out.

        And tell nobody where we are going. Do you understand?

        FARNCOMBE goes to the window and looks out.

        ROPER.

        Nobody at all.

        Enter LILY, in a hat.

        FARNCOMBE.

        Lily! You are late.

        [_He kisses her hand._]

        Lily looks at him and smiles.
        """);
    assertEquals("ROPER", segment(book, "a conclusion").role());
    assertEquals("ROPER", segment(book, "It is this").role());
    assertEquals("ROPER", segment(book, "Do you understand").role());
    assertEquals("Narrator", segment(book, "goes to the window").role());
    assertEquals("ROPER", segment(book, "Nobody at all").role());
    assertEquals("Narrator", segment(book, "in a hat").role());
    assertEquals("FARNCOMBE", segment(book, "You are late").role());
    assertEquals("Narrator", segment(book, "kisses her hand").role());
    assertEquals("Narrator", segment(book, "smiles").role());
  }

  /**
   * The Folger Shakespeare's plain text: a name in capitals and two spaces before a short speech,
   * alone over a longer one, no blank line between speeches; the title over its by-line; an act's
   * heading over its first scene's.
   */
  @Test
  void folgerTextsSpeakersAreFoundInsideTheirBlocks() {
    Book book = parse("""
        Hamlet
        by William Shakespeare
        Edited by Barbara A. Mowat and Paul Werstine

        ACT 1
        =====

        Scene 1
        =======
        [Enter Barnardo and Francisco, two sentinels.]


        BARNARDO  Who's there?
        FRANCISCO
        Nay, answer me. Stand and unfold yourself.
        BARNARDO  Long live the King!
        FRANCISCO  Barnardo?
        BARNARDO  He.
        FRANCISCO
        For this relief much thanks. 'Tis bitter cold,
        And I am sick at heart.
        BARNARDO  This above all: to thine own self be true.
        BARNARDO	Have you had quiet guard?
        FRANCISCO  Not a mouse stirring.
        [Francisco exits.]

        Scene 2
        =======
        BARNARDO  Well, good night.
        """);
    assertEquals("Hamlet", book.title());
    assertEquals("William Shakespeare", book.author());
    assertEquals(List.of("Hamlet", "ACT 1, Scene 1", "Scene 2"),
        book.chapters().stream().map(Chapter::title).toList());
    assertEquals("BARNARDO", segment(book, "Who's there?").role());
    assertEquals("Who's there?", segment(book, "Who's there?").text());
    assertEquals("FRANCISCO", segment(book, "unfold yourself").role());
    assertEquals("FRANCISCO", segment(book, "Barnardo?").role());
    assertEquals("For this relief much thanks. 'Tis bitter cold,\nAnd I am sick at heart.",
        segment(book, "bitter cold").text());
    assertEquals("BARNARDO", segment(book, "quiet guard").role());
    assertEquals("This above all: to thine own self be true.", segment(book, "thine own").text());
    assertEquals("Narrator", segment(book, "exits").role());
    assertEquals("BARNARDO", segment(book, "good night").role());
    assertTrue(book.segments().noneMatch(s -> s.text().contains("BARNARDO")));
  }

  /** A screenplay's cue takes its dialogue only: the action line after it is the narrator's, "we" or not. */
  @Test
  void aScreenplaysActionAfterTheDialogueIsNarrated() {
    Book book = parse("""
        INT. KITCHEN - NIGHT

        MARA
        Then we will have cold tea.

        We hear the kettle scream!

        TOM
        Not again. Where is the lid?

        MARA
        Under your chair, as always.

        TOM
        Of course it is.
        """);
    assertEquals("MARA", segment(book, "cold tea").role());
    assertEquals("Narrator", segment(book, "kettle scream").role());
    assertEquals("TOM", segment(book, "the lid").role());
  }

  /** Prose begins paragraphs with "Yes." and "Good." too: words the text also writes in lower case. */
  @Test
  void proseParagraphsOpeningWithAWordAndAStopStayProse() {
    String prose = """
        CHAPTER I

        Yes. The harbour was closed, and yes, he knew it.

        Good. That was settled, a good thing too.

        Yes. She would go in the morning.

        Good. Nobody argued.

        Yes. The boats stayed in.

        Good. The tide turned at noon.

        Mr. Blake came in at six. He said nothing.

        Mr. Blake went out again.

        Mr. Blake slept.
        """;
    Book book = parse(prose);
    assertEquals(List.of("Narrator"), roles(book));
    assertTrue(segment(book, "The boats stayed in").text().startsWith("Yes. "));
  }

  @Test
  void aTitlePagesImprintIsNoSpeakerOfAPlay() {
    Book book = parse("THE GREY HARBOUR\n\nLONDON: SMITH AND SONS\n\n" + PLAY);
    assertFalse(roles(book).contains("LONDON"), roles(book).toString());
    assertEquals("ROPER", segment(book, "By Jove").role());
  }

  /** The conventions of printed plays, each with its own name and direction marks. */
  @Test
  void namesInEachPrintedConventionAreSpeakers() {
    // Wilde's: the name in title case, two spaces, the speech wrapped; [directions] inside
    Book wilde = parse("""
        FIRST ACT

        [Grove is laying the table.]

        Cecil.  Did you hear the piano, Grove?

        Grove.  I did not think it polite to listen, sir.

        Cecil.  [Taking a cake.]  A pity.  I play with great
        feeling.

        Grove.  Yes, sir.

        Cecil.  Are the cakes cut for my aunt?

        Grove.  Yes, sir.  [Hands them on a tray.]
        """);
    assertEquals(List.of("Narrator", "Cecil", "Grove"), roles(wilde));
    assertEquals("A pity.  I play with great\nfeeling.", segment(wilde, "A pity").text());
    assertEquals("Narrator", segment(wilde, "Hands them").role());
    // the Globe's: the name in capitals alone on its line, the verse under it; a messenger once
    Book verse = parse("""
        ACT I

         Enter Warden and Porter.

        WARDEN.
        Who goes there?

        PORTER.
        A friend, and cold.

        WARDEN.
        Then come in from the wind,
        And warm your hands.

        PORTER.
        I thank you, sir.

        MESSENGER.
        News from the north!
        """);
    assertEquals(List.of("Narrator", "WARDEN", "PORTER", "MESSENGER"), roles(verse));
    assertEquals("Then come in from the wind,\nAnd warm your hands.", segment(verse, "warm your").text());
    assertEquals("Narrator", segment(verse, "Enter Warden").role());
    // Ibsen's translators': (directions) after the name and inside the speech, a short one a delivery
    Book ibsen = parse("""
        ACT I

        Arne (calls out from the hall). Is that you, my dear?

        Liv (putting down her basket). Yes, it is!

        Arne. Did you find the bread?

        Liv. Just now. (Hides the parcel behind her back.) Come and see.

        Arne (laughing). Then show me.

        Liv. Not before supper.
        """);
    assertEquals(List.of("Narrator", "Arne", "Liv"), roles(ibsen));
    assertEquals("Is that you, my dear?", segment(ibsen, "my dear").text());
    assertEquals("Narrator", segment(ibsen, "calls out from the hall").role());
    assertEquals("Narrator", segment(ibsen, "Hides the parcel").role());
    assertEquals("Come and see.", segment(ibsen, "Come and see").text());
    assertEquals("laughing", segment(ibsen, "show me").delivery());
    // Shaw's: names of several words in capitals, a [direction] and the speech with no stop between
    Book shaw = parse("""
        ACT I

        THE AUNT [under the awning, by the door] It is raining again.

        THE NIECE [beside her] Not for long.

        THE AUNT. We must find a cab.

        THE NIECE. It is too tiresome.
        """);
    assertEquals(List.of("Narrator", "THE AUNT", "THE NIECE"), roles(shaw));
    assertEquals("It is raining again.", segment(shaw, "raining").text());
    assertEquals("Narrator", segment(shaw, "under the awning").role());
  }

  /** Wrapped prose puts a name and a full stop at a line's start: only a block's first line is a play's label. */
  @Test
  void aNameEndingASentenceAtAWrappedLinesStartIsNoLabel() {
    StringBuilder prose = new StringBuilder("CHAPTER I\n\n");
    for (int i = 0; i < 4; i++) {
      prose.append("The letter was from her cousin, who wrote to say he would call on Maria\n")
          .append("Crawford. She read it twice and gave it to her sister, who laughed at\n")
          .append("Bertram. They went down to dinner together and said nothing more of\n")
          .append("Maria. Nobody asked.\n\n");
    }
    Book book = parse(prose.toString());
    assertEquals(List.of("Narrator"), roles(book));
  }

  /**
   * A screenplay as written in Fountain: a title page, scene headings, a character's cue in
   * capitals over the lines, a (parenthetical), "(V.O.)" and "(CONT'D)" extensions, transitions.
   */
  @Test
  void aScreenplaysCuesAreSpeakers() {
    Book book = parse("""
        Title: The Kettle
        Credit: Written by
        Author: Ann Example

        INT. KITCHEN - MORNING

        Mara fills the kettle. Tom reads at the table.

        MARA
        Good morning.

        TOM
        (not looking up)
        Is it? The kettle is broken.

        MARA
        Then we will have cold tea.

        CUT TO:

        EXT. GARDEN - DAY

        TOM (V.O.)
        Cold tea again.

        MARA (CONT'D)
        Come outside, Tom.

        THE OTHER PLAYS
        THE TIMES
        THE MAGISTRATE
        """);
    assertEquals("The Kettle", book.title());
    assertEquals("Ann Example", book.author());
    assertEquals(List.of("Narrator", "MARA", "TOM"), roles(book));
    assertEquals("Good morning.", segment(book, "Good morning").text());
    assertEquals("Narrator", segment(book, "not looking up").role());
    assertEquals("Is it? The kettle is broken.", segment(book, "kettle is broken").text());
    assertEquals("V.O.", segment(book, "Cold tea again").delivery());
    assertEquals("MARA", segment(book, "Come outside").role());
    assertNull(segment(book, "Come outside").delivery());
    assertEquals("Narrator", segment(book, "THE TIMES").role());
    assertFalse(book.segments().anyMatch(s -> s.text().contains("Title:")));
  }

  /** "NORA [busy]." alone: the direction narrated, the paragraph under it hers. */
  @Test
  void aNameWithADirectionAloneTakesTheSpeechUnder() {
    Book book = parse(PLAY + "\nFARNCOMBE [rising].\n\nI must go.\n\nThe door closes.\n");
    assertEquals("FARNCOMBE", segment(book, "I must go").role());
    assertEquals("Narrator", segment(book, "rising").role());
    assertEquals("Narrator", segment(book, "door closes").role());
  }

  /** A script of "NAME:" labels stays one though it has "PAUSE." and "SILENCE." lines. */
  @Test
  void aColonScriptsPausesAreNoPlay() {
    Book book = parse("""
        MARA: Hi.

        PAUSE.

        She sits down.

        TOM: Hello.

        SILENCE.

        MARA: Well?

        PAUSE.

        TOM: Nothing.

        SILENCE.

        WAITER: Tea?
        """);
    assertEquals(java.util.Set.of("Narrator", "MARA", "TOM", "WAITER"), java.util.Set.copyOf(roles(book)));
    assertEquals("Narrator", segment(book, "She sits down").role());
  }

  /** Prose in guillemets, or with dashes, is prose: its one-word paragraphs are no play's names. */
  @Test
  void proseInGuillemetsIsNoPlay() {
    StringBuilder text = new StringBuilder("KAPITEL I\n\n");
    for (int i = 0; i < 3; i++) {
      text.append("Stille. Niemand sprach im Haus.\n\n»Kommst du?« fragte Anna.\n\n"
          + "Regen. Der Regen fiel auf das Dach.\n\n»Nein«, sagte Tom.\n\n");
    }
    Book book = parse(text.toString());
    assertFalse(roles(book).contains("Stille") || roles(book).contains("Regen"), roles(book).toString());
  }

  /**
   * Several persons speaking at once, named together over their speech ("BLAND, DE CASTRO, AND
   * ROPER."), or as some of a crowd ("SOME OF THE MEN."), once in the whole play: a speaker, not a
   * chapter heading. A list of the persons braced together ("LILY PARRADELL     }") makes no speaker.
   */
  @Test
  void groupsSpeakingTogetherAreSpeakersAndABracedListOfPersonsIsNone() {
    Book book = parse("""
        THE PERSONS OF THE PLAY

          ROPER
          FARNCOMBE
          LILY PARRADELL     }
          NITA TREVENNA      } (_Of the Pandora_)
          BLAND              }

        THE FIRST ACT

        A drawing-room in Bedford Square.

        ROPER.

        Gentlemen, the health of our hostess!

        BLAND.

        With all my heart.

        FARNCOMBE.

        And mine.

        BLAND, FARNCOMBE, AND ROPER.

        Hear, hear!

        SOME OF THE MEN.

        Bravo!

        ROPER.

        [_Raising his glass._] To Lily!

        FARNCOMBE.

        To Lily.
        """);
    assertTrue(book.chapters().stream().noneMatch(c -> c.title() != null && (c.title().contains("ROPER")
        || c.title().contains("MEN"))), "no chapter is named after a group of speakers");
    assertEquals("BLAND, FARNCOMBE, AND ROPER", segment(book, "Hear, hear!").role());
    assertEquals("SOME OF THE MEN", segment(book, "Bravo!").role());
    assertFalse(roles(book).stream().anyMatch(r -> r.contains("PARRADELL") || r.contains("TREVENNA")), roles(book).toString());
    assertTrue(book.segments().noneMatch(s -> s.text().contains("}")), "the braces are not read");
    assertEquals("Narrator", segment(book, "NITA TREVENNA").role());
  }

  /**
   * A play whose speakers' names open their speeches in emphasis, as Gutenberg's texts set italic names
   * ("_Terentia._ Quid est?", "_M. Cic._ (proceeding). Atque", "_Terentia_ (groaning). Lege"): speakers,
   * with the direction narrated; a prose paragraph opening with an emphasised word ("_Never_ had I") is not.
   */
  @Test
  void emphasisedNamesBeforeTheirSpeechAreSpeakers() {
    Book book = parse("""
        SCENE I

          Let the curtain be raised, showing the atrium of a Roman house.

        _M. Cic._ O wretched republic! Why do you hesitate, citizens?

        _Terentia._ What is it? Look, Marcipor!

        _Terentia_ (groaning). Gather up, Philotimus, all the pieces. (Exit Phil.)

        _M. Cic._ (proceeding with his practicing). And this too was done by me alone.

        _Terentia._ It is nothing!

        _Never_ had I seen so broken a vase, said the narrator of this scene.
        """);
    assertEquals(java.util.Set.of("Narrator", "M. Cic", "Terentia"), java.util.Set.copyOf(roles(book)));
    assertEquals("M. Cic", segment(book, "O wretched republic").role());
    assertEquals("groaning", segment(book, "Gather up").delivery());
    assertEquals("Narrator", segment(book, "Exit Phil").role());
    assertEquals("Narrator", segment(book, "proceeding with his practicing").role());
    assertEquals("M. Cic", segment(book, "done by me alone").role());
    assertEquals("Narrator", segment(book, "had I seen").role());
  }

  /**
   * A play whose speakers' names stand in emphasis alone over their verse ("_Ogre_"), some with how
   * they speak ("_Princess sings_"), some once (a flower's one message); a direction printed with its
   * opening bracket only ("[_Stirs the pot._") is the play's, and a short one leaves the speech going on.
   */
  @Test
  void emphasisedNamesOverTheirVerseAreSpeakers() {
    Book book = parse("""
        ACT I.

        _Ogre_

          Ha, old witch, the deed is done!
          The children are mine, every one.

        _Witch_

          Why didst thou do so wicked a thing?

        [_Stirs the pot, muttering._

          Bubble and boil! The charm is spun.

        _Princess sings_

          Spin, my wheel, spin round and round.

        _Rose_

          Fair Princess, thy knight is near.

        _Ogre_

          Enough! Enough! I'll hear no more.

        _Witch_

          Then go, and bar the tower door.

        _Curtain._
        """);
    assertEquals(java.util.Set.of("Narrator", "Ogre", "Witch", "Princess", "Rose"), java.util.Set.copyOf(roles(book)));
    assertEquals("Witch", segment(book, "Bubble and boil").role());
    assertEquals("Narrator", segment(book, "Stirs the pot").role());
    assertEquals("sings", segment(book, "Spin, my wheel").delivery());
    assertEquals("Rose", segment(book, "thy knight is near").role());
    assertEquals("Narrator", segment(book, "Curtain").role());
  }

  /**
   * What is not a play's speaker though it looks like one: a closed direction ends the speech
   * ("[He goes.]", then the scene's own paragraph), a diary's days in emphasis over prose, a script's
   * people surnamed Song.
   */
  @Test
  void closedDirectionsDiaryDaysAndSurnamesAreWhatTheyAre() {
    Book play = parse("""
        TOM.

        I must go now, mother, and I will not come back!

        [He goes.]

        A long silence. Then from the road, a cry: "Fire! Fire!"

        NELL.

        Tom! Is that you?

        TOM.

        It is. Run!
        """);
    assertEquals("Narrator", segment(play, "A long silence").role());
    Book diary = parse("""
        _Monday_

        It rained all day, and I stayed in with my books and the cat.

        _Tuesday_

        The rain stopped at noon. I walked to the village and back.

        _Monday_

        A letter came from Anne at last, and I read it twice.

        _Tuesday_

        I answered her letter and posted it in the rain.
        """);
    assertEquals(List.of("Narrator"), roles(diary));
    assertTrue(diary.segments().anyMatch(s -> s.text().contains("Monday")), "the days are read");
    Book songs = parse("**Mei Song:** Are you coming?\n\n**Daniel Song:** In a minute.\n\n**Mei Song:** Now, Daniel.\n");
    assertEquals(List.of("Mei Song", "Daniel Song"), roles(songs).stream().filter(r -> !r.equals("Narrator")).toList());
  }
}
