package com.etoaudiobook.book.edit;

import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.Chapter;
import com.etoaudiobook.book.ProseAttribution;
import com.etoaudiobook.book.Role;
import com.etoaudiobook.book.Segment;
import com.etoaudiobook.book.internal.Label;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Applies a reader's corrections to a book: renames, merges, moves lines between roles, turns
 * quotations into narration. Segments keep their index, text and offsets, so a later operation
 * (or a second edit) names the same lines; only their role (and a narrated line's delivery)
 * changes, which is what lets the synthesis cache keep every other line. Roles are rebuilt from
 * the segments: a role left without lines is gone, a new one appears where it first speaks.
 */
public final class BookEditor {
  public static final int MAX_OPERATIONS = 1000;
  public static final int MAX_NAME_CHARS = 100;

  private BookEditor() {
  }

  /** The edited book; throws {@link EditException} naming the first operation that cannot apply. */
  public static Book apply(Book book, List<EditOperation> operations) {
    if (operations == null || operations.isEmpty()) {
      throw new EditException("operations is empty: nothing to apply");
    }
    if (operations.size() > MAX_OPERATIONS) {
      throw new EditException("at most " + MAX_OPERATIONS + " operations at once, got " + operations.size());
    }
    Segment[] segments = book.segments().toArray(Segment[]::new);
    Map<String, String> genders = new HashMap<>();
    book.roles().forEach(r -> genders.put(r.name(), r.gender()));
    for (int i = 0; i < operations.size(); i++) {
      EditOperation op = operations.get(i);
      String where = "operation " + (i + 1);
      if (op == null || op.op() == null) {
        throw new EditException(where + ": op is required (rename, merge, move or narrate)");
      }
      try {
        switch (op.op().toLowerCase(Locale.ROOT)) {
          case "rename" -> rename(segments, genders, op);
          case "merge" -> merge(segments, op);
          case "move" -> move(segments, op.segments(), roleOrNew(segments, op.to(), "to"), false);
          case "narrate" -> move(segments, op.segments(), ProseAttribution.NARRATOR, true);
          default -> throw new EditException("unknown op '" + op.op() + "'; use rename, merge, move or narrate");
        }
      } catch (EditException e) {
        throw new EditException(where + " (" + op.op() + "): " + e.getMessage());
      }
    }
    return rebuild(book, segments, genders);
  }

  private static void rename(Segment[] segments, Map<String, String> genders, EditOperation op) {
    String role = existing(segments, op.role(), "role");
    String to = name(op.to(), "to");
    String clash = find(segments, to);
    if (clash != null && !clash.equals(role)) {
      throw new EditException("role '" + clash + "' already exists; merge '" + role + "' into it instead");
    }
    genders.put(to, genders.get(role));
    reassign(segments, role, to);
  }

  private static void merge(Segment[] segments, EditOperation op) {
    String from = existing(segments, op.from(), "from");
    String into = existing(segments, op.into(), "into");
    if (from.equals(into)) {
      throw new EditException("cannot merge '" + from + "' into itself");
    }
    reassign(segments, from, into);
  }

  private static void move(Segment[] segments, List<Integer> indexes, String to, boolean narrate) {
    if (indexes == null || indexes.isEmpty()) {
      throw new EditException("segments is empty: name the lines (indexes from 0) to move");
    }
    Set<Integer> chosen = new LinkedHashSet<>();
    for (Integer i : indexes) {
      if (i == null || i < 0 || i >= segments.length) {
        throw new EditException("segment " + i + " is out of range: the book has segments 0 to "
            + (segments.length - 1));
      }
      chosen.add(i);
    }
    for (int i : chosen) {
      Segment s = segments[i];
      segments[i] = new Segment(s.index(), s.chapter(), s.paragraph(), to, narrate ? null : s.delivery(),
          s.text(), s.start(), s.end());
    }
  }

  private static void reassign(Segment[] segments, String from, String to) {
    for (int i = 0; i < segments.length; i++) {
      Segment s = segments[i];
      if (s.role().equals(from)) {
        segments[i] = new Segment(s.index(), s.chapter(), s.paragraph(), to, s.delivery(), s.text(), s.start(),
            s.end());
      }
    }
  }

  /** The role as the book spells it (roles match ignoring case and spacing, as parsing counts them). */
  private static String existing(Segment[] segments, String name, String field) {
    if (name == null || name.isBlank()) {
      throw new EditException(field + " is required: a role's name");
    }
    String found = find(segments, name);
    if (found == null) {
      throw new EditException("unknown role '" + name + "'; roles are " + String.join(", ", names(segments)));
    }
    return found;
  }

  /** An existing role's spelling, or the new name checked. */
  private static String roleOrNew(Segment[] segments, String name, String field) {
    String checked = name(name, field);
    String found = find(segments, checked);
    return found != null ? found : checked;
  }

  private static String name(String name, String field) {
    if (name == null || name.isBlank()) {
      throw new EditException(field + " is empty: a role needs a name");
    }
    String n = name.strip().replaceAll("\\s+", " ");
    if (n.length() > MAX_NAME_CHARS) {
      throw new EditException(field + " is longer than " + MAX_NAME_CHARS + " characters");
    }
    if (n.chars().anyMatch(Character::isISOControl)) {
      throw new EditException(field + " contains control characters");
    }
    return n;
  }

  private static String find(Segment[] segments, String name) {
    String key = Label.key(name);
    for (Segment s : segments) {
      if (Label.key(s.role()).equals(key)) {
        return s.role();
      }
    }
    return null;
  }

  private static List<String> names(Segment[] segments) {
    Set<String> names = new LinkedHashSet<>();
    for (Segment s : segments) {
      names.add(s.role());
    }
    return List.copyOf(names);
  }

  private static Book rebuild(Book book, Segment[] segments, Map<String, String> genders) {
    List<Chapter> chapters = new ArrayList<>();
    int next = 0;
    for (Chapter c : book.chapters()) {
      int n = c.segments().size();
      chapters.add(new Chapter(c.index(), c.title(), List.of(segments).subList(next, next + n)));
      next += n;
    }
    Map<String, String> known = new HashMap<>();
    genders.forEach((k, v) -> {
      if (v != null) {
        known.put(k, v);
      }
    });
    List<Role> roles = ProseAttribution.roles(chapters, known);
    return new Book(book.title(), book.author(), book.language(), chapters, roles, book.source(), book.warnings());
  }
}
