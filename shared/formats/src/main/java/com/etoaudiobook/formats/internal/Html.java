package com.etoaudiobook.formats.internal;

import com.etoaudiobook.book.Cancellation;
import com.etoaudiobook.book.ProseBuilder;
import com.etoaudiobook.book.Gutenberg;
import com.etoaudiobook.book.Headings;
import com.etoaudiobook.book.TitlePage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * A single HTML page: chapters at the heading level that divides the book (the shallowest level
 * with at least two headings followed by text); a Project Gutenberg header and licence cut at
 * their markers; title and author from the Gutenberg header, {@code <title>} or a lone h1.
 */
public final class Html {
  // What the page says of itself, read before its body is pruned; the tree itself is not kept (a large
  // page's tree held beside its text and the book doubled the memory a parse takes).
  private final String pageTitle;
  private final String soleH1;
  private final String metaAuthor;
  private final String lang;
  private final List<HtmlText.Block> blocks = new ArrayList<>();
  private String gutenbergTitle;
  private String gutenbergAuthor;

  public Html(byte[] bytes) {
    HtmlText.checkTags(bytes);
    Document doc;
    try {
      // jsoup picks the charset from a BOM or <meta charset / http-equiv>, else UTF-8.
      doc = Jsoup.parse(InterruptibleInput.of(bytes), null, "",
          Parser.htmlParser().setMaxDepth(HtmlText.MAX_DEPTH));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Cancellation.check(); // jsoup ends its input early on an interrupt, as if the file ended there
    pageTitle = doc.title().strip();
    List<Element> h1 = doc.select("h1");
    soleH1 = h1.size() == 1 ? h1.get(0).text().strip() : "";
    Element meta = doc.selectFirst("meta[name=author], meta[name=DC.creator], meta[name=dc.creator]");
    metaAuthor = meta == null ? "" : meta.attr("content").strip();
    Element html = doc.selectFirst("html");
    lang = html == null ? "" : html.attr("lang").strip();
    Element body = doc.body() == null ? doc : doc.body();
    List<HtmlText.Block> all = new ArrayList<>();
    for (HtmlText.Item it : HtmlText.blocks(body, Set.of())) {
      all.add((HtmlText.Block) it);
    }
    int from = 0;
    int to = all.size();
    for (int i = 0; i < all.size(); i++) {
      Cancellation.check();
      String text = all.get(i).text();
      if (Gutenberg.isEnd(text.lines().findFirst().orElse(""))) {
        break; // a licence after the book's end is no header
      }
      if (text.lines().anyMatch(Gutenberg::isStart)) {
        // The fields sit in the marker's block (older files) or in blocks before it (newer ones).
        StringBuilder header = new StringBuilder();
        all.subList(0, i + 1).forEach(b -> header.append(b.text()).append('\n'));
        Gutenberg.Fields fields = Gutenberg.fields(header.toString());
        gutenbergTitle = fields.title();
        gutenbergAuthor = fields.author();
        from = i + 1;
        while (from < all.size() && Gutenberg.isCredits(all.get(from).text())) {
          from++; // "Produced by ...", "Transcribed from the 1908 ... edition by ...": the e-text's makers
        }
        break;
      }
    }
    for (int i = from; i < all.size(); i++) {
      if (Gutenberg.isEnd(all.get(i).text().lines().findFirst().orElse(""))) {
        to = i;
        break;
      }
    }
    blocks.addAll(all.subList(from, to));
  }

  public String title() {
    if (gutenbergTitle != null) {
      return gutenbergTitle;
    }
    String t = pageTitle;
    Gutenberg.Fields ebook = Gutenberg.ofEbookTitle(t);
    if (ebook != null) {
      return ebook.title();
    }
    if (t.isEmpty()) {
      t = soleH1;
    }
    return t.isEmpty() ? null : t;
  }

  public String author() {
    if (gutenbergAuthor != null) {
      return gutenbergAuthor;
    }
    Gutenberg.Fields ebook = Gutenberg.ofEbookTitle(pageTitle);
    if (ebook != null && ebook.author() != null) {
      return ebook.author();
    }
    return metaAuthor.isEmpty() ? null : metaAuthor;
  }

  public String language() {
    return lang.isEmpty() ? null : lang;
  }

  public void text(ProseBuilder builder) {
    int split = dividingLevel();
    List<String> parts = new ArrayList<>();
    if (split == 0) {
      blocks.forEach(b -> parts.addAll(List.of(Chapters.paragraphs(b.text()))));
    }
    Placing placing = new Placing(new Chapters(builder), split, Headings.risingNumerals(parts) >= 3);
    TitlePage front = new TitlePage(title(), author());
    // the front's blocks, held back until a title page's line after them shows them to be its (the
    // author's other works, a half-title), or the front ends and they are read
    List<Integer> held = new ArrayList<>();
    int heldChars = 0;
    for (int i = 0; i < blocks.size(); i++) {
      HtmlText.Block b = blocks.get(i);
      Cancellation.check();
      if (b.level() > 0 && isContentsHeading(b.text())) {
        // its entries too, where the pruner left them (a table whose links are only its numerals), where
        // headings mark the chapters (else a paragraph "CHAPTER I." after the list may be the first)
        while (split > 0 && i + 1 < blocks.size() && blocks.get(i + 1).level() == 0
            && blocks.get(i + 1).text().length() <= 120) {
          i++;
        }
        continue;
      }
      boolean titlePage = front.open(placing.chapters.begun(), b.level() == 0 ? b.text() : null);
      if (titlePage && b.level() > 0 && catalogue(i)) {
        // the publisher's other books before the story ("THE LITTLE COLONEL BOOKS", their prices): not read
        for (int level = b.level(); i + 1 < blocks.size() && (blocks.get(i + 1).level() == 0 || blocks.get(i + 1).level() > level); ) {
          i++;
        }
        continue;
      }
      if (titlePage && split > 0 && b.level() == split && !placing.chapters.begun() && noTextUnder(i, split)
          && !Headings.isNumberedChapter(b.text().strip())) {
        // "A Ghost Story of Christmas" over "BY" and the author: a title page's heading, no chapter ("CHAPTER I"
        // over its title's heading is the first chapter's)
        continue;
      }
      if (titlePage && !overOwnText(i, front) && !opensPart(i, split) && front.holds(b.text())) {
        held.clear();
        continue; // "BY", "ELINOR MACARTNEY LANE", "MCMIX" over the first chapter: a title page's, not read
      }
      if (!placing.started && split > 0 && b.level() > split && Headings.isFrontMatterTitle(b.text())
          && overOwnText(i, front)) {
        held.forEach(placing::place);
        held.clear();
        placing.chapters.chapter(b.text()); // "PREFACE" under the title page, deeper than the chapters' headings
        placing.started = true;
        continue;
      }
      if (titlePage && heldChars <= TitlePage.MAX_BEFORE && !startsChapter(i, split)
          && !Headings.isAuthorsFront(b.text())) {
        if ((heldChars += b.text().length()) <= TitlePage.MAX_BEFORE && Headings.looksLikeTitlePage(b.text())) {
          held.add(i);
          continue;
        }
        heldChars = TitlePage.MAX_BEFORE + 1; // the book's own words: what was held back is read, and no more is
      }
      held.forEach(placing::place);
      held.clear();
      placing.place(i);
    }
    held.forEach(placing::place);
  }

  /** No text between the heading at {@code i} and the next of its level or above (only deeper headings). */
  private boolean noTextUnder(int i, int level) {
    for (int j = i + 1; j < blocks.size(); j++) {
      HtmlText.Block b = blocks.get(j);
      if (b.level() == 0) {
        return false;
      }
      if (b.level() <= level) {
        return true;
      }
    }
    return true;
  }

  /** A part's heading ("VOLUME I", which a title page may say too) right over its first chapter's. */
  private boolean opensPart(int i, int split) {
    HtmlText.Block b = blocks.get(i);
    return b.level() > 0 && b.level() < split && Headings.isDivision(b.text()) && i + 1 < blocks.size()
        && blocks.get(i + 1).level() == split;
  }

  /** A chapter begins at block {@code i}: its heading, or a paragraph that numbers it ("CHAPTER IV"). */
  private boolean startsChapter(int i, int split) {
    HtmlText.Block b = blocks.get(i);
    return Headings.isNumberedChapter(b.text().strip()) || split > 0 && b.level() == split
        || b.level() > 0 && b.level() < split && !Headings.isDivision(b.text()) && i + 1 < blocks.size()
        && blocks.get(i + 1).level() == 0;
  }

  /** Puts each block, in order, where it belongs among the chapters. */
  private final class Placing {
    final Chapters chapters;
    final int split;
    final boolean numerals;
    boolean started;

    Placing(Chapters chapters, int split, boolean numerals) {
      this.chapters = chapters;
      this.split = split;
      this.numerals = numerals;
    }

    void place(int i) {
      HtmlText.Block b = blocks.get(i);
      // a by-line before the first chapter ("By Annie Fellows Johnston") is no chapter; "By Moonlight" later is
      if (split > 0 && b.level() == split && (chapters.begun() || Headings.byLine(b.text().strip()) == null)) {
        chapters.chapter(b.text());
        started = true;
      } else if (b.level() > 0 && b.level() < split && !Headings.isDivision(b.text())
          && i + 1 < blocks.size() && blocks.get(i + 1).level() == 0) {
        // a heading over text of its own above the chapters' level ("PREFACE" beside a half-title
        // over the numbered chapters): a chapter, not a title page's line
        chapters.chapter(b.text());
        started = true;
      } else if (b.level() > 0 && b.level() < split) {
        chapters.above(b.text());
      } else if (split > 0 && Headings.isBareNumeral(b.text())) {
        return; // a bare part number ("II.") under a chapter heading
      } else {
        if (!started) {
          chapters.chapter(null);
          started = true;
        }
        chapters.block(b, split == 0, numerals);
      }
    }
  }

  /**
   * The shallowest level with two headings each followed by real text, else 0; but where that
   * level's headings are a title page's ("THE VISIT", "BY ARTHUR W. PINERO", "THE PERSONS OF THE
   * PLAY": all but one over a few lines) and a deeper level divides the one that holds the book
   * (its acts), the deeper level.
   */
  private int dividingLevel() {
    for (int level = 1; level <= 6; level++) {
      List<Integer> sections = sections(level, 0);
      if (sections.size() < 2) {
        continue;
      }
      int total = sections.stream().mapToInt(Integer::intValue).sum();
      int largest = sections.stream().mapToInt(Integer::intValue).max().orElse(0);
      int rest = total - largest;
      boolean parts = divisions(level);
      if (rest * 10 < total && rest < TITLE_PAGE_CHARS || parts) {
        // a part's chapters are under it: headings before the first part are a title page's
        int from = parts ? firstHeading(level) : 0;
        for (int deeper = level + 1; deeper <= 6; deeper++) {
          if (sections(deeper, from).size() >= 2) {
            return deeper;
          }
        }
      }
      return level;
    }
    return 0;
  }

  /** The heading at {@code i} is over text of its own, not a title page's ("(Trade Mark)"): a chapter's, were it "1914". */
  private boolean overOwnText(int i, TitlePage front) {
    return blocks.get(i).level() > 0 && i + 1 < blocks.size() && blocks.get(i + 1).level() == 0
        && !front.holds(blocks.get(i + 1).text());
  }

  /**
   * The heading at {@code i} opens a publisher's catalogue: of the paragraphs under it (to the next
   * heading of its level or above), three or more, and a third at least, are prices or bindings.
   */
  private boolean catalogue(int i) {
    int level = blocks.get(i).level();
    int paragraphs = 0;
    int priced = 0;
    for (int j = i + 1; j < blocks.size() && (blocks.get(j).level() == 0 || blocks.get(j).level() > level); j++) {
      if (blocks.get(j).level() == 0) {
        paragraphs++;
        priced += Headings.isCatalogueLine(blocks.get(j).text()) ? 1 : 0;
      }
    }
    return priced >= 3 && priced * 3 >= paragraphs;
  }

  private int firstHeading(int level) {
    for (int i = 0; i < blocks.size(); i++) {
      if (blocks.get(i).level() == level && !isContentsHeading(blocks.get(i).text())) {
        return i;
      }
    }
    return 0;
  }

  /** Every heading of this level (a contents heading aside) is a part: its chapters divide the book. */
  private boolean divisions(int level) {
    return Chapters.parts(blocks.stream().filter(b -> b.level() == level && !isContentsHeading(b.text()))
        .map(HtmlText.Block::text).toList());
  }

  /** Text a title page's headings hold between them at most (their lines, a list of persons). */
  private static final int TITLE_PAGE_CHARS = 3_000;

  /** The characters of text under each heading of this level from block {@code from} on that has some (to the next of it or above). */
  private List<Integer> sections(int level, int from) {
    List<Integer> sections = new ArrayList<>();
    int chars = -1;
    for (HtmlText.Block b : blocks.subList(from, blocks.size())) {
      if (b.level() > 0 && b.level() <= level) {
        if (chars > 0) {
          sections.add(chars);
        }
        chars = b.level() == level && !isContentsHeading(b.text()) ? 0 : -1;
      } else if (chars >= 0 && b.level() == 0) {
        chars += b.text().length();
      }
    }
    if (chars > 0) {
      sections.add(chars);
    }
    return sections;
  }

  static boolean isContentsHeading(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT).replaceAll("[.:]$", "");
    return t.equals("contents") || t.equals("table of contents");
  }
}
