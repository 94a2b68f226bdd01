package com.etoaudiobook.book.attribution.internal;

import static com.etoaudiobook.book.attribution.internal.CastBuilderTest.cast;
import static com.etoaudiobook.book.attribution.internal.CastBuilderTest.person;
import static com.etoaudiobook.book.attribution.internal.CastBuilderTest.repeat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stage 3, second pass: one person the name grouping left as two, and honorifics after a name. */
class CastMergesTest {

  private static String aliases(List<Names.Person> cast) {
    return cast.stream().map(p -> p.aliases + " " + p.gender).toList().toString();
  }

  @Test
  void aMisterJoinsTheOneFullNameOfHisGender() {
    // Janey Vell is his sister: "Mr. Vell" can only be Newland Vell.
    List<Names.Person> cast = cast(repeat("Newland Vell came in; he sat. Janey Vell read; she"
        + " smiled.", 3) + repeat("Mr. Vell looked up; he was tired.", 3),
        Map.of("Mr. Vell", 2, "Newland Vell", 1, "Janey Vell", 1));
    assertEquals(person(cast, "Newland Vell").id, person(cast, "Mr. Vell").id, aliases(cast));
    assertNotEquals(person(cast, "Janey Vell").id, person(cast, "Mr. Vell").id);
  }

  @Test
  void anUncleByHisFirstNameIsTheOneFullNameWithIt() {
    // "Uncle Ebenezer" is Ebenezer Balfour; "Aunt Welland", where Henry Welland is named, stays a surname's
    List<Names.Person> cast = cast(repeat("Then Ebenezer Balfour came in; he sat down.", 3)
        + repeat("Then Uncle Ebenezer laughed; he was loud.", 3)
        + repeat("Then Henry Welland came in; he sat down.", 3)
        + repeat("Then Aunt Welland smiled; she was kind.", 3),
        Map.of("Ebenezer Balfour", 1, "Uncle Ebenezer", 2, "Henry Welland", 1, "Aunt Welland", 1));
    assertEquals(person(cast, "Ebenezer Balfour").id, person(cast, "Uncle Ebenezer").id, aliases(cast));
    assertNotEquals(person(cast, "Henry Welland").id, person(cast, "Aunt Welland").id, aliases(cast));
  }

  @Test
  void twoPeopleNamedSideBySideStayTwo() {
    // "the Major and Major Callow", again and again: two majors, whatever the rank says.
    List<Names.Person> cast = cast(repeat("Then Major Callow came in; he sat down.", 3)
        + repeat("Then the Major and Major Callow laughed; he was loud.", 3),
        Map.of("Major Callow", 1, "Major", 3));
    assertNotEquals(person(cast, "Major Callow").id, person(cast, "Major").id, aliases(cast));
  }

  @Test
  void aPetFormIsTheFormalName() {
    List<Names.Person> cast = cast(repeat("Then William Tarks came in; he sat down.", 3)
        + repeat("Then Bill Tarks laughed; he was loud.", 3)
        + repeat("Then Bill shouted; he was angry.", 3),
        Map.of("William Tarks", 1, "Bill Tarks", 1, "Bill", 1));
    Names.Person william = person(cast, "William Tarks");
    assertNotNull(william, aliases(cast));
    assertEquals(william.id, person(cast, "Bill Tarks").id, aliases(cast));
    assertEquals(william.id, person(cast, "Bill").id, aliases(cast));
  }

  @Test
  void aTitledPetFormIsTheFormalNameAndTheSurnameFollows() {
    // "Mr. Bill Tarks" is still Bill; once he is William Tarks, bare "Tarks" has one to join.
    List<Names.Person> cast = cast(repeat("Then Mr. William Tarks came in; he sat down.", 3)
        + repeat("Then Mr. Bill Tarks laughed; he was loud.", 3)
        + repeat("Then Bill Tarks shouted; he was angry.", 3)
        + repeat("Then Tarks growled; he was cross.", 3),
        Map.of("Mr. William Tarks", 1, "Mr. Bill Tarks", 1, "Bill Tarks", 1, "Tarks", 2));
    Names.Person william = person(cast, "Mr. William Tarks");
    assertNotNull(william, aliases(cast));
    assertEquals(william.id, person(cast, "Mr. Bill Tarks").id, aliases(cast));
    assertEquals(william.id, person(cast, "Tarks").id, aliases(cast));
  }

  @Test
  void aFormalNameIsNoPetFormOfAnother() {
    // "Henry" alone is not Harry Sandle, though Harry may be short for Henry.
    List<Names.Person> cast = cast(repeat("Then Harry Sandle came in; he sat down.", 3)
        + repeat("Then Henry laughed; he was loud.", 3), Map.of("Harry Sandle", 1, "Henry", 2));
    assertNotEquals(person(cast, "Harry Sandle").id, person(cast, "Henry").id, aliases(cast));
  }

  @Test
  void aNameInItsOwnRightIsNoPetForm() {
    // Nora, Robin, Sandy are names of their own, not only short for Eleanor, Robert, Alexander.
    List<Names.Person> cast = cast(repeat("Then Eleanor Vane came in; she sat down.", 3)
        + repeat("Then Nora laughed; she was loud.", 3)
        + repeat("Then Robert Hale came in; he sat down.", 3)
        + repeat("Then Robin laughed; he was loud.", 3),
        Map.of("Eleanor Vane", 1, "Nora", 2, "Robert Hale", 1, "Robin", 2));
    assertNotEquals(person(cast, "Eleanor Vane").id, person(cast, "Nora").id, aliases(cast));
    assertNotEquals(person(cast, "Robert Hale").id, person(cast, "Robin").id, aliases(cast));
    for (String[] pair : new String[][] {{"nora", "eleanor"}, {"dora", "dorothy"},
        {"dodo", "dorothy"}, {"robin", "robert"}, {"nanny", "ann"}, {"sandy", "alexander"},
        {"tina", "christina"}}) {
      assertFalse(Hypocorisms.petFormOf(pair[0], pair[1]), pair[0]);
    }
    assertTrue(Hypocorisms.petFormOf("nell", "eleanor"));
  }

  @Test
  void aCommonPetFormIsItsFormalName() {
    // "Jake" is Jacob Barnes as "Bill" is William: the others call the narrator so.
    List<Names.Person> cast = cast(repeat("Then Jacob Barnes came in; he sat down.", 3)
        + repeat("Then Jake laughed; he was loud.", 3), Map.of("Jacob Barnes", 1, "Jake", 2));
    assertEquals(person(cast, "Jacob Barnes").id, person(cast, "Jake").id, aliases(cast));
    for (String[] pair : new String[][] {{"jake", "jacob"}, {"len", "leonard"}, {"alfie", "alfred"},
        {"vicky", "victoria"}, {"flo", "florence"}}) {
      assertTrue(Hypocorisms.petFormOf(pair[0], pair[1]), pair[0]);
    }
  }

  @Test
  void anOfficeUsedAsANameIsTheOneTheTextCallsSo() {
    String text = "Then the Collector, Mr. Turvey, came in from the long and dusty road; he was"
        + " tall and tired.\n\n"
        + repeat("\"Sit down,\" said the Collector. The Collector smiled; he was kind.", 3)
        + repeat("Mr. Turvey laughed; he was loud. The collector of taxes came.", 3);
    List<Names.Person> cast = cast(text, Map.of("Collector", 3, "Mr. Turvey", 1));
    Names.Person turvey = person(cast, "Mr. Turvey");
    assertNotNull(turvey, aliases(cast));
    assertEquals(turvey.id, person(cast, "Collector").id, aliases(cast));
    assertEquals("Mr. Turvey", turvey.name);
  }

  @Test
  void aRankAloneIsTheOneWhoBearsIt() {
    List<Names.Person> cast = cast(repeat("Major Callow came in; he sat down.", 3)
        + repeat("\"Come,\" said the Major. The Major laughed; he was loud.", 3),
        Map.of("Major Callow", 1, "Major", 3));
    assertEquals(person(cast, "Major Callow").id, person(cast, "Major").id, aliases(cast));
  }

  @Test
  void aTitleAfterTheNameIsAnHonorificNotASurname() {
    List<Names.Person> cast = cast(repeat("Then Hamid came in; he sat down. Then Hamid Begum smiled;"
        + " she was glad.", 3), Map.of("Hamid", 2, "Hamid Begum", 1));
    Names.Person begum = person(cast, "Hamid Begum");
    assertNotNull(begum, aliases(cast));
    assertNotEquals(person(cast, "Hamid").id, begum.id, aliases(cast));
    assertEquals("female", begum.gender);
    assertEquals("male", person(cast, "Hamid").gender);
  }

  @Test
  void aPetFormTellsTheGenderWhenPronounsDoNot() {
    // "he" and "she" follow "Ronny" alike: the name, short for Ronald, tells.
    List<Names.Person> cast = cast(repeat("Then Ronny came in; he sat. Then Ronny met Ada; she smiled.", 4),
        Map.of("Ronny", 2));
    assertEquals("male", person(cast, "Ronny").gender, aliases(cast));
  }

  @Test
  void aPluralOfAKindIsNoRoleButAFirstNameIs() {
    String text = repeat("The Hindus came. A Hindu spoke. \"Yes,\" said Hindus. France is far."
        + " Frances Clyne smiled; she was glad. In France they met.", 3)
        + "\"No,\" said Frances.\n";
    List<Names.Person> cast = cast(text, Map.of("Hindus", 3, "Frances", 1));
    assertNull(person(cast, "Hindus"), aliases(cast));
    assertNotNull(person(cast, "Frances"), aliases(cast));
  }

  @Test
  void aPlaceNamedInDialogueIsAPlace() {
    String text = repeat("\"We went to Biarritz,\" said Ada Moss. \"It was nice in Biarritz.\""
        + " Ada smiled; she was glad. \"They come from Biarritz.\"", 4);
    List<Names.Person> cast = cast(text, Map.of("Ada Moss", 4));
    assertNull(person(cast, "Biarritz"), aliases(cast));
  }

  @Test
  void aSentenceEndAfterARankIsNoAbbreviation() {
    List<Names.Person> cast = cast(repeat("He spoke to the Duke. New York was far. The Duke"
        + " laughed; he was old.", 3), Map.of("Duke", 1));
    assertFalse(cast.stream().flatMap(p -> p.aliases.stream()).anyMatch(a -> a.contains("New")),
        aliases(cast));
    assertTrue(person(cast, "Duke") != null, aliases(cast));
  }

  @Test
  void aBareSurnameIsTheOneWithItAfterAParticle() {
    List<Names.Person> cast = cast(repeat("Then Professor de Vorms came in; he sat down.", 3)
        + repeat("Vorms laughed; he was loud.", 2), Map.of("Professor de Vorms", 2, "Vorms", 1));
    assertEquals(person(cast, "Professor de\u00A0Vorms").id, person(cast, "Vorms").id, aliases(cast));
  }

  @Test
  void aMaidenNameAfterMrsIsNoFirstName() {
    // "Mrs. Leffton Rushby" was born a Leffton: "Leffton" is still Lawrence Leffton's surname.
    List<Names.Person> cast = cast(repeat("Then Lawrence Leffton came in; he sat down.", 3)
        + repeat("Leffton laughed; he was loud.", 2)
        + "Mrs. Leffton Rushby came in; she sat down.\n\n",
        Map.of("Lawrence Leffton", 2, "Leffton", 1, "Mrs. Leffton Rushby", 1));
    assertEquals(person(cast, "Lawrence Leffton").id, person(cast, "Leffton").id, aliases(cast));
  }

  @Test
  void aMisterIsTheFullNameNamedFarMoreOftenNotTheRankedBrother() {
    // Henry Tilby everywhere, his brother the captain named in full once: "Mr. Tilby" is Henry;
    // "Captain Tilby" is the captain written in full with his rank.
    List<Names.Person> cast = cast(repeat("Then Henry Tilby came in; he sat down.", 6)
        + "Then Captain Frederick Tilby came in; he sat down.\n\n"
        + repeat("Then Captain Tilby laughed; he was loud.", 2)
        + repeat("Then Mr. Tilby smiled; he was kind.", 3),
        Map.of("Henry Tilby", 2, "Mr. Tilby", 1, "Captain Tilby", 1));
    Names.Person henry = person(cast, "Henry Tilby");
    assertEquals(henry.id, person(cast, "Mr. Tilby").id, aliases(cast));
    assertEquals(person(cast, "Captain Frederick Tilby").id, person(cast, "Captain Tilby").id,
        aliases(cast));
    assertNotEquals(henry.id, person(cast, "Captain Tilby").id, aliases(cast));
  }

  @Test
  void aRankReadOnceBeforeAWholeNameDoesNotKeepTheMisterApart() {
    // "Major Jay Garrow" off a medal, once: he is never "Major Garrow", and "Mr. Garrow" is he,
    // named far more often than his cousin Tom Garrow
    List<Names.Person> cast = cast("Then Mr. Garrow came in; he sat down.\n\n"
        + repeat("Then Garrow smiled; he was kind.", 9)
        + "His cousin Tom Garrow came once; he was shy.\n\n"
        + "\"Major Jay Garrow,\" I read, \"For Valour.\"\n\n"
        + repeat("Then Jay Garrow laughed; he was loud.", 6),
        Map.of("Mr. Garrow", 1));
    assertEquals(person(cast, "Jay Garrow").id, person(cast, "Mr. Garrow").id, aliases(cast));
  }

  @Test
  void aMisterIsNotTheBoyCalledMaster() {
    // "Master Peter Vell" is the son: "Mr. Vell" is the one grown man of that surname, Bob Vell
    List<Names.Person> cast = cast(repeat("Then Bob Vell came in; he sat down.", 4)
        + repeat("Then Master Peter Vell laughed; he was small.", 3)
        + "Then Mr. Vell smiled; he was kind.\n\n",
        Map.of("Bob Vell", 1, "Master Peter Vell", 1, "Mr. Vell", 1));
    assertEquals(person(cast, "Bob Vell").id, person(cast, "Mr. Vell").id, aliases(cast));
  }

  @Test
  void aPetFormCutShortIsTheLongerOne() {
    List<Names.Person> cast = cast(repeat("Then Kitty Hamble came in; she sat down.", 3)
        + repeat("Then Kit laughed; she was loud.", 3), Map.of("Kitty Hamble", 1, "Kit", 1));
    assertEquals(person(cast, "Kitty Hamble").id, person(cast, "Kit").id, aliases(cast));
  }

  @Test
  void aNameOnlyTheCharactersSayIsTheNarratorsOther() {
    // The narrator says Margaret and Mike Cambell; the characters say "Meg" and "Michael".
    List<Names.Person> cast = cast(repeat("Then Margaret came in; she sat down.", 4)
        + repeat("\"Come here, Meg, come,\" cried a voice.", 4)
        + repeat("Then Mike Cambell came in; he sat down.", 4)
        + repeat("\"You are drunk, Michael, drunk,\" cried a voice.", 4),
        Map.of("Margaret", 1, "Mike Cambell", 1));
    assertEquals(person(cast, "Margaret").id, person(cast, "Meg").id, aliases(cast));
    assertEquals(person(cast, "Mike Cambell").id, person(cast, "Michael").id, aliases(cast));
  }

  @Test
  void aPetFormThatIsNoNarratorsNameStaysApart() {
    // "Father William" lives in a recited poem (in quotations), "Bill" in the cries of others:
    // neither name is the narrator's for the other.
    List<Names.Person> cast = cast(repeat("\"You are old, Father William,\" said she.", 3)
        + repeat("\"Here, Bill! Catch hold,\" cried a voice.", 3)
        + "Then Alice laughed; she was loud.\n\n",
        Map.of("Father William", 1, "Alice", 1));
    assertNotNull(person(cast, "Bill"), aliases(cast));
    assertNotEquals(person(cast, "Bill").id, person(cast, "Father William").id, aliases(cast));
  }

  @Test
  void aBynameHoldsTheName() {
    List<Names.Person> cast = cast(repeat("Then Winnie-the-Pooh came in; he sat down.", 3)
        + "Then Pooh laughed, and Winnie-the-Pooh was loud.\n\n"
        + repeat("Then Pooh sang; he was happy.", 3),
        Map.of("Winnie-the-Pooh", 1, "Pooh", 2));
    assertEquals(person(cast, "Pooh").id, person(cast, "Winnie-the-Pooh").id, aliases(cast));
  }
}
