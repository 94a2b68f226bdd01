package com.etoaudiobook.formats.internal;

import com.etoaudiobook.book.Cancellation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * An EPUB's table of contents as entries in reading order, each a content document, an optional
 * fragment in it and a title: from the navigation document (EPUB 3) or the NCX (EPUB 2).
 */
final class EpubToc {

  /** An entry: the document's path in the archive, the fragment (or null) and the title (or null). */
  record Entry(String path, String fragment, String title) {
  }

  private EpubToc() {
  }

  /** The entries of the navigation document's {@code toc} nav (else its first nav). */
  static List<Entry> nav(byte[] bytes, String path) {
    Document d = Epub.xhtml(bytes);
    Element tocNav = null;
    for (Element n : d.select("nav")) {
      if (words(n.attr("epub:type")).contains("toc") || n.attr("role").equals("doc-toc")) {
        tocNav = n;
        break;
      }
    }
    if (tocNav == null) {
      tocNav = d.selectFirst("nav");
    }
    List<Entry> out = new ArrayList<>();
    if (tocNav != null) {
      String dir = ArchivePaths.dir(path);
      for (Element a : tocNav.select("a[href]")) {
        out.add(entry(dir, a.attr("href"), a.text()));
      }
    }
    return out;
  }

  /** The NCX's navPoints, nested ones included. */
  static List<Entry> ncx(byte[] bytes, String path) {
    Document d = Epub.xml(bytes);
    List<Entry> out = new ArrayList<>();
    String dir = ArchivePaths.dir(path);
    // Pre-order over nested navPoints is reading order.
    for (Element p : Epub.byLocal(d, "navPoint")) {
      Cancellation.check();
      // Its own navLabel and content, children of the navPoint: a search of the whole subtree for them
      // made a deeply nested table of contents quadratic.
      Element navLabel = Epub.child(p, "navLabel");
      Element label = navLabel == null ? null : Epub.child(navLabel, "text");
      Element content = Epub.child(p, "content");
      if (content != null) {
        out.add(entry(dir, content.attr("src"), label == null ? null : label.text()));
      }
    }
    return out;
  }

  private static Entry entry(String dir, String href, String title) {
    int hash = href.indexOf('#');
    String file = hash < 0 ? href : href.substring(0, hash);
    String fragment = hash < 0 ? null : ArchivePaths.decode(href.substring(hash + 1));
    return new Entry(ArchivePaths.resolve(dir, file), fragment == null || fragment.isEmpty() ? null : fragment,
        title == null ? null : title.strip());
  }

  /** The blank-separated words of an attribute, lower case (Set.of refused a repeated word with an error). */
  static Set<String> words(String attr) {
    return new HashSet<>(Arrays.asList(attr.toLowerCase(Locale.ROOT).split("\\s+")));
  }
}
