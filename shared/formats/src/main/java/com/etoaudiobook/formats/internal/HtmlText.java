package com.etoaudiobook.formats.internal;

import com.etoaudiobook.book.BookFormatException;
import com.etoaudiobook.book.Cancellation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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

  private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main",
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
  private static final Set<String> LISTS = Set.of("table", "ul", "ol", "dl", "div", "p");
  private static final Set<String> SKIPPED_TAGS = Set.of("script", "style", "nav", "head",
      "noscript", "template", "svg", "math", "img", "audio", "video", "object", "iframe",
      "button", "form", "select", "textarea");
  // EPUB 3 structural semantics (epub:type) and DPUB-ARIA roles of what is not the story's text.
  private static final Set<String> SKIPPED_TYPES = Set.of("footnote", "footnotes", "endnote",
      "endnotes", "rearnote", "rearnotes", "noteref", "pagebreak", "page-list", "toc", "landmarks",
      "doc-footnote", "doc-endnote", "doc-endnotes", "doc-noteref", "doc-pagebreak", "doc-toc",
      "doc-pagelist", "annotation", "doc-backlink", "backlink");
  private static final Set<String> SKIPPED_CLASSES = Set.of("footnote", "footnotes", "endnote",
      "endnotes", "pagenum", "page-number", "pagenumber", "page-break", "pagebreak", "noteref",
      "footnote-ref", "fnref", "lnum", "linenum", "linenumber", "line-number", "legalnotice",
      "copyright", "copyright-page", "colophon");
  /** Classes of a {@code <pre>} that holds code or a terminal session, not prose or verse. */
  private static final Pattern CODE_CLASS = Pattern.compile(
      "(?i).*(screen|code|program|listing|source|console|terminal|syntax|highlight|example).*");

  /**
   * Deepest nesting of elements the parsers build; deeper ones are added at this depth. Books nest a few
   * dozen levels at most, and jsoup's HTML parser's work per tag grows with it: 2 MB of {@code <div>}
   * took 6.2 s of CPU at its default of 512, 1.7 s at 128, 0.84 s at 64.
   */
  public static final int MAX_DEPTH = 64;

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
   * The blocks under {@code root}, which is pruned in place (what is not read is removed from it): a
   * copy, as this once made, doubled the memory a large page takes.
   */
  public static List<Item> blocks(Element root, Set<String> watchedIds) {
    List<Item> items = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int[] level = {0};
    int[] preDepth = {0};
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
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element el) {
          String tag = el.normalName();
          if (BLOCKS.contains(tag)) {
            flush(items, current, level);
          }
          if (tag.equals("pre")) {
            preDepth[0]--;
          }
        }
      }
    }, prune(root, watchedIds));
    flush(items, current, level);
    return items;
  }

  /**
   * Removes what is never read aloud; ids of removed elements are lost, which is wanted. Notes
   * the table of contents lists as a part of the book (a watched id, or "" for the whole
   * document) are the author's text, not page furniture: they are read, without their marks.
   */
  private static Element prune(Element root, Set<String> watchedIds) {
    Map<Element, int[]> links = links(root);
    List<Element> doomed = new ArrayList<>();
    java.util.Map<Element, Integer> lengths = new java.util.IdentityHashMap<>();
    for (Element el : root.getAllElements()) {
      Cancellation.check();
      if (isDropCapImage(el)) {
        el.replaceWith(new TextNode(el.attr("alt").strip()));
        continue;
      }
      if (el != root && skipped(el, links) && !(isNotes(el) && listed(el, root, watchedIds, lengths))) {
        doomed.add(el);
      }
    }
    for (Element el : doomed) {
      el.remove();
    }
    return root;
  }

  /** A picture of an initial letter ({@code <img alt="T">he night...}): the letter is the word's. */
  static boolean isDropCapImage(Element el) {
    if (!el.normalName().equals("img") || !el.attr("alt").strip().matches("\\p{Lu}")) {
      return false;
    }
    Node next = el.nextSibling();
    String after = next instanceof TextNode t ? t.getWholeText() : next instanceof Element e ? e.text() : "";
    return !after.isEmpty() && Character.isLowerCase(after.codePointAt(0));
  }

  /**
   * The lists (of {@link #LISTS}) with three links or more, each with {links a[href] in it, text length of
   * those pointing into the book, its text length}, in one pass: lengths count a run of blanks once and a
   * blank between blocks, as jsoup's text() reads them (give or take the blanks at the edges). Selecting
   * each list's links and reading its text anew went through every element's whole subtree: quadratic
   * in deeply nested markup.
   */
  private static Map<Element, int[]> links(Element root) {
    Map<Element, int[]> out = new IdentityHashMap<>();
    Deque<int[]> open = new ArrayDeque<>(); // the figures of the elements being walked, innermost first
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof Element) {
          open.push(new int[3]);
        } else if (node instanceof TextNode t && !open.isEmpty()) {
          open.peek()[2] += textLength(t.getWholeText());
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (!(node instanceof Element el)) {
          return;
        }
        Cancellation.check();
        int[] mine = open.pop();
        String name = el.normalName();
        if (name.equals("a") && el.hasAttr("href")) {
          mine[0]++;
          String href = el.attr("href");
          if (href.startsWith("#") || !href.contains(":")) {
            mine[1] += mine[2];
          }
        }
        if (mine[0] >= 3 && LISTS.contains(name)) {
          out.put(el, mine);
        }
        int[] parent = open.peek();
        if (parent != null) {
          parent[0] += mine[0];
          parent[1] += mine[1];
          parent[2] += mine[2] + (BLOCKS.contains(name) || name.equals("br") ? 1 : 0);
        }
      }
    }, root);
    return out;
  }

  /** Length with each run of blanks counted once. */
  private static int textLength(String s) {
    int n = 0;
    boolean blank = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean b = c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '\u00a0';
      if (!b || !blank) {
        n++;
      }
      blank = b;
    }
    return n;
  }

  private static final Set<String> NOTES = Set.of("footnote", "footnotes", "endnote", "endnotes",
      "rearnote", "rearnotes", "doc-footnote", "doc-endnote", "doc-endnotes");

  /** A note or a section of notes by its semantics (not a reference mark to one). */
  private static boolean isNotes(Element el) {
    for (String attr : new String[] {"epub:type", "role"}) {
      for (String v : el.attr(attr).toLowerCase(Locale.ROOT).split("\\s+")) {
        if (NOTES.contains(v)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The element or one around it is a table-of-contents target, or the notes fill most of a
   * document the table of contents lists whole (a "Notes" document, not a chapter's footnotes).
   */
  private static boolean listed(Element el, Element root, Set<String> watchedIds,
                                java.util.Map<Element, Integer> lengths) {
    for (Element e = el; e != null && e != root.parent(); e = e.parent()) {
      if (!e.id().isEmpty() && watchedIds.contains(e.id())) {
        return true;
      }
      // Lengths cached: a document of thousands of notes asks about the same section each time.
      if (watchedIds.contains("") && isNotes(e)
          && lengths.computeIfAbsent(e, x -> x.text().length()) * 2
          >= lengths.computeIfAbsent(root, x -> x.text().length())) {
        return true;
      }
    }
    return false;
  }

  static boolean skipped(Element el) {
    return skipped(el, links(el));
  }

  private static boolean skipped(Element el, Map<Element, int[]> links) {
    if (SKIPPED_TAGS.contains(el.normalName()) || el.hasAttr("hidden")) {
      return true;
    }
    if (el.normalName().equals("pre") && isCode(el)) {
      return true;
    }
    // An illustration's caption: the listener has no picture to read it under (a published
    // audiobook leaves captions out). A figure of text alone (a poem, a quotation) is read.
    if (el.normalName().equals("figcaption") && el.parent() != null
        && el.parent().selectFirst("img, svg, picture, image") != null) {
      return true;
    }
    int[] list = links.get(el);
    if (list != null && isLinkList(list)) {
      return true; // a table of contents: links to the book's own parts
    }
    for (String attr : new String[] {"epub:type", "role"}) {
      String value = el.attr(attr);
      if (value.isEmpty()) {
        continue;
      }
      for (String v : SPACES.split(value.toLowerCase(Locale.ROOT))) {
        if (SKIPPED_TYPES.contains(v)) {
          return true;
        }
      }
    }
    for (String c : el.classNames()) {
      if (SKIPPED_CLASSES.contains(c.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    // A superscript link to a note in the same book ("…end.<sup><a href="#fn1">1</a></sup>").
    if (el.normalName().equals("sup") && el.selectFirst("a[href]") != null
        && el.text().strip().matches("[\\[(]?[0-9*†‡a-z]{1,4}[\\])]?")) {
      return true;
    }
    if (el.normalName().equals("a") && el.attr("href").contains("#")
        && el.text().strip().matches("[\\[(]?[0-9*†‡]{1,4}[\\])]?")) {
      return true;
    }
    return false;
  }

  /** Three or more links into the document that carry most of the element's text. */
  private static boolean isLinkList(int[] links) {
    return links[0] >= 3 && (long) links[1] * 2 > links[2];
  }

  /** A listing: a code-like class, a code element inside, or text dense in markup characters. */
  static boolean isCode(Element pre) {
    if (CODE_CLASS.matcher(pre.className()).matches()
        || pre.selectFirst("code, kbd, samp, var") != null) {
      return true;
    }
    String t = pre.wholeText();
    long marks = t.chars().filter(c -> "<>{}[];=/\\|$#".indexOf(c) >= 0).count();
    return t.length() > 0 && marks * 25 > t.length();
  }

  /** A transcriber's placeholder for a picture: "[Illustration]", "[Illustration: Emma]". */
  private static final Pattern ILLUSTRATION = Pattern.compile("(?is)^\\[\\s*illustration\\b[^\\]]*\\]$");

  private static void flush(List<Item> items, StringBuilder current, int[] level) {
    String text = normalize(current.toString());
    current.setLength(0);
    if (!text.isEmpty() && !ILLUSTRATION.matcher(text).matches()) {
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
