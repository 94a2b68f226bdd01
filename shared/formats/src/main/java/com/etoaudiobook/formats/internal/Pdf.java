package com.etoaudiobook.formats.internal;

import com.etoaudiobook.book.BookFormatException;
import com.etoaudiobook.book.Cancellation;
import com.etoaudiobook.book.ProseBuilder;
import com.etoaudiobook.book.Gutenberg;
import com.etoaudiobook.book.Headings;
import com.etoaudiobook.book.TitlePage;
import com.etoaudiobook.formats.internal.PdfLines.Line;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDNamedDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;

/**
 * A PDF's text layer read as a book: paragraphs rebuilt from the layout ({@link PdfParagraphs}),
 * page furniture dropped, chapters from the outline (bookmarks) when there is one, else at
 * "Chapter 4"-style lines; the title from the metadata when it is a real title, else page one.
 */
public final class Pdf implements AutoCloseable {
  public static final int MAX_PAGES = 3_000;
  /** Metadata titles that are file or tool names, not the book's title. */
  private static final Pattern NOT_A_TITLE = Pattern.compile(
      "(?i).*\\.(dvi|tex|pdf|docx?|indd|qxd|qxp|rtf|txt|ps|eps|fm|html?|xhtml|mhtml?|odt|pages|md|pptx?|xlsx?|epub)$|untitled.*|microsoft word.*|^\\W*$");
  /**
   * Outline entries that are not read: navigation, and the reference matter at the back of a book
   * (notes whose markers are not read, bibliography, index); a listener of a published audiobook
   * hears neither.
   */
  private static final Pattern NOT_READ = Pattern.compile(
      "(?i)^\\W*(?:cover|index|contents|table of contents|copyright|list of (?:figures|tables|illustrations)"
          + "|(?:end)?notes|notes (?:and|&) sources|sources|acknowledge?ments|bibliography|references"
          + "|works cited|further reading|glossary|about the authors?"
          // An index of any kind, and the licence appendix of a manual ("A Copying Information").
          + "|(?:[a-z]\\W+|appendix\\W+\\w{1,3}\\W+)?(?:copying(?: information| conditions)?"
          + "|(?:gnu )?(?:free documentation |general public |lesser general public )?licen[cs]e)"
          + "|[\\w ]{0,40}\\bindex|index of [\\w ]{1,40})\\W*$");
  /** An outline entry named as a part of the book: "Part One", "BOOK II", "Volume 3". */
  private static final Pattern PART = Pattern.compile(
      "(?i)^\\W*(?:part|book|volume)\\s+(?:[ivxlc]+|\\d+|[a-z]+)\\b.*");

  private final PDDocument doc;
  private final byte[] bytes;
  private List<List<Line>> pages;

  /** A chapter start from the outline: page (from 0), y down the page (or -1), title. */
  record Mark(int page, float y, String title) {
  }

  public Pdf(byte[] bytes) {
    this.bytes = bytes;
    try {
      doc = PdfPages.load(bytes);
    } catch (InvalidPasswordException e) {
      throw encrypted();
    } catch (BookFormatException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      Cancellation.check(); // a library may report our stop as a failed read
      throw new BookFormatException("corrupt", "The PDF file is damaged and cannot be opened ("
          + e.getMessage() + ")");
    }
    // Opened with the empty user password, but the owner forbids copying the text out: DRM.
    if (doc.isEncrypted() && !doc.getCurrentAccessPermission().canExtractContent()) {
      close();
      throw encrypted();
    }
    if (doc.getNumberOfPages() > MAX_PAGES) {
      int pages = doc.getNumberOfPages();
      close();
      throw new BookFormatException("too-large", "The PDF has " + pages + " pages; at most "
          + MAX_PAGES + " can be read");
    }
  }

  private static BookFormatException encrypted() {
    return new BookFormatException("encrypted", "This PDF is password-protected or encrypted; "
        + "save an unprotected copy and upload that");
  }

  /** The metadata title when it is a real one, else the largest line of the first page. */
  public String title() {
    PDDocumentInformation info = doc.getDocumentInformation();
    String t = info == null ? null : info.getTitle();
    if (t != null && !t.isBlank() && !NOT_A_TITLE.matcher(t.strip()).matches()) {
      Gutenberg.Fields ebook = Gutenberg.ofEbookTitle(t);
      // printed from a Gutenberg page: its <title>, "The Project Gutenberg eBook of ..." or "Great Expectations, by ..."
      return ebook != null ? ebook.title() : Gutenberg.titleBy(t).title();
    }
    List<Line> first = lines().isEmpty() ? List.of() : lines().get(0);
    Line best = null;
    for (Line l : first) {
      if (l.text().codePoints().anyMatch(Character::isLetter)
          && (best == null || l.size() > best.size())) {
        best = l;
      }
    }
    return best == null ? null : best.text();
  }

  public String author() {
    PDDocumentInformation info = doc.getDocumentInformation();
    String a = info == null ? null : info.getAuthor();
    Gutenberg.Fields ebook = info == null ? null : Gutenberg.ofEbookTitle(info.getTitle());
    if ((a == null || a.isBlank()) && ebook != null) {
      return ebook.author();
    }
    String t = info == null ? null : info.getTitle();
    if ((a == null || a.isBlank()) && t != null && !t.isBlank() && !NOT_A_TITLE.matcher(t.strip()).matches()) {
      a = Gutenberg.titleBy(t).author(); // "Great Expectations, by Charles Dickens"
    }
    return a == null || a.isBlank() ? null : a.strip();
  }

  public String language() {
    String l = doc.getDocumentCatalog().getLanguage();
    return l == null || l.isBlank() ? null : l.strip();
  }

  private List<List<Line>> lines() {
    if (pages == null) {
      try {
        pages = PdfPages.read(doc, bytes);
      } catch (BookFormatException e) {
        throw e; // stopped (an interrupt), not a damaged file
      } catch (IOException | RuntimeException e) {
        Cancellation.check();
        throw new BookFormatException("corrupt", "The PDF's text cannot be read (" + e.getMessage()
            + ")");
      }
    }
    return pages;
  }

  public void text(ProseBuilder builder) {
    List<List<Line>> all = lines();
    if (all.stream().flatMap(List::stream).noneMatch(l -> l.text().codePoints()
        .anyMatch(Character::isLetter))) {
      throw new BookFormatException("no-text", "Scanned PDF: no text layer (the pages are "
          + "images); run it through OCR first, or upload the text itself");
    }
    List<Mark> marks = outline();
    List<PdfParagraphs.Paragraph> paragraphs = gutenbergBook(PdfParagraphs.build(all,
        marks.stream().map(m -> new float[] {m.page(), m.y()}).toList()));
    Chapters chapters = new Chapters(builder);
    if (marks.isEmpty()) {
      chapters.chapter(null);
      // A numeral alone as a paragraph numbers a chapter where it is set large, or where the
      // text numbers its chapters so, one after another (a text printed in one type: "IV" between
      // blank lines), not a figure's labels.
      boolean numerals = Headings.risingNumerals(paragraphs.stream().map(PdfParagraphs.Paragraph::text)
          .toList()) >= 3;
      TitlePage front = new TitlePage(title(), author());
      boolean contents = false;
      boolean underNumbered = false; // the paragraph before numbers a chapter or a story, not a part
      List<PdfParagraphs.Paragraph> held = new ArrayList<>(); // the contents list's entries so far
      java.util.ArrayDeque<PdfParagraphs.Paragraph> again = new java.util.ArrayDeque<>();
      for (int i = 0; i < paragraphs.size() || !again.isEmpty(); ) {
        PdfParagraphs.Paragraph p = again.isEmpty() ? paragraphs.get(i++) : again.poll();
        String text = p.text();
        if (Headings.isTranscribersBracket(text)) {
          continue;
        }
        if (front.open(chapters.begun(), text) && front.holds(text)) {
          continue; // without bookmarks: the title page's lines before the first chapter are not read
        }
        // A contents list before the first chapter: its title, then its entries ("IV. The Boscombe Valley
        // Mystery", "BOOK II", "CHAPTER XIII CHAPTER XIV" as a browser prints a table of links).
        if (!chapters.begun() && Headings.isListTitle(text.strip()) && !contents) {
          contents = true;
          held.clear();
          continue;
        }
        if (contents && listed(text.strip())) {
          held.add(p);
          continue;
        }
        if (contents && Headings.isRunningProse(text)) {
          // the list's last lines may be the first chapter's own heading, "BOOK I" over "CHAPTER I."
          int from = held.size();
          if (from > 0 && Headings.numbersChapter(held.get(from - 1).text().strip())) {
            from -= from > 1 && Headings.isDivision(held.get(from - 2).text()) ? 2 : 1;
          }
          again.addAll(held.subList(from, held.size()));
          again.add(p);
          contents = false;
          continue;
        }
        contents = false;
        // A title in capitals that numbers its story, "ADVENTURE I. A SCANDAL IN BOHEMIA", heads a chapter as it
        // does in plain text (a browser prints an h3 barely larger than the text); a numeral under it ("I.")
        // numbers the story's first part and says nothing new.
        boolean numberedTitle = Headings.isCapsTitle(text) && Headings.hasNumber(text);
        boolean bare = Headings.isBareNumeral(text);
        if (bare && underNumbered) {
          underNumbered = false;
          continue;
        }
        boolean numbered = Headings.isNumberedChapter(text) || numberedTitle;
        if (numbered || (p.heading() || numerals) && bare) {
          chapters.chapter(text.strip().replaceAll("[\\s\\h]+", " ")); // a browser's &nbsp;s
        } else {
          chapters.paragraph(text);
        }
        underNumbered = numbered && !Headings.isDivision(text);
      }
      return;
    }
    // A half-title: the book's title alone on its page, between front matter and the text.
    String bookTitle = title() == null ? "" : words(title());
    java.util.Map<Integer, Integer> perPage = new java.util.HashMap<>();
    paragraphs.forEach(p -> perPage.merge(p.page(), 1, Integer::sum));
    paragraphs = paragraphs.stream().filter(p -> !(perPage.get(p.page()) == 1
        && !bookTitle.isEmpty() && words(p.text()).equals(bookTitle))).toList();
    // Before the first bookmark: the title page, licence, copyright and contents pages.
    int next = 0;
    int sinceMark = 0;
    boolean reading = false;
    boolean empty = false;
    String printed = null;
    for (PdfParagraphs.Paragraph p : paragraphs) {
      while (next < marks.size() && starts(marks.get(next), p)) {
        if (reading && empty) {
          chapters.paragraph(printed != null ? printed : marks.get(next - 1).title());
        }
        Mark m = marks.get(next++);
        reading = !NOT_READ.matcher(m.title()).matches();
        sinceMark = 0;
        empty = true;
        printed = null;
        if (reading) {
          chapters.chapter(m.title());
        }
      }
      if (!reading || Headings.isTranscribersBracket(p.text())) {
        continue;
      }
      if (sinceMark++ < 2 && isPrintedHeading(p.text(), marks.get(next - 1).title())) {
        printed = printed == null ? p.text() : printed;
      } else {
        chapters.paragraph(p.text());
        empty = false;
      }
    }
    if (reading && empty) {
      chapters.paragraph(printed != null ? printed : marks.get(next - 1).title());
    }
  }

  /** A word of a contents list's entry that is only a number: "CHAPTER", "BOOK", "XIII", "12.". */
  private static final Pattern LABEL_WORD = Pattern.compile(
      "(?i)chapter|chap\\.|book|part|volume|vol\\.|act|scene|stave|letter|canto|[ivxlcdm]+\\.?|\\d{1,3}\\.?");

  /** A contents list's entry: numbered with its title, or numbers alone ("CHAPTER XIII CHAPTER XIV"). */
  private static boolean listed(String text) {
    if (Headings.isContentsEntry(text) || Headings.isDivision(text)) {
      return true;
    }
    String[] words = text.split("[\\s\\h]+"); // a browser's &nbsp;s too
    if (words.length > 400) {
      return false;
    }
    for (String w : words) {
      if (!LABEL_WORD.matcher(w).matches()) {
        return false;
      }
    }
    return true;
  }

  /**
   * A Project Gutenberg book printed to PDF: its paragraphs after the header's "*** START OF ..." line
   * and the credits under it ("Produced by ..."), before the licence; all of them where there is no
   * such line.
   */
  private static List<PdfParagraphs.Paragraph> gutenbergBook(List<PdfParagraphs.Paragraph> paragraphs) {
    int start = -1;
    for (int i = 0; i < paragraphs.size() && start < 0; i++) {
      String text = paragraphs.get(i).text();
      if (Gutenberg.isEnd(text.strip())) {
        break; // a licence after the book's end is no header
      }
      int stars = text.indexOf("***");
      if (stars >= 0 && Gutenberg.isStart(text.substring(stars))) { // the header's lines may run into it
        start = i + 1;
      }
    }
    if (start < 0) {
      return paragraphs;
    }
    while (start < paragraphs.size() && Gutenberg.isCredits(paragraphs.get(start).text().strip())) {
      start++;
    }
    int end = start;
    while (end < paragraphs.size() && !Gutenberg.isEnd(paragraphs.get(end).text().strip())) {
      end++;
    }
    return paragraphs.subList(start, end);
  }

  private static String words(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  /** The chapter's heading as printed ("CHAPTER ONE: Creators" for "1: Creators"): not read again. */
  private static boolean isPrintedHeading(String text, String title) {
    if (text.split("\\s+").length > 10) {
      return false;
    }
    if (Headings.isNumberedChapter(text)) {
      return true;
    }
    String a = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    String b = title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    return !a.isEmpty() && (a.equals(b) || b.endsWith(a) || a.endsWith(b));
  }

  private static boolean starts(Mark m, PdfParagraphs.Paragraph p) {
    return p.page() > m.page() || (p.page() == m.page() && (m.y() < 0 || p.y() >= m.y() - 2));
  }

  /** Outline entries in reading order (pre-order), each with where it points. */
  private List<Mark> outline() {
    List<Mark> out = new ArrayList<>();
    try {
      PDOutlineNode root = doc.getDocumentCatalog().getDocumentOutline();
      if (root != null) {
        collect(root, out, 0, onlyEntry(root));
      }
    } catch (BookFormatException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      return List.of(); // a broken outline: fall back to headings in the text
    }
    out.sort((a, b) -> a.page() != b.page() ? Integer.compare(a.page(), b.page())
        : Float.compare(a.y(), b.y()));
    return out.size() >= 2 ? out : List.of();
  }

  /**
   * The one entry of the top level that is read, when there is only one (an outline whose root is
   * the book itself, its chapters below); else null.
   */
  private static PDOutlineItem onlyEntry(PDOutlineNode root) {
    PDOutlineItem only = null;
    for (PDOutlineItem item : root.children()) {
      String t = item.getTitle() == null ? "" : item.getTitle().strip();
      if (!NOT_READ.matcher(t).matches()) {
        if (only != null) {
          return null;
        }
        only = item;
      }
    }
    return only;
  }

  /**
   * Entries are chapters; an entry's children are chapters too only when it is a part (named
   * so, or its children are numbered chapters, or it is the outline's one entry), else they
   * are its sections and read within it (an afterword's sections are not chapters).
   */
  private void collect(PDOutlineNode node, List<Mark> out, int depth, PDOutlineItem only)
      throws IOException {
    for (PDOutlineItem item : node.children()) {
      if (out.size() > 10_000 || depth > 8) {
        return;
      }
      PDDestination d = item.getDestination();
      if (d == null && item.getAction() instanceof PDActionGoTo go) {
        d = go.getDestination();
      }
      if (d instanceof PDNamedDestination named) {
        d = doc.getDocumentCatalog().findNamedDestinationPage(named);
      }
      if (d instanceof PDPageDestination pd) {
        int page = pd.retrievePageNumber();
        float y = -1;
        if (pd instanceof PDPageXYZDestination xyz && xyz.getTop() >= 0 && page >= 0) {
          PDPage pg = doc.getPage(page);
          y = pg.getCropBox().getUpperRightY() - xyz.getTop();
        }
        String title = item.getTitle() == null ? "" : item.getTitle().strip();
        if (page >= 0 && !title.isEmpty()) {
          out.add(new Mark(page, y, title));
        }
      }
      if (item == only || isPart(item)) {
        collect(item, out, depth + 1, null);
      }
    }
  }

  private static boolean isPart(PDOutlineItem item) {
    if (!item.hasChildren()) {
      return false;
    }
    if (item.getTitle() != null && PART.matcher(item.getTitle().strip()).matches()) {
      return true;
    }
    for (PDOutlineItem child : item.children()) {
      String t = child.getTitle() == null ? "" : child.getTitle().strip();
      // "2: Title", "2. Title" are chapters; "2.1 Title" is a section of chapter 2.
      if (Headings.isNumberedChapter(t) || t.matches("^\\d{1,3}[.:](?!\\d).*")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    try {
      doc.close();
    } catch (IOException e) {
      // nothing left to do with a document we only read
    }
  }

  /**
   * The line with page numbers, arabic or roman ("PREFACE xv", "xvi PREFACE"), made "#" and blanks made one:
   * what tells running lines apart. Written out rather than as regular expressions: it runs for every line.
   */
  static String key(String line) {
    String s = line.toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(s.length());
    int n = s.length();
    for (int i = 0; i < n; ) {
      char c = s.charAt(i);
      if (isDigit(c)) {
        while (i < n && isDigit(s.charAt(i))) {
          i++;
        }
        out.append('#');
      } else if (isRoman(c) && (i == 0 || !isWord(s.charAt(i - 1)))) {
        int j = i;
        while (j < n && isRoman(s.charAt(j))) {
          j++;
        }
        if (j == n || !isWord(s.charAt(j))) { // a word of roman digits only
          out.append('#');
        } else {
          out.append(s, i, j);
        }
        i = j;
      } else if (isSpace(c)) {
        while (i < n && isSpace(s.charAt(i))) {
          i++;
        }
        out.append(' ');
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString().strip();
  }

  /** The regular expressions' \s: the ASCII blanks. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** The regular expressions' \d: ASCII digits. */
  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isRoman(char c) {
    return c == 'i' || c == 'v' || c == 'x' || c == 'l' || c == 'c';
  }

  /** A word character as the regular expressions' \b sees one. */
  private static boolean isWord(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
