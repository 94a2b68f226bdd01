package com.etoaudiobook.formats.internal;

import com.etoaudiobook.book.ProseBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A single HTML page: chapters at the top heading level that repeats (several h1, or h2 under a
 * lone h1 that names the book); title from {@code <title>} or the lone h1.
 */
public final class Html {
  private final Document doc;

  public Html(byte[] bytes) {
    try {
      // jsoup picks the charset from a BOM or <meta charset>, else UTF-8.
      doc = Jsoup.parse(new ByteArrayInputStream(bytes), null, "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String title() {
    String t = doc.title().strip();
    if (t.isEmpty()) {
      List<Element> h1 = doc.select("h1");
      t = h1.size() == 1 ? h1.get(0).text().strip() : "";
    }
    return t.isEmpty() ? null : t;
  }

  public String author() {
    Element meta = doc.selectFirst("meta[name=author]");
    String a = meta == null ? "" : meta.attr("content").strip();
    return a.isEmpty() ? null : a;
  }

  public String language() {
    Element html = doc.selectFirst("html");
    String lang = html == null ? "" : html.attr("lang").strip();
    return lang.isEmpty() ? null : lang;
  }

  public void text(ProseBuilder builder) {
    Element body = doc.body() == null ? doc : doc.body();
    int h1 = body.select("h1").size();
    int split = h1 > 1 ? 1 : body.select("h2").isEmpty() ? 0 : 2;
    Chapters chapters = new Chapters(builder);
    boolean started = false;
    for (HtmlText.Item it : HtmlText.blocks(body, Set.of())) {
      HtmlText.Block b = (HtmlText.Block) it;
      if (split > 0 && b.level() == split) {
        chapters.chapter(b.text());
        started = true;
      } else if (b.level() == 1 && split == 2) {
        continue; // the book's title, not spoken
      } else {
        if (!started) {
          chapters.chapter(null);
          started = true;
        }
        chapters.block(b);
      }
    }
  }
}
