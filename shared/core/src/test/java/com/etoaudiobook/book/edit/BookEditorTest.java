package com.etoaudiobook.book.edit;

import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.Role;
import com.etoaudiobook.book.ScriptParser;
import com.etoaudiobook.book.Segment;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BookEditorTest {
  static final String SCRIPT = """
      # Chapter One

      The rain had stopped.

      **Mara:** Is anyone there?

      **Tom (whispering):** Only me.

      **Mara:** Then come in.

      # Chapter Two

      **Tomas:** It is still me.

      **Keeper:** Quiet, both of you.
      """;

  static Book book() {
    return new ScriptParser().parse("story.md", SCRIPT.getBytes(StandardCharsets.UTF_8));
  }

  static List<String> roles(Book b) {
    return b.roles().stream().map(Role::name).toList();
  }

  static List<String> lineRoles(Book b) {
    return b.segments().map(Segment::role).toList();
  }

  @Test
  void theScriptIsWhatTheTestsAssume() {
    assertEquals(List.of("Narrator", "Mara", "Tom", "Tomas", "Keeper"), roles(book()));
    assertEquals(List.of("Narrator", "Mara", "Tom", "Mara", "Tomas", "Keeper"), lineRoles(book()));
  }

  @Test
  void renameKeepsLinesOrderAndGender() {
    Book before = withGender(book(), "Mara", "female");
    Book b = BookEditor.apply(before, List.of(EditOperation.rename("Mara", "Marianne")));
    assertEquals(List.of("Narrator", "Marianne", "Tom", "Tomas", "Keeper"), roles(b));
    assertEquals(2, b.role("Marianne").segments());
    assertEquals("female", b.role("Marianne").gender());
    assertEquals(before.segments().map(Segment::text).toList(), b.segments().map(Segment::text).toList());
  }

  @Test
  void renameMatchesTheRoleIgnoringCase() {
    Book b = BookEditor.apply(book(), List.of(EditOperation.rename("mara", "MARA")));
    assertEquals("MARA", lineRoles(b).get(1));
  }

  @Test
  void mergeMovesEveryLineAndDropsTheRole() {
    Book b = BookEditor.apply(book(), List.of(EditOperation.merge("Tomas", "Tom")));
    assertEquals(List.of("Narrator", "Mara", "Tom", "Keeper"), roles(b));
    assertEquals(2, b.role("Tom").segments());
    assertEquals(List.of("whispering"), b.role("Tom").deliveries());
    assertEquals(1, b.chapters().get(1).segments().stream().filter(s -> s.role().equals("Tom")).count());
  }

  @Test
  void moveToANewRoleCreatesItWhereItFirstSpeaks() {
    Book b = BookEditor.apply(book(), List.of(EditOperation.move(List.of(3), "Ghost")));
    assertEquals(List.of("Narrator", "Mara", "Tom", "Ghost", "Tomas", "Keeper"), roles(b));
    assertEquals(1, b.role("Mara").segments());
    assertEquals("Then come in.", b.segments().toList().get(3).text());
    assertEquals(3, b.segments().toList().get(3).index());
  }

  @Test
  void moveToAnExistingRoleUsesItsSpellingAndEmptiedRolesGo() {
    Book b = BookEditor.apply(book(), List.of(EditOperation.move(List.of(5), "tom")));
    assertEquals("Tom", lineRoles(b).get(5));
    assertTrue(!roles(b).contains("Keeper"));
  }

  @Test
  void narrateGivesTheLineToTheNarratorReadPlainly() {
    Book b = BookEditor.apply(book(), List.of(EditOperation.narrate(List.of(2))));
    Segment s = b.segments().toList().get(2);
    assertEquals("Narrator", s.role());
    assertNull(s.delivery());
    assertEquals(List.of("Narrator", "Mara", "Tomas", "Keeper"), roles(b));
    assertEquals(2, b.role("Narrator").segments());
  }

  @Test
  void operationsApplyInOrderEachOnTheResultBefore() {
    Book b = BookEditor.apply(book(), List.of(
        EditOperation.merge("Tomas", "Tom"),
        EditOperation.rename("Tom", "Thomas"),
        EditOperation.move(List.of(1), "Thomas")));
    assertEquals(List.of("Narrator", "Thomas", "Thomas", "Mara", "Thomas", "Keeper"), lineRoles(b));
  }

  @Test
  void refusalsSayWhatWasWrong() {
    assertRefused("operation 1 (rename): unknown role 'Gandalf'; roles are Narrator, Mara, Tom, Tomas, Keeper",
        EditOperation.rename("Gandalf", "G"));
    assertRefused("operation 1 (rename): to is empty: a role needs a name", EditOperation.rename("Tom", "  "));
    assertRefused("operation 1 (rename): role 'Mara' already exists; merge 'Tom' into it instead",
        EditOperation.rename("Tom", "mara"));
    assertRefused("operation 1 (merge): cannot merge 'Tom' into itself", EditOperation.merge("Tom", "TOM"));
    assertRefused("operation 1 (move): segment 6 is out of range: the book has segments 0 to 5",
        EditOperation.move(List.of(1, 6), "Tom"));
    assertRefused("operation 1 (narrate): segment -1 is out of range: the book has segments 0 to 5",
        EditOperation.narrate(List.of(-1)));
    assertRefused("operation 1 (move): segments is empty: name the lines (indexes from 0) to move",
        EditOperation.move(List.of(), "Tom"));
    assertRefused("operation 1 (split): unknown op 'split'; use rename, merge, move or narrate",
        new EditOperation("split", null, null, null, null, null));
    assertRefused("operation 1 (move): to is longer than 100 characters",
        EditOperation.move(List.of(1), "x".repeat(101)));
  }

  @Test
  void aLaterBadOperationRefusesTheWholeList() {
    EditException e = assertThrows(EditException.class, () -> BookEditor.apply(book(), List.of(
        EditOperation.rename("Tom", "Thomas"), EditOperation.merge("Tom", "Mara"))));
    // Tom was renamed by operation 1, so operation 2 no longer finds him: the message names it
    assertTrue(e.getMessage().startsWith("operation 2 (merge): unknown role 'Tom'; roles are Narrator, Mara, Thomas"),
        e.getMessage());
    assertThrows(EditException.class, () -> BookEditor.apply(book(), List.of()));
  }

  private static void assertRefused(String message, EditOperation op) {
    EditException e = assertThrows(EditException.class, () -> BookEditor.apply(book(), List.of(op)));
    assertEquals(message, e.getMessage());
  }

  static Book withGender(Book b, String role, String gender) {
    List<Role> roles = b.roles().stream().map(r -> r.name().equals(role)
        ? new Role(r.name(), r.segments(), r.characters(), r.sample(), r.deliveries(), gender) : r).toList();
    return new Book(b.title(), b.author(), b.language(), b.chapters(), roles, b.source(), b.warnings());
  }
}
