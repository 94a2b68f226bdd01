package com.etoaudiobook.formats.internal;

import java.util.ArrayList;
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

  private HtmlText() {
  }

  public static List<Item> blocks(Element root, Set<String> watchedIds) {
    List<Item> items = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int[] level = {0};
    int[] preDepth = {0};
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode t) {
          String s = preDepth[0] > 0 ? t.getWholeText() : t.getWholeText().replaceAll("\\s+", " ");
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
    }, prune(root.clone(), watchedIds));
    flush(items, current, level);
    return items;
  }

  /**
   * Removes what is never read aloud; ids of removed elements are lost, which is wanted. Notes
   * the table of contents lists as a part of the book (a watched id, or "" for the whole
   * document) are the author's text, not page furniture: they are read, without their marks.
   */
  private static Element prune(Element root, Set<String> watchedIds) {
    List<Element> doomed = new ArrayList<>();
    java.util.Map<Element, Integer> lengths = new java.util.IdentityHashMap<>();
    for (Element el : root.getAllElements()) {
      if (isDropCapImage(el)) {
        el.replaceWith(new TextNode(el.attr("alt").strip()));
        continue;
      }
      if (el != root && skipped(el) && !(isNotes(el) && listed(el, root, watchedIds, lengths))) {
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
    if (SKIPPED_TAGS.contains(el.normalName()) || el.hasAttr("hidden")) {
      return true;
    }
    if (el.normalName().equals("pre") && isCode(el)) {
      return true;
    }
    if (LISTS.contains(el.normalName()) && isLinkList(el)) {
      return true; // a table of contents: links to the book's own parts
    }
    for (String attr : new String[] {"epub:type", "role"}) {
      for (String v : el.attr(attr).toLowerCase(Locale.ROOT).split("\\s+")) {
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
  static boolean isLinkList(Element el) {
    List<Element> links = el.select("a[href]");
    if (links.size() < 3) {
      return false;
    }
    long linked = 0;
    for (Element a : links) {
      String href = a.attr("href");
      if (href.startsWith("#") || !href.contains(":")) {
        linked += a.text().length();
      }
    }
    return linked * 2 > el.text().length();
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

  /** Collapses spaces around line breaks and drops soft hyphens and zero-width characters. */
  static String normalize(String s) {
    String t = s.replace("\u00ad", "").replace("\u200b", "").replace('\u00a0', ' ');
    t = t.replaceAll("[ \\t\\x0B\\f\\r]*\\n[ \\t\\x0B\\f\\r]*", "\n").replaceAll("[ \\t]+", " ");
    return t.strip();
  }
}
