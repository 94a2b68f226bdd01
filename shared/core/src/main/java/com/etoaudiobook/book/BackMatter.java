package com.etoaudiobook.book;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What an edition adds after the story's "THE END" (a printer's imprint, errata, a notice on
 * rights), and a publisher's catalogue bound in after the story ("BOOKS BY THE SAME AUTHOR", "12mo, cloth,
 * $1.50", "Crown 8vo, 6s."), kept by the scans Project Gutenberg and others made of old editions:
 * not the book, so not read. Found from the end: whole trailing chapters of priced titles, and
 * priced paragraphs after the last chapter's "THE END"; never more than a quarter of the book.
 */
public final class BackMatter {

  /** Where to cut: chapters [0, chapters) kept, the last of them to its first {@code paragraphs}. */
  public record Cut(int chapters, int paragraphs, int dropped) {
  }

  /** A price: "$1.50", "50 cents", "6s.", "3s. 6d.", "net 7s". */
  private static final Pattern PRICE = Pattern.compile(
      "\\$\\s?\\d+(?:\\.\\d\\d)?|\\b\\d+\\s?cents\\b|\\b\\d{1,2}s\\.(?:\\s?\\d{1,2}d\\.)?|\\b\\d{1,2}/\\d{1,2}\\b\\s*net");
  /** A book's size and binding, as catalogues list them. */
  private static final Pattern BINDING = Pattern.compile(
      "(?i)\\b(?:\\d{2}mo|8vo|4to|octavo|duodecimo|quarto|cloth|boards|buckram|half morocco)(?![\\p{L}])");
  /** Words a catalogue's entry has beside them. */
  private static final Pattern ENTRY = Pattern.compile(
      "(?i)\\b(?:illustrated|net|price|pp\\.|cloth|volumes?)(?![\\p{L}])");
  /** A trailing chapter's title that announces other books. */
  private static final Pattern AD_TITLE = Pattern.compile(
      "(?i)\\b(?:advertisements?|by the same author|also by|books by|works by|novels by|stories by"
          + "|publishers?'? ?(?:announcements?|catalogue|list)|new (?:books|novels|fiction)"
          + "|catalogue of|recent fiction|popular (?:books|novels))\\b");
  private static final Pattern THE_END = Pattern.compile("(?i)\\W*(?:the end|finis)\\W*");

  private BackMatter() {
  }

  /**
   * Where the book ends before its catalogue, given each chapter's title and paragraphs; null
   * when it has none. The first chapter is always kept.
   */
  public static Cut find(List<String> titles, List<List<String>> paragraphs) {
    int n = paragraphs.size();
    int kept = n;
    int dropped = 0;
    int total = paragraphs.stream().mapToInt(List::size).sum();
    while (kept > 1 && catalogue(titles.get(kept - 1), paragraphs.get(kept - 1))
        && (dropped + paragraphs.get(kept - 1).size()) * 4 <= total) {
      kept--;
      dropped += paragraphs.get(kept).size();
    }
    // a last chapter headed "THE END.": what it holds comes after the book (a printer's imprint,
    // a notice on performing rights, a transcriber's errata)
    if (kept > 1 && titles.get(kept - 1) != null && THE_END.matcher(titles.get(kept - 1)).matches()
        && afterword(paragraphs.get(kept - 1), dropped, total)) {
      kept--;
      dropped += paragraphs.get(kept).size();
    }
    List<String> last = paragraphs.get(kept - 1);
    int end = last.size();
    for (int i = last.size() - 2; i >= 0; i--) {
      if (THE_END.matcher(last.get(i)).matches()) {
        List<String> after = last.subList(i + 1, last.size());
        int priced = priced(after);
        if (priced >= 3 && priced * 4 >= after.size() && (dropped + after.size()) * 4 <= total
            || afterword(after, dropped, total)) {
          end = i + 1;
          dropped += after.size();
        }
        break;
      }
    }
    return dropped == 0 ? null : new Cut(kept, end, dropped);
  }

  /** Most paragraphs after "THE END" taken for a printer's and a transcriber's notes: a short tail. */
  private static final int MAX_AFTER_END = 40;

  /**
   * A few paragraphs after the story's "THE END" (an afterword or notes have a heading of their own),
   * opening with the edition's words ("Printed by", "ERRATA", "All applications respecting amateur
   * performances"): the edition's, not the book's ("A note on the text", a story's last lines stay).
   */
  private static boolean afterword(List<String> paragraphs, int dropped, int total) {
    return paragraphs.size() <= MAX_AFTER_END && (dropped + paragraphs.size()) * 4 <= total
        && !paragraphs.isEmpty() && editions(paragraphs.get(0));
  }

  /** The edition's, not the author's: a printer's imprint, errata, a notice on performing rights. */
  private static final Pattern EDITIONS = Pattern.compile(
      "(?i)\\W*(?:errata|transcriber'?s? notes?|printed (?:by|in|at)|all applications|(?:amateur |public )?performances? of this play"
          + "|(?:the )?performing rights)\\b");

  private static boolean editions(String paragraph) {
    return paragraph.length() <= 5_000 && EDITIONS.matcher(paragraph).lookingAt();
  }

  /** A warning that says what was left out. */
  public static String warning(Cut cut) {
    return "What the edition adds after the story (" + cut.dropped()
        + (cut.dropped() == 1 ? " paragraph" : " paragraphs") + ": advertisements, a printer's or a transcriber's notes) is not read";
  }

  /** A chapter of priced titles (never one the book numbers: "CHAPTER XII" is the story's). */
  private static boolean catalogue(String title, List<String> paragraphs) {
    if (title != null && Headings.numbersChapter(title.strip())) {
      return false;
    }
    int priced = priced(paragraphs);
    return priced >= 3 && priced * 4 >= paragraphs.size()
        || title != null && AD_TITLE.matcher(title).find() && priced >= 1;
  }

  private static int priced(List<String> paragraphs) {
    int k = 0;
    for (String p : paragraphs) {
      if (p.length() <= 5_000 && listing(p)) {
        k++;
      }
    }
    return k;
  }

  /** A catalogue's entry: a size or binding beside a price, or beside more of an entry's words. */
  private static boolean listing(String paragraph) {
    boolean binding = BINDING.matcher(paragraph).find();
    java.util.regex.Matcher e = ENTRY.matcher(paragraph);
    int entry = 0;
    while (entry < 2 && e.find()) {
      entry++;
    }
    // a price beside "net" or "price" alone is a sum in a story ("he cleared $3,000 net")
    return binding && (entry >= 2 || PRICE.matcher(paragraph).find());
  }
}
