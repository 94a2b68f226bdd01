package com.etoaudiobook.book;

import com.etoaudiobook.book.attribution.Attribution;
import com.etoaudiobook.book.attribution.Character;
import com.etoaudiobook.book.attribution.DialogueAttributor;
import com.etoaudiobook.book.attribution.Quote;
import com.etoaudiobook.book.internal.Label;
import com.etoaudiobook.book.internal.Markup;
import com.etoaudiobook.book.internal.RoleTally;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.UnaryOperator;

/**
 * Gives prose its speakers: the narration segments of a document without script labels are cut
 * at every quotation {@link DialogueAttributor} finds; each quotation becomes its own segment
 * spoken by the attributed character, the text around it stays with the narrator.
 *
 * <p>The attributor runs once over the whole source, not chapter by chapter, so a character keeps
 * one name (one role, one voice) through the book and the salience of speakers carries over
 * chapter breaks. Offsets stay offsets into {@code source}.
 */
public final class ProseAttribution {

  public static final String NARRATOR = "Narrator";

  /** Chapters with their narration split, and the roles recounted (with genders). */
  public record Result(List<Chapter> chapters, List<Role> roles) {
  }

  private ProseAttribution() {
  }

  /**
   * @param source   the text all segment offsets point into
   * @param chapters chapters whose segments of role {@code narrator} without delivery are split
   * @param narrator name of the narrator role; unattributed quotations go to it
   * @param clean    turns a slice of the source into spoken text (e.g. removes Markdown)
   */
  public static Result apply(String source, List<Chapter> chapters, String narrator,
                             UnaryOperator<String> clean) {
    return apply(source, chapters, narrator, clean, c -> true);
  }

  /** Like the above, splitting only the chapters {@code prose} accepts (by index). */
  public static Result apply(String source, List<Chapter> chapters, String narrator,
                             UnaryOperator<String> clean, IntPredicate prose) {
    return apply(source, chapters, narrator, clean, prose, text -> new DialogueAttributor().attribute(text));
  }

  /** Like the above, with the quotations' speakers found by {@code attributor}. */
  public static Result apply(String source, List<Chapter> chapters, String narrator,
                             UnaryOperator<String> clean, IntPredicate prose,
                             java.util.function.Function<String, Attribution> attributor) {
    // The attributor checks for no interrupt: its pass over the text (0.2 s of CPU a megabyte) ends first.
    Cancellation.check();
    checkTokens(source);
    Attribution attribution = attributor.apply(source);
    List<Quote> quotes = attribution.quotes();
    Cancellation.check();
    Map<String, String> genders = new HashMap<>();
    for (Character c : attribution.characters()) {
      genders.putIfAbsent(c.name(), c.gender());
    }
    List<Chapter> out = new ArrayList<>();
    int index = 0;
    int q = 0;
    for (Chapter chapter : chapters) {
      List<Segment> segments = new ArrayList<>();
      for (Segment s : chapter.segments()) {
        Cancellation.check();
        boolean narration = s.role().equals(narrator) && s.delivery() == null
            && prose.test(out.size());
        while (q < quotes.size() && quotes.get(q).end() <= s.start()) {
          q++;
        }
        if (!narration || q >= quotes.size() || quotes.get(q).start() >= s.end()) {
          segments.add(renumber(s, index++, out.size()));
          continue;
        }
        int cursor = s.start();
        int k = q;
        for (; k < quotes.size() && quotes.get(k).start() < s.end(); k++) {
          Quote quote = quotes.get(k);
          int a = Math.max(quote.start(), s.start());
          int b = Math.min(quote.end(), s.end());
          index = piece(source, cursor, a, narrator, s, out.size(), index, clean, segments);
          index = piece(source, a, b, speaker(quote, narrator), s, out.size(), index, clean,
              segments);
          cursor = b;
        }
        index = piece(source, cursor, s.end(), narrator, s, out.size(), index, clean, segments);
        // A quotation running on past this segment is picked up again by the next one.
        q = Math.max(q, k - 1);
      }
      out.add(new Chapter(out.size(), chapter.title(), segments));
    }
    out = sameSpelling(out);
    return new Result(out, roles(out, genders));
  }

  /**
   * The attributor holds objects for every word and every punctuation mark of the text (some 100 bytes
   * each): 4 MB of asterisks filled a 256 MB heap. A text with more than the heap allows is refused
   * here, naming the limit, before the attributor runs out of memory. A 5-million-character novel has
   * about 1.1 million; at 256 MB the limit is 1.6 million.
   */
  static void checkTokens(String source) {
    long max = maxTokens();
    long tokens = 0;
    boolean inWord = false;
    for (int i = 0; i < source.length(); i++) {
      if ((i & 0xFFFFF) == 0) {
        Cancellation.check();
      }
      char c = source.charAt(i);
      if (java.lang.Character.isLetterOrDigit(c)) {
        if (!inWord) {
          tokens++;
        }
        inWord = true;
      } else {
        inWord = false;
        if (!java.lang.Character.isWhitespace(c)) {
          tokens++;
        }
      }
    }
    if (tokens > max) {
      throw new BookFormatException("too-large", "The text has " + tokens + " words and punctuation marks; "
          + "the service's memory allows at most " + max + " in one book; split it into smaller files");
    }
  }

  /** Words and marks the heap can hold for the attributor: a token per 160 bytes of the maximum heap. */
  static long maxTokens() {
    return Runtime.getRuntime().maxMemory() / BYTES_PER_TOKEN;
  }

  private static final int BYTES_PER_TOKEN = 160;

  /**
   * Roles are one role whatever their case ("DAISY MILLER" from a label, "Daisy Miller" from the
   * attributor): every segment takes the first spelling, so the casting finds each segment's role.
   */
  private static List<Chapter> sameSpelling(List<Chapter> chapters) {
    Map<String, String> first = new HashMap<>();
    List<Chapter> out = new ArrayList<>(chapters.size());
    for (Chapter c : chapters) {
      List<Segment> segments = new ArrayList<>(c.segments().size());
      for (Segment s : c.segments()) {
        String name = first.computeIfAbsent(Label.key(s.role()), k -> s.role());
        segments.add(name.equals(s.role()) ? s
            : new Segment(s.index(), s.chapter(), s.paragraph(), name, s.delivery(), s.text(), s.start(), s.end()));
      }
      out.add(new Chapter(c.index(), c.title(), segments));
    }
    return out;
  }

  /** Unattributed quotations and a first-person narrator's own words are the narrator's. */
  private static String speaker(Quote quote, String narrator) {
    String s = quote.speaker();
    if (s == null || s.isBlank() || "none".equals(quote.type())
        || DialogueAttributor.NARRATOR.equals(s)) {
      return narrator;
    }
    return s;
  }

  private static int piece(String source, int a, int b, String role, Segment from, int chapter,
                           int index, UnaryOperator<String> clean, List<Segment> into) {
    while (a < b && java.lang.Character.isWhitespace(source.charAt(a))) {
      a++;
    }
    while (b > a && java.lang.Character.isWhitespace(source.charAt(b - 1))) {
      b--;
    }
    if (a >= b) {
      return index;
    }
    String text = clean.apply(source.substring(a, b)).strip();
    if (!Markup.isSpeakable(text)) {
      return index;
    }
    if (index >= Book.MAX_SEGMENTS) {
      throw Book.tooManySegments();
    }
    into.add(new Segment(index, chapter, from.paragraph(), role, null, text, a, b));
    return index + 1;
  }

  private static Segment renumber(Segment s, int index, int chapter) {
    return new Segment(index, chapter, s.paragraph(), s.role(), s.delivery(), s.text(), s.start(),
        s.end());
  }

  /** Roles in order of first appearance, with their figures and the attributor's gender. */
  public static List<Role> roles(List<Chapter> chapters, Map<String, String> genders) {
    Map<String, RoleTally> tallies = new LinkedHashMap<>();
    for (Chapter c : chapters) {
      for (Segment s : c.segments()) {
        tallies.computeIfAbsent(Label.key(s.role()), k -> new RoleTally(s.role()))
            .add(s.delivery(), s.text());
      }
    }
    // Any case: one lookup, where a scan of all characters per role was quadratic in a cast of thousands.
    Map<String, String> byKey = new HashMap<>();
    genders.forEach((k, v) -> byKey.putIfAbsent(k.toLowerCase(Locale.ROOT), v));
    List<Role> roles = new ArrayList<>();
    for (RoleTally t : tallies.values()) {
      roles.add(t.role(genderOf(t.name(), genders, byKey)));
    }
    return roles;
  }

  private static String genderOf(String name, Map<String, String> genders, Map<String, String> byKey) {
    String g = genders.get(name);
    return g != null ? g : byKey.get(name.toLowerCase(Locale.ROOT));
  }
}
