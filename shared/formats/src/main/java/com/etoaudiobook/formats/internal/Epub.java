package com.etoaudiobook.formats.internal;

import com.etoaudiobook.book.BookFormatException;
import com.etoaudiobook.book.Cancellation;
import com.etoaudiobook.book.Gutenberg;
import com.etoaudiobook.book.ProseBuilder;
import com.etoaudiobook.book.TitlePage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * EPUB 2 and 3: metadata and cover from the package document, chapters from the navigation
 * document (EPUB 3) or the NCX (EPUB 2), text from the spine's content documents in order.
 */
public final class Epub {

  /** What an EPUB yields before it becomes a Book. */
  public record Content(String title, String author, String language, byte[] cover,
                        String coverType) {
  }

  private record Item(String id, String path, String mediaType, Set<String> properties) {
  }

  private static final Set<String> NOT_THE_BOOK = Set.of("toc", "landmarks", "page-list",
      "copyright-page", "colophon", "doc-toc", "doc-colophon", "doc-pagelist");

  private final Map<String, byte[]> files;
  private final Map<String, Item> manifest = new LinkedHashMap<>();
  private Document opf;
  private String opfDir;

  public Epub(byte[] bytes) {
    this.files = SafeZip.read(bytes, "EPUB");
    refuseDrm();
    readPackage();
  }

  /** DRM (Adobe ADEPT rights.xml, Apple sinf.xml) or encrypted content documents. */
  private void refuseDrm() {
    if (files.containsKey("META-INF/rights.xml") || files.containsKey("META-INF/sinf.xml")) {
      throw encrypted();
    }
    byte[] enc = files.get("META-INF/encryption.xml");
    if (enc == null) {
      return;
    }
    Document d = xml(enc);
    for (Element data : byLocal(d, "EncryptedData")) {
      Element method = first(data, "EncryptionMethod");
      String algorithm = method == null ? "" : method.attr("Algorithm");
      // Font obfuscation (IDPF, Adobe) only hides embedded fonts; the text stays readable.
      boolean fontObfuscation = algorithm.equals("http://www.idpf.org/2008/embedding")
          || algorithm.equals("http://ns.adobe.com/pdf/enc#RC");
      Element ref = first(data, "CipherReference");
      String uri = ref == null ? "" : ref.attr("URI").toLowerCase(Locale.ROOT);
      boolean font = uri.matches(".*\\.(otf|ttf|woff2?|fnt)$");
      if (!(fontObfuscation && font)) {
        throw encrypted();
      }
    }
  }

  private static BookFormatException encrypted() {
    return new BookFormatException("encrypted", "This EPUB is encrypted or DRM-protected; "
        + "only DRM-free EPUBs can be read aloud (export or buy a DRM-free copy)");
  }

  private void readPackage() {
    byte[] container = files.get("META-INF/container.xml");
    String opfPath = null;
    if (container != null) {
      Element rootfile = first(xml(container), "rootfile");
      if (rootfile != null) {
        opfPath = ArchivePaths.decode(rootfile.attr("full-path"));
      }
    }
    if (opfPath == null || !files.containsKey(opfPath)) {
      opfPath = files.keySet().stream().filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".opf"))
          .findFirst().orElseThrow(() -> new BookFormatException("corrupt",
              "This EPUB is damaged: it has no package document (content.opf)"));
    }
    opf = xml(files.get(opfPath));
    opfDir = ArchivePaths.dir(opfPath);
    for (Element item : byLocal(opf, "item")) {
      Set<String> props = EpubToc.words(item.attr("properties"));
      manifest.put(item.attr("id"), new Item(item.attr("id"), ArchivePaths.resolve(opfDir, item.attr("href")),
          item.attr("media-type"), props));
    }
  }

  public Content metadata() {
    String title = text(first(opf, "title"));
    String author = null;
    for (Element c : byLocal(opf, "creator")) {
      String role = c.attr("opf:role");
      if (role.isEmpty() || role.equals("aut")) {
        author = text(c);
        break;
      }
    }
    // "Great Expectations, by Charles Dickens": a converter's title, from an HTML page's
    Gutenberg.Fields named = Gutenberg.titleBy(title);
    if (named.author() != null && (author == null || author.isBlank() || author.equalsIgnoreCase(named.author()))) {
      title = named.title();
      author = named.author();
    }
    String language = text(first(opf, "language"));
    Item cover = coverItem();
    byte[] coverBytes = cover == null ? null : files.get(cover.path());
    return new Content(title, author, language, coverBytes,
        coverBytes == null ? null : cover.mediaType());
  }

  private Item coverItem() {
    for (Item i : manifest.values()) {
      if (i.properties().contains("cover-image")) {
        return i;
      }
    }
    for (Element meta : byLocal(opf, "meta")) {
      if (meta.attr("name").equals("cover") && manifest.containsKey(meta.attr("content"))) {
        return manifest.get(meta.attr("content"));
      }
    }
    for (Item i : manifest.values()) {
      if (i.mediaType().startsWith("image/") && i.id().toLowerCase(Locale.ROOT).contains("cover")) {
        return i;
      }
    }
    return null;
  }

  /** Writes the spine's text into the builder, one chapter per table-of-contents entry. */
  public void text(ProseBuilder builder) {
    Item nav = manifest.values().stream().filter(i -> i.properties().contains("nav")).findFirst()
        .orElse(null);
    List<EpubToc.Entry> toc = nav == null || !files.containsKey(nav.path()) ? List.of()
        : EpubToc.nav(files.get(nav.path()), nav.path());
    if (toc.isEmpty()) {
      Item ncx = ncx();
      toc = ncx == null || !files.containsKey(ncx.path()) ? List.of() : EpubToc.ncx(files.get(ncx.path()), ncx.path());
    }
    Map<String, Map<String, String>> targets = new HashMap<>();
    for (EpubToc.Entry e : toc) {
      targets.computeIfAbsent(e.path(), k -> new LinkedHashMap<>())
          .putIfAbsent(e.fragment() == null ? "" : e.fragment(), e.title());
    }
    Chapters chapters = new Chapters(builder);
    TitlePage front = new TitlePage(null, null);
    boolean any = false;
    // A document listed twice in the spine is read once: a small archive repeating one large chapter
    // thousands of times asked for thousands of parses of it.
    Set<String> read = new HashSet<>();
    boolean listedYet = false;
    for (Element ref : byLocal(opf, "itemref")) {
      Cancellation.check();
      Item item = manifest.get(ref.attr("idref"));
      if (item == null || ref.attr("linear").equals("no") || item == nav
          || !files.containsKey(item.path()) || !read.add(item.path())) {
        continue;
      }
      Map<String, String> here = targets.getOrDefault(item.path(), Map.of());
      listedYet |= !here.isEmpty();
      Document doc = xhtml(files.get(item.path()));
      Element body = doc.selectFirst("body");
      body = body == null ? doc : body;
      if (notTheBook(body) || (!listedYet && !toc.isEmpty() && isTitleOrCopyrightPage(body))
          || (here.containsKey("") && here.get("") != null
              && PAGE_NAME.matcher(here.get("").strip()).matches())) {
        continue;
      }
      if (toc.isEmpty()) {
        // No table of contents: each spine document is a chapter named by its first heading.
        Element h = body.selectFirst("h1, h2, h3");
        chapters.chapter(h == null ? null : h.text());
      } else if (here.containsKey("")) {
        chapters.chapter(here.get(""));
        any = true;
      } else if (!any) {
        chapters.chapter(null);
        any = true;
      }
      for (HtmlText.Item it : HtmlText.blocks(body, here.keySet())) {
        Cancellation.check();
        if (it instanceof HtmlText.Anchor a) {
          chapters.chapter(here.get(a.id()));
        } else if (!front.open(chapters.begun(), ((HtmlText.Block) it).text())
            || !front.holds(((HtmlText.Block) it).text())) {
          // before the first listed chapter and prose, a title page's imprint, copyright and prices are not read
          chapters.block((HtmlText.Block) it);
        }
      }
    }
  }

  /** The NCX (EPUB 2's table of contents): the spine's, else the first in the manifest. */
  private Item ncx() {
    Element spine = first(opf, "spine");
    Item ncx = spine == null ? null : manifest.get(spine.attr("toc"));
    if (ncx == null) {
      ncx = manifest.values().stream().filter(i -> i.mediaType().equals("application/x-dtbncx+xml"))
          .findFirst().orElse(null);
    }
    return ncx;
  }

  /** A document the table of contents names as a copyright page, colophon or contents list. */
  private static final Pattern PAGE_NAME = Pattern.compile(
      "(?i)\\W*(?:copyright(?: page)?|colophon|imprint|(?:table of )?contents|cover(?: page)?)\\W*");
  private static final Set<String> TITLE_PAGE = Set.of("titlepage", "halftitlepage", "title-page",
      "halftitle", "copyright-page", "copyright", "imprint", "legalnotice", "doc-titlepage");
  private static final Pattern NOTICE = Pattern.compile(
      "(?i).*(?:©|copyright|all rights reserved|ISBN).*", Pattern.DOTALL);

  /**
   * Front matter the table of contents does not list (it comes before the first document it
   * does) and that is a title or copyright page: by its semantics or classes, or by its notice.
   * The title and author's names, editors' credits and the publisher's address on it are not the
   * book's text; an unlisted dedication or epigraph page is, and is kept.
   */
  private static boolean isTitleOrCopyrightPage(Element body) {
    for (Element e : body.getAllElements()) {
      for (String t : (e.attr("epub:type") + " " + e.attr("role") + " " + e.className())
          .toLowerCase(Locale.ROOT).split("\\s+")) {
        if (TITLE_PAGE.contains(t)) {
          return true;
        }
      }
    }
    return NOTICE.matcher(body.text()).matches();
  }

  /**
   * A table of contents, landmarks, copyright page or colophon in the spine: navigation and the
   * publisher's notices, not the book (by EPUB 3 semantics on the body or its only section).
   */
  private static boolean notTheBook(Element body) {
    Element e = body;
    while (true) {
      for (String t : (e.attr("epub:type") + " " + e.attr("role")).toLowerCase(Locale.ROOT)
          .split("\\s+")) {
        if (NOT_THE_BOOK.contains(t)) {
          return true;
        }
      }
      if (e.children().size() != 1) {
        return false;
      }
      e = e.child(0);
    }
  }

  // ---------------------------------------------------------------- helpers

  static Document xml(byte[] bytes) {
    return parseXml(bytes);
  }

  /** As XML, from the bytes read as UTF-8, stopping when the thread is interrupted. */
  private static Document parseXml(byte[] bytes) {
    Document d;
    try {
      d = Jsoup.parse(InterruptibleInput.of(bytes), "UTF-8", "", Parser.xmlParser().setMaxDepth(HtmlText.MAX_DEPTH));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Cancellation.check(); // jsoup ends its input early on an interrupt, as if the file ended there
    return d;
  }

  /**
   * Content documents are XHTML: parsed as XML, a self-closing {@code <span/>} is empty (as HTML
   * it would swallow the rest of its paragraph). Named HTML entities still decode.
   */
  static Document xhtml(byte[] bytes) {
    HtmlText.checkTags(bytes);
    Document d = parseXml(bytes);
    d.outputSettings().prettyPrint(false);
    return d;
  }

  /** Elements whose local name (without any namespace prefix) is {@code local}. */
  static List<Element> byLocal(Element root, String local) {
    List<Element> out = new ArrayList<>();
    for (Element e : root.getAllElements()) {
      String name = e.tagName();
      int colon = name.indexOf(':');
      if ((colon < 0 ? name : name.substring(colon + 1)).equalsIgnoreCase(local)) {
        out.add(e);
      }
    }
    return out;
  }

  /** The first child element whose local name is {@code local}, or null. */
  static Element child(Element parent, String local) {
    for (Element e : parent.children()) {
      String name = e.tagName();
      int colon = name.indexOf(':');
      if ((colon < 0 ? name : name.substring(colon + 1)).equalsIgnoreCase(local)) {
        return e;
      }
    }
    return null;
  }

  static Element first(Element root, String local) {
    List<Element> all = byLocal(root, local);
    return all.isEmpty() ? null : all.get(0);
  }

  private static String text(Element e) {
    if (e == null) {
      return null;
    }
    String t = e.text().strip();
    return t.isEmpty() ? null : t;
  }
}
