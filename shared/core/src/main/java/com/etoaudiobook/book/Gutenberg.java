package com.etoaudiobook.book;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The markers of a Project Gutenberg file, in plain text or HTML: the header's "Title:" and
 * "Author:" lines, the "*** START OF ..." line that ends the header, and the line that ends the book
 * and starts the licence.
 */
public final class Gutenberg {
  /**
   * The line that ends the header: "*** START OF THE PROJECT GUTENBERG EBOOK ...", or in the
   * etexts of the 1990s, whose header carries the licence, the licence's last line ("*END*THE
   * SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*").
   */
  private static final Pattern START = Pattern.compile(
      "(?i)^\\W*(?:\\*{3}\\s*START OF (?:THE|THIS) PROJECT GUTENBERG|\\*+\\s*END\\W*THE SMALL PRINT).*");
  private static final Pattern END = Pattern.compile(
      "(?i)^\\W*(?:\\*{3}\\s*END OF (?:THE|THIS) PROJECT GUTENBERG|END OF (?:THE )?PROJECT GUTENBERG"
          + "|END OF PROJECT GUTENBERG'S|END OF THE PROJECT GUTENBERG).*");
  private static final Pattern FIELD = Pattern.compile("^(Title|Author):\\s*(\\S.*)$");

  private Gutenberg() {
  }

  /** "Title:" and "Author:" of a Project Gutenberg header; either may be null. */
  public record Fields(String title, String author) {
  }

  /**
   * The "Title:" and "Author:" lines of a header; without them (the etexts of the 1990s), its
   * opening line's ("Project Gutenberg Etext The Sign of the Four, by A. Conan Doyle", or "by ..."
   * on the line under it).
   */
  public static Fields fields(String header) {
    String title = null;
    String author = null;
    String[] lines = header.split("\\R");
    for (String line : lines) {
      Matcher m = FIELD.matcher(line.strip());
      if (m.matches() && m.group(1).equals("Title") && title == null) {
        title = withoutComplete(m.group(2).strip());
      } else if (m.matches() && m.group(1).equals("Author") && author == null) {
        author = m.group(2).strip();
      }
    }
    for (int i = 0; title == null && i < lines.length; i++) {
      Fields named = ofEbookTitle(lines[i]);
      if (named != null) {
        title = named.title();
        author = named.author();
        String under = i + 1 < lines.length ? lines[i + 1].strip() : "";
        if (author == null && under.regionMatches(true, 0, "by ", 0, 3)) {
          author = under.substring(3).replaceAll("\\W+$", "").strip();
        }
      } else if (!lines[i].isBlank()) {
        break; // only the header's first line names the book
      }
    }
    for (int i = 1; author == null && i + 1 < lines.length; i++) {
      // "Around the World in 80 Days, by Jules Verne" on a line of its own in an old header: its author
      // (its title is the e-text's, the title page's own is the book's: "AROUND THE WORLD IN EIGHTY DAYS")
      Matcher m = lines[i - 1].isBlank() && lines[i + 1].isBlank() && lines[i].length() <= 80
          ? TITLE_BY.matcher(lines[i].strip()) : null;
      if (m != null && m.matches() && m.group(2).split(" ").length <= 4) {
        author = m.group(2).strip();
      }
    }
    return new Fields(title, author);
  }

  /**
   * "The Project Gutenberg eBook of Emma, by Jane Austen": an HTML page's title, a PDF printed from
   * it, and a plain text's first line ("*The Project Gutenberg Etext of The Mysterious Affair at
   * Styles*", "Project Gutenberg's Etext of ...").
   */
  private static final Pattern EBOOK_TITLE = Pattern.compile(
      "(?i)^\\W*(?:the )?project gutenberg(?:'s)? e-?(?:book|text)(?: of)? (.+?)(?:,? by (.+?))?[\\s.*]*$");

  /** The title and author a "The Project Gutenberg eBook of ..., by ..." document title names, or null. */
  public static Fields ofEbookTitle(String documentTitle) {
    Matcher m = documentTitle == null ? null : EBOOK_TITLE.matcher(documentTitle.strip());
    return m == null || !m.matches() ? null
        : new Fields(withoutComplete(m.group(1).strip()), m.group(2) == null ? null : m.group(2).strip());
  }

  /** "Great Expectations, by Charles Dickens": a title with its author, as a page's or a converted book's title gives both. */
  private static final Pattern TITLE_BY = Pattern.compile("^(.+?),\\s+by\\s+(\\p{Lu}[\\p{L}.'\u2019 -]{1,60}?)\\.?$");

  /**
   * A document title that names its author after a comma ("Great Expectations, by Charles Dickens"), split
   * into the two (the title without ", Complete"); else the title alone, author null. ("Murder by Death"
   * has no comma: a title.)
   */
  public static Fields titleBy(String documentTitle) {
    if (documentTitle == null || documentTitle.isBlank()) {
      return new Fields(null, null);
    }
    String t = documentTitle.strip().replaceAll("\\s+", " ");
    Matcher m = TITLE_BY.matcher(t);
    return m.matches() && m.group(2).split(" ").length <= 6 ? new Fields(withoutComplete(m.group(1).strip()), m.group(2).strip())
        : new Fields(t, null);
  }

  /** ", Complete" after a title ("The Adventures of Tom Sawyer, Complete"): the e-text's, as against its parts', not the book's. */
  private static final Pattern COMPLETE = Pattern.compile("(?i)(?:\\s*[,\u2014\u2013-]\\s*|\\s+\\()complete\\)?\\.?$");

  private static String withoutComplete(String title) {
    String t = COMPLETE.matcher(title).replaceFirst("");
    return t.isBlank() ? title : t;
  }

  /**
   * Who made the e-text, under the header ("Produced by ...", "E-text prepared by ...", "This Project Gutenberg Etext Prepared by ...", "Transcribed
   * from the 1908 ... edition by ...", "Note: Project Gutenberg also has an HTML version ..."): not the book's.
   */
  private static final Pattern CREDITS = Pattern.compile(
      "(?i)^\\W*(?:produced by|transcribed (?:by|from)|(?:this )?(?:project gutenberg )?(?:(?:updated|new|revised|corrected) )?(?:e-?(?:text|book)s?|edition|version) (?:was |were )?(?:prepared|produced|transcribed|created|updated|corrected) by"
          + "|prepared by|scanned (?:and proofed )?by|note: project gutenberg (?:also )?has)\\b");

  /** The credits of the e-text (see {@link #CREDITS}), a line or a paragraph opening with them. */
  public static boolean isCredits(String text) {
    return CREDITS.matcher(text).lookingAt();
  }

  /** The "*** START OF THE PROJECT GUTENBERG EBOOK ..." line that ends the header. */
  public static boolean isStart(String line) {
    return line.contains("*") && START.matcher(line).matches();
  }

  /** Whether a start line closes its marker ("... EBOOK EMMA ***"): else its title runs on ("THE\nCOLUMBIA***"). */
  public static boolean closesStart(String line) {
    return line.strip().endsWith("***") || line.strip().endsWith("*END*");
  }

  /** The line that ends the book and starts the licence ("End of the Project Gutenberg EBook"). */
  public static boolean isEnd(String line) {
    // every form names the Project Gutenberg: shorter lines (most, and all blank ones) need no matcher
    return line.length() >= 24 && END.matcher(line).matches();
  }
}
