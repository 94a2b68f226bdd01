package com.etoaudiobook.formats.internal;

import com.etoaudiobook.book.BookFormatException;
import com.etoaudiobook.book.Cancellation;
import com.etoaudiobook.book.Headings;
import com.etoaudiobook.book.ScriptParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The readable text of an (X)HTML body as blocks (paragraphs, headings) in document order,
 * leaving out what is not read aloud: footnotes and their reference marks, page-break markers,
 * navigation (a table of contents), scripts, styles and figures' images.
 */
public final class HtmlText {

  /** A paragraph or heading ({@code level} 1–6; 0 for a paragraph). */
  public record Block(String text, int level) implements Item {
  }

  /** An element with one of the watched ids starts here (a table-of-contents target). */
  public record Anchor(String id) implements Item {
  }

  public sealed interface Item permits Block, Anchor {
  }

  /** Elements that start and end a block of text. */
  static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main",
      "header", "footer", "blockquote", "pre", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr",
      "td", "th", "caption", "figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
      "address", "body", "center", "aside", "details", "summary", "hgroup", "title");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  /**
   * A lone tab between two lower-case letters is a stray from the file's making ("Ali\tce"), not a
   * word break: words are parted by spaces, and a tab set as a separator sits beside a capital, a
   * digit or other blanks.
   */
  private static final Pattern STRAY_TAB = Pattern.compile("(?<=\\p{Ll})\t(?=\\p{Ll})");
  /**
   * Deepest nesting of elements the parsers build; deeper ones are added at this depth. Books nest a few
   * dozen levels at most, and jsoup's HTML parser's work per tag grows with it: 2 MB of {@code <div>}
   * took 6.2 s of CPU at its default of 512, 1.7 s at 128, 0.84 s at 64; 2 MB of nested lists 2.2 s at
   * 64, 1.5 s at 32.
   */
  public static final int MAX_DEPTH = 32;

  private HtmlText() {
  }

  /**
   * Tags one page may have: jsoup's tree and the walk over it keep some 230 bytes for each (2 MB of
   * {@code <b>a} held 115 MB), and a page past half the heap spent its time collecting garbage (4 MB took
   * 9 s of CPU at 256 MB). At 256 MB, 520,000 tags; an ordinary 4 MB book page has about 40,000.
   */
  public static long maxTags() {
    return Runtime.getRuntime().maxMemory() / 512;
  }

  /** @throws BookFormatException "too-large" when the markup has more tags ('<') than {@link #maxTags()} */
  public static void checkTags(byte[] markup) {
    long max = maxTags();
    long tags = 0;
    for (int i = 0; i < markup.length; i++) {
      if (markup[i] == '<' && ++tags > max) {
        throw new BookFormatException("too-large", "The document has more than " + max + " tags in one "
            + "page; the service's memory allows at most that many; split it into smaller files");
      }
    }
  }

  /**
   * The blocks under {@code root}, which is pruned in place (what is not read is removed from it, see
   * {@link HtmlPruner}): a copy, as this once made, doubled the memory a large page takes.
   */
  public static List<Item> blocks(Element root, Set<String> watchedIds) {
    List<Item> items = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int[] level = {0};
    int[] preDepth = {0};
    int[] stageDepth = {0};
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        Cancellation.check();
        if (node instanceof TextNode t) {
          String s = preDepth[0] > 0 ? t.getWholeText()
              : SPACES.matcher(STRAY_TAB.matcher(t.getWholeText()).replaceAll("")).replaceAll(" ");
          current.append(s);
        } else if (node instanceof Element el) {
          String tag = el.normalName();
          if (!el.id().isEmpty() && watchedIds.contains(el.id())) {
            flush(items, current, level);
            items.add(new Anchor(el.id()));
          }
          if (tag.equals("br")) {
            current.append('\n');
          } else if (BLOCKS.contains(tag)) {
            flush(items, current, level);
            if (tag.length() == 2 && tag.charAt(0) == 'h' && java.lang.Character.isDigit(tag.charAt(1))) {
              level[0] = tag.charAt(1) - '0';
            }
          }
          if (tag.equals("pre")) {
            preDepth[0]++;
          }
          if (stageDirection(el) && stageDepth[0]++ == 0) {
            current.append('[');
          }
          if (emphasisAlone(el) || emphasisLeading(el)) {
            current.append('_');
          }
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element el) {
          String tag = el.normalName();
          if (stageDirection(el) && --stageDepth[0] == 0) {
            current.append(']');
          }
          if (persona(el)) {
            current.append(':');
          }
          if (emphasisAlone(el) || emphasisLeading(el)) {
            current.append('_');
          }
          if (BLOCKS.contains(tag)) {
            flush(items, current, level);
          }
          if (tag.equals("pre")) {
            preDepth[0]--;
          }
        }
      }
    }, HtmlPruner.prune(root, watchedIds));
    flush(items, current, level);
    return playNames(items);
  }

  /** Longest first paragraph of a speech in verse under a name in emphasis. */
  private static final int VERSE_LINE = 60;

  /** A short name in emphasis opening its paragraph ("<p><i>Terentia.</i> Quid est?</p>"), marked "_Terentia._ Quid est?". */
  private static final Pattern LEADING = Pattern.compile("_(\\p{Lu}[^_\\n]{1,59})_(?=[\\s.(])");

  /** A short name in emphasis alone in its paragraph ("<p class="c"><i>Ogre</i></p>"), marked "_Ogre_". */
  private static final Pattern MARKED = Pattern.compile("_(\\p{Lu}[^_\\n]{1,59})_");

  /**
   * Whether el is an emphasis that is the whole of its paragraph, a short capitalised text: in a
   * play, a speaker's name over the speech ("Ogre", "Princess sings"), written "_Ogre_" as the
   * plain-text play would be (see {@link #playNames}).
   */
  private static boolean emphasisAlone(Element el) {
    return opensParagraph(el) && blank(el.nextSibling(), false) && shortName(el.text().strip());
  }

  /** An emphasis of plain text ({@code <i>}, {@code <em>}) with nothing before it in its paragraph. */
  private static boolean opensParagraph(Element el) {
    return (el.normalName().equals("i") || el.normalName().equals("em")) && el.parent() != null
        && el.parent().normalName().equals("p") && el.childrenSize() == 0 && blank(el.previousSibling(), true);
  }

  /** Short and capitalised, as a speaker's name is: "Ogre", "M. Cic.". */
  private static boolean shortName(String t) {
    return t.length() >= 2 && t.length() <= 60 && Character.isUpperCase(t.codePointAt(0)) && t.indexOf('_') < 0;
  }

  /**
   * Whether el is an emphasis that opens its paragraph, a short capitalised text, words after it: in a
   * play, a speaker's name before the speech ("<p><i>Terentia.</i> Quid est?</p>"), written
   * "_Terentia._ Quid est?" as the plain-text play would be (see {@link #playNames}).
   */
  private static boolean emphasisLeading(Element el) {
    if (!opensParagraph(el) || !(el.nextSibling() instanceof TextNode after) || after.isBlank()) {
      return false;
    }
    String t = el.text().strip();
    String next = after.text().stripLeading();
    return shortName(t) && (t.endsWith(".") || next.startsWith(".") || next.startsWith("("));
  }

  /**
   * Whether the siblings from n on (backwards or forwards) are blank text only: walked one by one, so
   * a paragraph of a million elements costs each of them a step, not the whole paragraph.
   */
  private static boolean blank(Node n, boolean backwards) {
    for (; n != null; n = backwards ? n.previousSibling() : n.nextSibling()) {
      if (!(n instanceof TextNode t) || !t.isBlank()) {
        return false;
      }
    }
    return true;
  }

  /**
   * The marks of {@link #emphasisAlone} are kept only where they name a play's speakers (two names or
   * more, each over two paragraphs or more); elsewhere ("<i>The End</i>") they are taken away again.
   */
  private static List<Item> playNames(List<Item> items) {
    java.util.Map<String, Integer> uses = new java.util.HashMap<>();
    java.util.Map<String, Integer> leading = new java.util.HashMap<>();
    for (Item it : items) {
      if (it instanceof Block b && MARKED.matcher(b.text()).matches()) {
        uses.merge(b.text(), 1, Integer::sum);
      } else if (it instanceof Block b && b.text().startsWith("_")) {
        Matcher m = LEADING.matcher(b.text());
        if (m.lookingAt()) {
          leading.merge(m.group(1).replaceFirst("\\.$", "").strip(), 1, Integer::sum);
        }
      }
    }
    if (uses.isEmpty() && leading.isEmpty()) {
      return items;
    }
    boolean play = uses.values().stream().filter(n -> n >= 2).count() >= 2;
    boolean leadingPlay = leading.values().stream().filter(n -> n >= 2).count() >= 2;
    List<Item> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      Item it = items.get(i);
      Matcher lead = it instanceof Block b && b.text().startsWith("_") ? LEADING.matcher(b.text()) : null;
      if (lead != null && lead.lookingAt()) {
        Block b = (Block) it;
        // a play's speakers named so again and again: written as a script's label ("Terentia (groaning): Lege");
        // else ("<i>Note.</i> The text ...") the words as they were
        String label = leadingPlay ? ScriptParser.emphasisedSpeakerBefore(b.text()) : null;
        out.add(new Block(label != null ? label : b.text().substring(1, lead.end(1) + 1) + b.text().substring(lead.end()),
            b.level()));
      } else if (it instanceof Block b && MARKED.matcher(b.text()).matches()) {
        String name = b.text().substring(1, b.text().length() - 1).strip();
        // written as a script's label alone in its paragraph, "Ogre:", "Princess (sings):", which
        // counts from its first use (the markup's marks do not reach the script's reader); over a
        // line of verse, not a paragraph of prose ("<i>Monday</i>" over a diary's day)
        boolean verse = i + 1 < items.size() && items.get(i + 1) instanceof Block next && next.text().length() <= VERSE_LINE;
        String label = play && verse ? ScriptParser.emphasisedSpeaker(name) : null;
        out.add(new Block(label != null ? label : name, b.level()));
      } else {
        out.add(it);
      }
    }
    return out;
  }

  /** Classes that mark a play's stage directions ("stagedir", "stage-direction", "didascalia"). */
  private static final Pattern STAGE_CLASS =
      Pattern.compile("(?i)stage|stage[-_]?dir\\w*|stgdir|direction|didascal\\w*");
  /**
   * The elements a direction is set in: a paragraph of its own, or words inside one (not a division,
   * whose paragraphs are blocks of their own: its brackets would stand alone).
   */
  private static final Set<String> STAGE_TAGS = Set.of("span", "i", "em", "p", "small");

  /**
   * A play's stage direction, set in brackets as a script's are ("[Nodding.] Um."), so that a
   * script's reader narrates it instead of reading it in the speaker's voice.
   */
  private static boolean stageDirection(Element el) {
    if (!STAGE_TAGS.contains(el.normalName())) {
      return false;
    }
    if (el.attr("epub:type").contains("stage-direction")) {
      return true;  // EPUB 3's z3998:stage-direction (Standard Ebooks' plays)
    }
    if (!el.hasAttr("class")) {
      return false;
    }
    for (String c : el.classNames()) {
      if (STAGE_CLASS.matcher(c).matches()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The name of a speech's speaker in a play marked up by meaning (EPUB 3's z3998:persona: Standard
   * Ebooks set it in a cell of its own beside the speech), written as a script's label: "Algernon:"
   * (alone in its paragraph, it counts from its first use). A name's length, without a colon.
   */
  private static boolean persona(Element el) {
    if (!el.attr("epub:type").contains("z3998:persona")) {
      return false;
    }
    String t = el.text().strip();
    // "HAMLET." ends in its own stop: a play's label as it is
    return !t.isEmpty() && t.length() <= 40 && t.indexOf(':') < 0 && !t.endsWith(".");
  }

  private static void flush(List<Item> items, StringBuilder current, int[] level) {
    String text = normalize(current.toString());
    current.setLength(0);
    if (!text.isEmpty() && !Headings.isTranscribersBracket(text)) {
      items.add(new Block(text, level[0]));
    }
    level[0] = 0;
  }

  /**
   * Collapses spaces around line breaks and drops soft hyphens and zero-width characters. In one pass,
   * run by run of blanks: the regular expression for blanks around a line break retried a long run of
   * blanks without a break at each of its characters (a {@code <pre>} of spaces, or a million
   * {@code <i> </i>}, was quadratic).
   */
  static String normalize(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int n = s.length();
    int i = 0;
    while (i < n) {
      int c = normalChar(s.charAt(i));
      if (c < 0) {
        i++;
        continue;
      }
      if (!isBlank(c) && c != '\n') {
        out.append((char) c);
        i++;
        continue;
      }
      // A run of blanks and line breaks: blanks next to a break go; else spaces and tabs become one space.
      int end = i;
      boolean lineBreak = false;
      while (end < n) {
        int d = normalChar(s.charAt(end));
        if (d >= 0 && !isBlank(d) && d != '\n') {
          break;
        }
        lineBreak |= d == '\n';
        end++;
      }
      boolean inSpaces = false;
      for (int k = i; k < end; k++) {
        int d = normalChar(s.charAt(k));
        if (d < 0) {
          continue;
        }
        if (lineBreak) {
          if (d == '\n') {
            out.append('\n');
          }
        } else if (d == ' ' || d == '\t') {
          if (!inSpaces) {
            out.append(' ');
          }
          inSpaces = true;
        } else {
          out.append((char) d);
          inSpaces = false;
        }
      }
      i = end;
    }
    return out.toString().strip();
  }

  /** The character as normalized: -1 for one dropped (soft hyphen, zero-width space). */
  private static int normalChar(char c) {
    return c == '\u00ad' || c == '\u200b' ? -1 : c == '\u00a0' ? ' ' : c;
  }

  private static boolean isBlank(int c) {
    return c == ' ' || c == '\t' || c == 0x0B || c == '\f' || c == '\r';
  }
}
