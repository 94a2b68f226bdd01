package com.etoaudiobook.formats.internal;

import com.etoaudiobook.book.Cancellation;
import com.etoaudiobook.book.Headings;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * What of an (X)HTML body is not read aloud, found and removed before its text is read ({@link HtmlText}):
 * footnotes and their reference marks, page-break markers, navigation and lists of links (a table of
 * contents), code listings, scripts, styles, figures' images and their captions.
 */
final class HtmlPruner {
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Set<String> LISTS = Set.of("table", "td", "ul", "ol", "dl", "div", "p");
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
      "copyright", "copyright-page", "colophon",
      // Project Gutenberg's transcribers: their notes on the edition, and the printed title page
      "transnote", "tnote", "trnote", "transcriber", "transcribers-note", "transcribersnote", "mynote",
      "titlepage", "title-page");
  /**
   * Classes of a table of contents: skipped where it links into the book (a book may wrap its text
   * in "contents"), and its title ("<p class="toc"><b>CONTENTS</b></p>", over the entries).
   */
  private static final Set<String> CONTENTS_CLASSES = Set.of("contents", "toc", "table-of-contents");
  /** Classes of a {@code <pre>} that holds code or a terminal session, not prose or verse. */
  private static final Pattern CODE_CLASS = Pattern.compile(
      "(?i).*(screen|code|program|listing|source|console|terminal|syntax|highlight|example).*");

  private HtmlPruner() {
  }

  /**
   * Removes what is never read aloud; ids of removed elements are lost, which is wanted. Notes
   * the table of contents lists as a part of the book (a watched id, or "" for the whole
   * document) are the author's text, not page furniture: they are read, without their marks.
   */
  static Element prune(Element root, Set<String> watchedIds) {
    Map<Element, int[]> links = links(root);
    List<Element> doomed = new ArrayList<>();
    Map<Element, Integer> lengths = new IdentityHashMap<>();
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
          parent[2] += mine[2] + (HtmlText.BLOCKS.contains(name) || name.equals("br") ? 1 : 0);
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
                                Map<Element, Integer> lengths) {
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
    if (isIllustration(el)) {
      return true;
    }
    int[] list = links.get(el);
    if (list != null && isLinkList(list)) {
      return true; // a table of contents: links to the book's own parts
    }
    if (el.normalName().equals("table") && list != null && numbersBesideTitles(el, links)) {
      return true;
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
      String lower = c.toLowerCase(Locale.ROOT);
      if (SKIPPED_CLASSES.contains(lower) && !(lower.equals("titlepage") && inSection(el))
          || CONTENTS_CLASSES.contains(lower) && (list != null && list[0] >= 2 && list[2] <= MAX_CONTENTS
          && (long) list[1] * 5 >= list[2] || contentsEntry(el) || Html.isContentsHeading(el.text()))) {
        return true;
      }
    }
    // Paragraphs each a link into the book, three or more in a row, unclassed: a table of contents as a
    // converter sets one ("<p><a href="ch002.xhtml#ch1">Chapter I</a></p>"), and the "CONTENTS" over them
    if (el.normalName().equals("p") && inEntryRun(el)
        || Html.isContentsHeading(el.text()) && inEntryRun(nextWithText(el))) {
      return true;
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

  /** Classes of a picture's frame in Project Gutenberg's and publishers' HTML ("figcenter", "illus", "image"). */
  private static final Pattern FIGURE_CLASS = Pattern.compile(
      "(?i)fig.*|.*(illus|image|picture|photo|plate).*");
  /** Longest caption: a picture's frame or caption with more text than this holds the book's text; a frame holds a few blocks. */
  private static final int MAX_CAPTION = 600;

  /**
   * A picture with its caption set outside {@code <figcaption>}: Gutenberg's {@code <div class="figcenter"><img>
   * <p class="caption">…</p></div>}, or a caption-classed block right after the picture. The caption repeats a
   * line of the story or names the picture; a listener has no picture to read it under.
   */
  private static boolean isIllustration(Element el) {
    boolean figure = el.normalName().equals("figure");
    boolean caption = false;
    for (String c : el.classNames()) {
      figure |= FIGURE_CLASS.matcher(c).matches();
      caption |= c.toLowerCase(Locale.ROOT).contains("caption");
    }
    if (!figure && !caption) {
      return pictureTitle(el);
    }
    String text = el.text().strip();
    if (text.length() > MAX_CAPTION || !text.isEmpty() && Character.isLowerCase(text.codePointAt(0))) {
      return false; // a paragraph whose first letter is a picture, or a frame around the text itself
    }
    if (figure) {
      // (a frame that holds a chapter's heading under its headpiece is the chapter's: only its caption goes)
      return hasPicture(el) && el.selectFirst("h1, h2, h3") == null;
    }
    Element frame = el.parent();
    Element before = el.previousElementSibling();
    return frame != null && frame.childrenSize() <= 4 && frame.text().length() <= 2 * MAX_CAPTION && hasPicture(frame)
        || before != null && hasPicture(before);
  }

  /**
   * A short block right after a picture that names it: its alt text ({@code <center><img alt="Marley's
   * Ghost"><h4><i>Marley's Ghost</i></h4></center>}), or, not a heading, all the text of a small frame.
   * A chapter's heading under a headpiece ("CHAPTER I.", "THE RIVER BANK") is no caption.
   */
  private static boolean pictureTitle(Element el) {
    if (!CAPTION_TAGS.contains(el.normalName())) {
      return false;
    }
    Element before = el.previousElementSibling();
    for (int breaks = 0; before != null && before.normalName().equals("br") && breaks < 2; breaks++) {
      before = before.previousElementSibling();
    }
    if (before == null || !before.normalName().equals("img") || isDropCapImage(before)) {
      return false;
    }
    String text = el.text().strip();
    if (text.isEmpty() || text.length() > 200 || Headings.numbersChapter(text) || Headings.startsWithChapterWord(text)
        || Headings.isFrontMatterTitle(text)) {
      return false;
    }
    if (Headings.words(before.attr("alt")).equals(Headings.words(text))) {
      return true;
    }
    // a heading under a picture that does not name it may be a chapter's under its headpiece ("THE RIVER BANK")
    Element frame = el.parent();
    return el.normalName().charAt(0) != 'h' && frame != null && frame.childrenSize() <= 4
        && frame.text().strip().equals(text);
  }

  /** Blocks a caption is set in: a chapter's headings (h1 to h3) never are, though a headpiece's alt text says the title. */
  private static final Set<String> CAPTION_TAGS = Set.of("h4", "h5", "h6", "p", "div", "span");

  private static boolean hasPicture(Element el) {
    for (Element img : el.select("img, svg, picture, image")) {
      if (!isDropCapImage(img)) {
        return true;
      }
    }
    return false;
  }

  /** Longest text of an element classed as contents taken for a table of contents (a book's text is longer). */
  private static final int MAX_CONTENTS = 10_000;

  /** DocBook's sections: a "titlepage" inside one holds the section's heading, not the book's title page. */
  private static final Set<String> SECTIONS = Set.of("chapter", "section", "sect1", "sect2", "sect3", "part",
      "preface", "appendix", "article", "refentry", "colophon", "dedication", "glossary", "bibliography");

  private static boolean inSection(Element el) {
    for (Element a = el.parent(); a != null; a = a.parent()) {
      for (String c : a.classNames()) {
        if (SECTIONS.contains(c.toLowerCase(Locale.ROOT))) {
          return true;
        }
      }
    }
    return false;
  }

  /** One entry of a table of contents set as paragraphs ("<p class="toc"><a href="#act1">ACT I.</a></p>"): a link into the book is most of it. */
  private static boolean contentsEntry(Element el) {
    String text = el.text();
    if (text.length() > 200) {
      return false;
    }
    int linked = 0;
    for (Element a : el.select("a[href]")) {
      String href = a.attr("href");
      if (href.startsWith("#") || !href.contains(":")) {
        linked += a.text().length();
      }
    }
    return linked > 0 && linked * 2 >= text.strip().length();
  }

  /**
   * A contents table of a cell of links ("CHAPTER I", "CHAPTER II" ...) beside a cell of the chapters'
   * titles unlinked, a line each (Project Gutenberg's Kidnapped): as many lines as links, give or take two.
   */
  private static boolean numbersBesideTitles(Element table, Map<Element, int[]> links) {
    Element linked = null;
    for (Element td : table.select("td")) {
      int[] l = links.get(td);
      if (l != null && isLinkList(l)) {
        linked = td;
        break;
      }
    }
    if (linked == null) {
      return false;
    }
    int n = links.get(linked)[0];
    for (Element td : table.select("td")) {
      if (td == linked || td.text().isBlank()) {
        continue;
      }
      long lines = td.textNodes().stream().filter(t -> !t.isBlank()).count();
      if (td.selectFirst("a[href]") != null || Math.abs(lines - n) > 2) {
        return false;
      }
    }
    return true;
  }

  /** The paragraph is a {@link #contentsEntry} among three or more in a row (a window of three around it). */
  private static boolean inEntryRun(Element p) {
    if (p == null || !p.normalName().equals("p") || !contentsEntry(p)) {
      return false;
    }
    Element[] around = {prevP(prevP(p)), prevP(p), p, nextP(p), nextP(nextP(p))};
    int run = 0;
    for (Element e : around) {
      run = e != null && (e == p || contentsEntry(e)) ? run + 1 : 0;
      if (run >= 3) {
        return true;
      }
    }
    return false;
  }

  /** The next sibling with text (not a blank "<p><br></p>"), or null. */
  private static Element nextWithText(Element e) {
    Element s = e.nextElementSibling();
    for (int i = 0; s != null && i < 3 && s.text().isBlank(); i++) {
      s = s.nextElementSibling();
    }
    return s == null || s.text().isBlank() ? null : s;
  }

  private static Element prevP(Element e) {
    Element s = e == null ? null : e.previousElementSibling();
    return s != null && s.normalName().equals("p") ? s : null;
  }

  private static Element nextP(Element e) {
    Element s = e == null ? null : e.nextElementSibling();
    return s != null && s.normalName().equals("p") ? s : null;
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
}
