package com.etoaudiobook.book;

import com.etoaudiobook.book.attribution.Attribution;
import com.etoaudiobook.book.attribution.DialogueAttributor;
import com.etoaudiobook.book.internal.Label;
import com.etoaudiobook.book.internal.LineParagraphs;
import com.etoaudiobook.book.internal.Markup;
import com.etoaudiobook.book.internal.PlainText;
import com.etoaudiobook.book.internal.ScriptReader;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses scripts and plain texts ({@code .md}, {@code .markdown}, {@code .txt}): chapters from
 * headings, roles from speaker labels ({@code **Role:** text}, {@code ROLE: text}), and
 * everything unlabelled as narration.
 */
public final class ScriptParser implements BookParser {
  private static final Logger LOG = LoggerFactory.getLogger(ScriptParser.class);

  /** Finds who speaks each quotation of a text (a seam for the fault test). */
  private final Function<String, Attribution> attributor;

  public ScriptParser() {
    this(text -> new DialogueAttributor().attribute(text));
  }

  ScriptParser(Function<String, Attribution> attributor) {
    this.attributor = attributor;
  }

  @Override
  public Book parse(String fileName, byte[] content) {
    String format = format(fileName);
    return parse(fileName, format, laidOut(format, TextDecoder.decode(content)));
  }

  /**
   * A plain text as it is read: where no blank lines set its paragraphs apart (one line per
   * paragraph, or indented first lines), they are given one, and a warning says so. Segment
   * offsets point into this text. Markdown keeps its own rules.
   */
  public static TextDecoder.Decoded laidOut(String format, TextDecoder.Decoded decoded) {
    String text = "text".equals(format) ? LineParagraphs.blankLined(decoded.text()) : null;
    if (text == null) {
      return decoded;
    }
    List<String> warnings = new java.util.ArrayList<>(decoded.warnings());
    warnings.add("The text has no blank lines between its paragraphs: each paragraph was taken"
        + " to end where its line does, where the next line is indented, or at a short line"
        + " ending a sentence");
    return new TextDecoder.Decoded(text, decoded.encoding(), warnings);
  }

  /** Parses text that is already decoded and {@linkplain #laidOut laid out}. */
  public Book parse(String fileName, String format, TextDecoder.Decoded decoded) {
    // Gutenberg header, licence and contents blanked (offsets unchanged); plain-text headings.
    PlainText.Prepared prepared = PlainText.prepare(decoded.text());
    ScriptReader.Result r = ScriptReader.read(prepared, fileName, "markdown".equals(format));
    List<Chapter> chapters = r.chapters();
    List<Role> roles = r.roles();
    List<String> warnings = decoded.warnings();
    BackMatter.Cut cut = BackMatter.find(chapters.stream().map(Chapter::title).toList(),
        chapters.stream().map(c -> c.segments().stream().map(Segment::text).toList()).toList());
    if (cut != null) {
      chapters = cut(chapters, cut);
      roles = ProseAttribution.roles(chapters, java.util.Map.of());
      warnings = new java.util.ArrayList<>(warnings);
      warnings.add(BackMatter.warning(cut));
    }
    if (!r.proseChapters().isEmpty()) {
      // Prose chapters (dialogue in quotation marks): quotations get their speakers. A script
      // chapter's labels are never second-guessed.
      try {
        ProseAttribution.Result prose = ProseAttribution.apply(prepared.text(), chapters,
            ProseAttribution.NARRATOR, ScriptParser::cleanSlice, r.proseChapters()::contains, attributor);
        chapters = prose.chapters();
        roles = prose.roles();
      } catch (BookFormatException e) {
        throw e; // (and a parse stopped at its deadline)
      } catch (RuntimeException e) {
        // A fault of the attributor's on a text nobody foresaw costs the voices, not the book:
        // it is read whole by the narrator, and the warning says so.
        LOG.error("Speaker attribution failed on {}; the narrator reads the quotations", fileName, e);
        warnings = new java.util.ArrayList<>(warnings);
        warnings.add("The speakers of this text's quotations could not be worked out (an internal"
            + " fault, logged): the narrator reads them");
      }
    }
    String title = prepared.title() != null ? prepared.title() : r.title();
    String author = prepared.author() != null ? prepared.author() : r.author();
    return new Book(title, author, "en", chapters, roles,
        new Book.Source(fileName, format, decoded.encoding()), warnings);
  }

  /** The chapters before the cut: segments keep their numbers, as only the last ones go. */
  private static List<Chapter> cut(List<Chapter> chapters, BackMatter.Cut cut) {
    List<Chapter> kept = new java.util.ArrayList<>(chapters.subList(0, cut.chapters()));
    Chapter last = kept.get(kept.size() - 1);
    kept.set(kept.size() - 1, new Chapter(last.index(), last.title(),
        last.segments().subList(0, cut.paragraphs())));
    return kept;
  }

  /** A slice of source lines as spoken text: quote markers and Markdown markup removed. */
  private static String cleanSlice(String slice) {
    StringBuilder out = new StringBuilder();
    for (String line : slice.split("\r\n|\r|\n", -1)) {
      // Quote markers skipped by index: a substring per marker was quadratic in a run of them.
      int from = 0;
      while (from < line.length() && (line.charAt(from) == '>' || Character.isWhitespace(line.charAt(from)))) {
        from++;
      }
      String clean = Markup.clean(line.substring(from).strip()).strip();
      if (!clean.isEmpty()) {
        if (out.length() > 0) {
          out.append('\n');
        }
        out.append(clean);
      }
    }
    return Markup.dropStrayMarks(out.toString());
  }

  /** "markdown" or "text" from the file name's extension. */
  public static String format(String fileName) {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT).strip();
    if (name.endsWith(".md") || name.endsWith(".markdown")) {
      return "markdown";
    }
    if (name.endsWith(".txt") || name.endsWith(".fountain")) {
      return "text";
    }
    int dot = name.lastIndexOf('.');
    String ext = dot >= 0 ? name.substring(dot) : "(none)";
    throw new BookFormatException("unsupported",
        "Unsupported file type " + ext + ": upload a script or text as .md or .txt");
  }

  /**
   * A paragraph opened by an emphasised name and its stop ("_Terentia._ Quid est?", "_Terentia_ (groaning).
   * Lege") written as a script's label before the speech ("Terentia: Quid est?", "Terentia (groaning): Lege");
   * null where it names no speaker.
   */
  public static String emphasisedSpeakerBefore(String text) {
    Label label = Label.parse(text);
    if (label == null || !label.play() || !label.bold()) {
      return null;
    }
    // its directions in brackets, as a script's are, to be narrated ("(Exit Phil.)")
    String rest = PARENTHESIS.matcher(text.substring(label.textStart()).strip()).replaceAll("[$1]");
    return (label.delivery() == null ? label.name() + ": " : label.name() + " (" + label.delivery() + "): ") + rest;
  }

  private static final java.util.regex.Pattern PARENTHESIS = java.util.regex.Pattern.compile("\\(([^()\\[\\]]{1,300})\\)");

  /**
   * A paragraph that is one emphasised text ("<i>Ogre</i>", "<i>Princess sings</i>") written as a
   * script's label alone in its paragraph ("Ogre:", "Princess (sings):"), where it reads as a play's
   * speaker; null where it does not ("The End", a sentence).
   */
  public static String emphasisedSpeaker(String text) {
    Label label = Label.parse("_" + text.strip() + "_");
    if (label == null || !label.play()) {
      return null;
    }
    return label.delivery() == null ? label.name() + ":" : label.name() + " (" + label.delivery() + "):";
  }
}
