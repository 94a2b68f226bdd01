package com.etoaudiobook.lexicon;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a lexicon file: the simple text format, or W3C PLS 1.0 (told apart by a leading '<').
 *
 * <p>The text format, one entry a line; blank lines and lines starting with '#' are ignored:
 * <pre>
 * Giovanelli = jo-va-NEL-lee     # a respelling: read as if it were written so
 * Ahab = /ˈeɪhæb/                # IPA between slashes
 * Ahab /ˈeɪhæb/                  # the same, without '='
 * </pre>
 */
public final class LexiconFormat {
  /** Larger files are refused before reading: a lexicon is a list of names, not a book. */
  public static final long MAX_FILE_BYTES = 1 << 20;
  private static final String PLS_NS = "http://www.w3.org/2005/01/pronunciation-lexicon";

  private LexiconFormat() {
  }

  /** Reads a file; a problem names the file (and the line) in the exception's message. */
  public static Lexicon read(Path file) {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new LexiconException(file + ": a lexicon file is at most " + MAX_FILE_BYTES + " bytes");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new LexiconException("cannot read the lexicon " + file + ": " + e.getMessage(), e);
    }
    return read(file.toString(), bytes);
  }

  /** Reads a lexicon's bytes (UTF-8, either format); a problem names {@code name} (and the line). */
  public static Lexicon read(String name, byte[] bytes) {
    if (bytes.length > MAX_FILE_BYTES) {
      throw new LexiconException(name + ": a lexicon file is at most " + MAX_FILE_BYTES + " bytes");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new LexiconException(name + ": a lexicon file must be UTF-8 text", e);
    }
    try {
      return parse(text);
    } catch (LexiconException e) {
      throw new LexiconException(name + ": " + e.getMessage(), e);
    }
  }

  /** Parses either format. */
  public static Lexicon parse(String text) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    return body.stripLeading().startsWith("<") ? parsePls(body) : parseText(body);
  }

  static Lexicon parseText(String text) {
    List<Lexicon.Entry> entries = new ArrayList<>();
    String[] lines = text.split("\r?\n|\r", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = stripComment(lines[i]).strip();
      if (line.isEmpty()) {
        continue;
      }
      try {
        entries.add(entry(line));
      } catch (LexiconException e) {
        throw new LexiconException("line " + (i + 1) + ": " + e.getMessage());
      }
      if (entries.size() > Lexicon.MAX_ENTRIES) {
        throw new LexiconException("a lexicon holds at most " + Lexicon.MAX_ENTRIES + " entries");
      }
    }
    return new Lexicon(entries);
  }

  /** One line: {@code word = respelling}, {@code word = /ipa/} or {@code word /ipa/}. */
  private static Lexicon.Entry entry(String line) {
    int eq = line.indexOf('=');
    String word;
    String said;
    if (eq >= 0) {
      word = line.substring(0, eq);
      said = line.substring(eq + 1).strip();
    } else {
      int slash = line.indexOf('/');
      if (slash < 0) {
        throw new LexiconException("expected 'word = respelling' or 'word /ipa/', got '" + shorten(line) + "'");
      }
      word = line.substring(0, slash);
      said = line.substring(slash).strip();
    }
    if (said.isEmpty()) {
      throw new LexiconException("'" + shorten(word.strip()) + "' has no pronunciation after it");
    }
    if (said.startsWith("/")) {
      if (said.length() < 3 || !said.endsWith("/")) {
        throw new LexiconException("IPA must stand between two slashes, as in /ˈeɪhæb/; got '" + shorten(said) + "'");
      }
      return Lexicon.Entry.ipa(word, said.substring(1, said.length() - 1));
    }
    return Lexicon.Entry.respelled(word, said);
  }

  private static String stripComment(String line) {
    // '#' starts a comment at the start of a line or after whitespace (IPA never uses it)
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  /** W3C Pronunciation Lexicon Specification 1.0: lexemes with graphemes and a phoneme (IPA) or an alias. */
  static Lexicon parsePls(String xml) {
    Element root = parseXml(xml).getDocumentElement();
    if (!"lexicon".equals(localName(root))) {
      throw new LexiconException("a PLS lexicon's root element is <lexicon>, not <" + localName(root) + ">");
    }
    String alphabet = root.getAttribute("alphabet").strip().toLowerCase(Locale.ROOT);
    List<Lexicon.Entry> entries = new ArrayList<>();
    for (Element lexeme : children(root, "lexeme")) {
      List<Element> graphemes = children(lexeme, "grapheme");
      List<Element> phonemes = children(lexeme, "phoneme");
      List<Element> aliases = children(lexeme, "alias");
      if (graphemes.isEmpty()) {
        throw new LexiconException("a <lexeme> has no <grapheme>");
      }
      if (phonemes.isEmpty() && aliases.isEmpty()) {
        throw new LexiconException("the lexeme '" + shorten(graphemes.get(0).getTextContent().strip())
            + "' has neither <phoneme> nor <alias>");
      }
      for (Element g : graphemes) {
        String word = g.getTextContent();
        if (!phonemes.isEmpty()) {
          Element p = phonemes.get(0);
          String a = p.hasAttribute("alphabet") ? p.getAttribute("alphabet").strip().toLowerCase(Locale.ROOT) : alphabet;
          if (!a.equals("ipa")) {
            throw new LexiconException("the lexeme '" + shorten(word.strip()) + "' uses the alphabet '" + a
                + "'; only IPA is supported (or use <alias>)");
          }
          entries.add(Lexicon.Entry.ipa(word, p.getTextContent()));
        } else {
          entries.add(Lexicon.Entry.respelled(word, aliases.get(0).getTextContent()));
        }
        if (entries.size() > Lexicon.MAX_ENTRIES) {
          throw new LexiconException("a lexicon holds at most " + Lexicon.MAX_ENTRIES + " entries");
        }
      }
    }
    return new Lexicon(entries);
  }

  private static Document parseXml(String xml) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      // no DTDs and no external entities: a lexicon file cannot make the parser read other files
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
        @Override
        public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXParseException {
          throw e; // instead of printing to stderr
        }

        @Override
        public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXParseException {
          throw e;
        }
      });
      return b.parse(new InputSource(new StringReader(xml)));
    } catch (Exception e) {
      throw new LexiconException("not a well-formed PLS (XML) lexicon: " + e.getMessage(), e);
    }
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node n = nodes.item(i);
      if (n instanceof Element e && name.equals(localName(e))) {
        out.add(e);
      }
    }
    return out;
  }

  private static String localName(Element e) {
    String ns = e.getNamespaceURI();
    if (ns != null && !ns.equals(PLS_NS)) {
      return "{" + ns + "}" + e.getLocalName();
    }
    return e.getLocalName() == null ? e.getTagName() : e.getLocalName();
  }

  private static String shorten(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
