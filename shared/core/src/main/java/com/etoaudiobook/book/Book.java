package com.etoaudiobook.book;

import java.util.List;
import java.util.stream.Stream;

/**
 * A parsed document.
 *
 * @param title    book title
 * @param author   author, or null
 * @param language BCP-47 language tag ("en")
 * @param chapters chapters in order
 * @param roles    roles in order of first appearance
 * @param source   what the text was read from: file name, format and the encoding chosen
 * @param warnings things the user should know (e.g. "decoded as Windows-1252")
 */
public record Book(String title, String author, String language, List<Chapter> chapters,
                   List<Role> roles, Source source, List<String> warnings) {
  /**
   * Segments a book may have, counted while parsing: each is objects of its own, so a text of a million
   * one-word lines or quotations would fill the heap before any later check. The jobs' limit
   * (job.BookLimits.MAX_SEGMENTS) is the same, so this refuses nothing a job would take.
   */
  public static final int MAX_SEGMENTS = 50_000;

  /** The refusal when a parse passes {@link #MAX_SEGMENTS}. */
  public static BookFormatException tooManySegments() {
    return new BookFormatException("too-large", "The text splits into more than " + MAX_SEGMENTS
        + " segments, the most one book may have; split it into smaller files");
  }

  public Book {
    chapters = List.copyOf(chapters);
    roles = List.copyOf(roles);
    warnings = List.copyOf(warnings);
  }

  /** @param name file name; format "markdown", "text", ...; encoding "UTF-8" or "windows-1252" */
  public record Source(String name, String format, String encoding) {
  }

  public Stream<Segment> segments() {
    return chapters.stream().flatMap(c -> c.segments().stream());
  }

  public int segmentCount() {
    return chapters.stream().mapToInt(c -> c.segments().size()).sum();
  }

  public int characters() {
    return chapters.stream().mapToInt(Chapter::characters).sum();
  }

  public Role role(String name) {
    return roles.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
  }
}
