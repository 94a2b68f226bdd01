package com.etoaudiobook.formats;

import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.BookFormatException;
import com.etoaudiobook.book.BookParser;
import com.etoaudiobook.book.Cancellation;
import com.etoaudiobook.book.FileTitle;
import com.etoaudiobook.book.ProseBuilder;
import com.etoaudiobook.book.ScriptParser;
import com.etoaudiobook.book.TextDecoder;
import com.etoaudiobook.job.BookLimits;
import com.etoaudiobook.formats.internal.Docx;
import com.etoaudiobook.formats.internal.Epub;
import com.etoaudiobook.formats.internal.Html;
import com.etoaudiobook.formats.internal.Pdf;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * The one entry point for every upload: Markdown and plain text (scripts or prose), EPUB 2/3,
 * HTML, PDF (text layer) and DOCX. The format is chosen from the content's signature first
 * (ZIP, %PDF, OLE2, HTML tags), then the file name's extension.
 *
 * <p>Offsets: for .md/.txt, {@link com.etoaudiobook.book.Segment#start()}/{@code end()} point
 * into the decoded file, exactly as {@link ScriptParser} reports them. For EPUB, HTML, PDF and
 * DOCX they point into the document's extracted plain text ({@link Document#text()}): chapter
 * titles on their own line, paragraphs separated by one blank line, in reading order.
 */
public final class DocumentParser implements BookParser {

  /** Extensions accepted, lower case, without the dot. */
  public static final Set<String> SUPPORTED_EXTENSIONS = Set.of("md", "markdown", "txt", "fountain", "epub",
      "html", "htm", "xhtml", "pdf", "docx");

  /** Extension → the content type to declare for an upload of it. */
  public static final Map<String, String> CONTENT_TYPES = Map.of(
      "md", "text/markdown",
      "markdown", "text/markdown",
      "txt", "text/plain",
      "fountain", "text/plain",
      "epub", "application/epub+zip",
      "html", "text/html",
      "htm", "text/html",
      "xhtml", "application/xhtml+xml",
      "pdf", "application/pdf",
      "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

  /** Largest upload of a packaged format (EPUB, PDF, DOCX); text formats keep TextDecoder's. */
  public static final int MAX_BYTES = 50 * 1024 * 1024;
  /**
   * Largest extracted text: twice what a job takes (BookLimits, which decides exactly on the Book), since
   * readers count what the Book does not keep (paragraph breaks, a PDF's glyphs drawn twice, running
   * heads, an index). A reader stops there instead of reading all of a huge text first (20 MB of PDF text
   * took 16 s).
   */
  public static final int MAX_CHARS = 2 * BookLimits.MAX_CHARACTERS;

  /**
   * A parsed document with what the Book does not carry.
   *
   * @param book      the book
   * @param text      the text segment offsets point into
   * @param cover     cover image bytes (EPUB), or null
   * @param coverType the cover's media type ("image/jpeg"), or null
   */
  public record Document(Book book, String text, byte[] cover, String coverType) {
  }

  private final ScriptParser scripts = new ScriptParser();

  @Override
  public Book parse(String fileName, byte[] content) {
    return read(fileName, content).book();
  }

  /**
   * Parses and also returns the plain text offsets refer to and the cover image.
   *
   * @throws BookFormatException for any input that cannot become a book, including one nested too
   *                             deeply for a library's recursion ("too-complex"), and
   *                             {@link com.etoaudiobook.book.ParseStoppedException} once the thread
   *                             is interrupted
   */
  public Document read(String fileName, byte[] content) {
    Cancellation.check();
    try {
      return readChecked(fileName, content);
    } catch (StackOverflowError e) {
      // The libraries (XMLBeans, PDFBox) recurse over a document's nesting. The stack that overflowed
      // was this parse's own, and its objects are garbage now: nothing shared is left half-changed.
      throw new BookFormatException("too-complex", "The file is nested too deeply to be read "
          + "(its structure exceeds the parser's limits)");
    }
  }

  private Document readChecked(String fileName, byte[] content) {
    if (content == null || content.length == 0) {
      throw new BookFormatException("empty", "The file is empty");
    }
    String format = sniff(fileName, content);
    if (!format.equals("markdown") && !format.equals("text") && content.length > MAX_BYTES) {
      throw new BookFormatException("too-large", "The file is larger than " + MAX_BYTES
          / (1024 * 1024) + " MB (" + content.length / (1024 * 1024) + " MB)");
    }
    return switch (format) {
      case "markdown", "text" -> {
        TextDecoder.Decoded decoded = ScriptParser.laidOut(format, TextDecoder.decode(content));
        yield new Document(scripts.parse(fileName, format, decoded), decoded.text(), null, null);
      }
      case "epub" -> epub(fileName, content);
      case "html" -> html(fileName, content);
      case "pdf" -> pdf(fileName, content);
      case "docx" -> docx(fileName, content);
      default -> throw new IllegalStateException(format);
    };
  }

  /** The cover image of an EPUB (from its package metadata), or null for any other file. */
  public byte[] cover(String fileName, byte[] content) {
    if (content == null || !"epub".equals(sniff(fileName, content))) {
      return null;
    }
    return new Epub(content).metadata().cover();
  }

  /**
   * "markdown", "text", "epub", "html", "pdf" or "docx". The bytes decide when they carry a
   * signature (a renamed file still opens); the extension decides between ZIP formats and text.
   */
  public static String sniff(String fileName, byte[] b) {
    String ext = extension(fileName);
    if (startsWith(b, "%PDF-") || (ext.equals("pdf") && startsWithWithin(b, "%PDF-", 1024))) {
      return "pdf";
    }
    if (startsWith(b, "PK\u0003\u0004") || startsWith(b, "PK\u0005\u0006")) {
      if (ext.equals("epub") || ext.equals("docx")) {
        return ext;
      }
      String head = new String(b, 0, Math.min(b.length, 4096), StandardCharsets.ISO_8859_1);
      if (head.contains("application/epub+zip")) {
        return "epub";
      }
      if (head.contains("word/")) {
        return "docx";
      }
      return ext.isEmpty() ? "epub" : unsupported(ext, "a ZIP archive");
    }
    if (b.length >= 8 && (b[0] & 0xff) == 0xd0 && (b[1] & 0xff) == 0xcf && (b[2] & 0xff) == 0x11
        && (b[3] & 0xff) == 0xe0) {
      throw ole2(b);
    }
    if (looksLikeHtml(b) && !ext.equals("md") && !ext.equals("markdown") && !ext.equals("txt")
        && !ext.equals("fountain")) {
      return "html";
    }
    switch (ext) {
      case "md", "markdown":
        return "markdown";
      case "txt", "fountain":
        return "text";
      case "html", "htm", "xhtml":
        return "html";
      case "epub", "docx", "pdf":
        throw new BookFormatException("corrupt", "The file is named ." + ext
            + " but its content is not a " + ext.toUpperCase(Locale.ROOT) + " file (damaged?)");
      default:
        return unsupported(ext, null);
    }
  }

  /** OLE2 compound files: an encrypted Office document (its package inside), or a legacy .doc. */
  private static BookFormatException ole2(byte[] b) {
    try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(b))) {
      if (fs.getRoot().hasEntry("EncryptedPackage")) {
        return new BookFormatException("encrypted", "This Word document is password-protected; "
            + "save a copy without a password and upload that");
      }
    } catch (BookFormatException e) {
      return e;
    } catch (IOException | RuntimeException e) {
      return new BookFormatException("corrupt", "The Office file is damaged and cannot be opened");
    }
    return new BookFormatException("unsupported", "Old Word (.doc) files are not supported: "
        + "save it as .docx and upload that");
  }

  private static String unsupported(String ext, String what) {
    throw new BookFormatException("unsupported", "Unsupported file type "
        + (ext.isEmpty() ? "(none)" : "." + ext) + (what == null ? "" : " (" + what + ")")
        + ": upload .md, .txt, .fountain, .epub, .html, .pdf or .docx");
  }

  private Document epub(String fileName, byte[] content) {
    Epub epub = new Epub(content);
    Epub.Content meta = epub.metadata();
    ProseBuilder builder = new ProseBuilder(MAX_CHARS);
    epub.text(builder);
    String title = meta.title() != null ? meta.title() : FileTitle.fromFileName(fileName);
    Book book = builder.build(title, meta.author(), meta.language(),
        new Book.Source(fileName, "epub", "UTF-8"), List.of());
    return new Document(book, builder.text(), meta.cover(), meta.coverType());
  }

  private Document html(String fileName, byte[] content) {
    Html html = new Html(content);
    ProseBuilder builder = new ProseBuilder(MAX_CHARS);
    html.text(builder);
    String title = html.title() != null ? html.title() : FileTitle.fromFileName(fileName);
    Book book = builder.build(title, html.author(), html.language(),
        new Book.Source(fileName, "html", "UTF-8"), List.of());
    return new Document(book, builder.text(), null, null);
  }

  private Document pdf(String fileName, byte[] content) {
    try (Pdf pdf = new Pdf(content)) {
      ProseBuilder builder = new ProseBuilder(MAX_CHARS);
      pdf.text(builder);
      String title = pdf.title() != null ? pdf.title() : FileTitle.fromFileName(fileName);
      Book book = builder.build(title, pdf.author(), pdf.language(),
          new Book.Source(fileName, "pdf", null), List.of());
      return new Document(book, builder.text(), null, null);
    }
  }

  private Document docx(String fileName, byte[] content) {
    Docx docx = new Docx(content);
    ProseBuilder builder = new ProseBuilder(MAX_CHARS);
    docx.text(builder);
    String title = docx.title() != null ? docx.title() : FileTitle.fromFileName(fileName);
    Book book = builder.build(title, docx.author(), null,
        new Book.Source(fileName, "docx", "UTF-8"), List.of());
    return new Document(book, builder.text(), null, null);
  }

  // ---------------------------------------------------------------- sniffing helpers

  static String extension(String fileName) {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT).strip();
    int dot = name.lastIndexOf('.');
    return dot >= 0 && dot > name.lastIndexOf('/') ? name.substring(dot + 1) : "";
  }

  private static boolean startsWith(byte[] b, String magic) {
    if (b.length < magic.length()) {
      return false;
    }
    for (int i = 0; i < magic.length(); i++) {
      if (b[i] != (byte) magic.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** PDF readers accept a header a little way in (after junk some tools prepend). */
  private static boolean startsWithWithin(byte[] b, String magic, int window) {
    String head = new String(b, 0, Math.min(b.length, window), StandardCharsets.ISO_8859_1);
    return head.contains(magic);
  }

  private static boolean looksLikeHtml(byte[] b) {
    String head = new String(b, 0, Math.min(b.length, 1024), StandardCharsets.ISO_8859_1)
        .stripLeading().toLowerCase(Locale.ROOT);
    if (head.startsWith("\u00ef\u00bb\u00bf")) {
      head = head.substring(3).stripLeading();
    }
    return head.startsWith("<!doctype html") || head.startsWith("<html")
        || (head.startsWith("<?xml") && head.contains("<html"));
  }
}
