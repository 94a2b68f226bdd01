package com.etoaudiobook.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes an ID3v2.3 tag: title, author, album, genre, language, cover, and CHAP/CTOC chapter
 * frames (ID3v2 Chapter Frame Addendum). v2.3 because it is the version every player reads;
 * text is UTF-16 with a BOM so any language survives.
 */
public final class Id3Tag {
  /** A chapter: title and [start, end) in ms. */
  public record ChapterMark(String title, long startMs, long endMs) {
  }

  /** @param cover JPEG or PNG bytes, or null */
  public record Tags(String title, String author, String language, byte[] cover, List<ChapterMark> chapters) {
  }

  private Id3Tag() {
  }

  public static byte[] build(Tags tags) {
    try {
      ByteArrayOutputStream frames = new ByteArrayOutputStream();
      text(frames, "TIT2", tags.title());
      text(frames, "TALB", tags.title());
      text(frames, "TPE1", tags.author());
      text(frames, "TCON", "Audiobook");
      if (tags.language() != null && tags.language().length() >= 2) {
        text(frames, "TLAN", iso639_2(tags.language()));
      }
      if (tags.cover() != null && tags.cover().length > 0) {
        frames.write(frame("APIC", picture(tags.cover())));
      }
      List<ChapterMark> chapters = tags.chapters();
      // CTOC holds at most 255 entries; longer books keep the first 255 as markers.
      int count = Math.min(chapters.size(), 255);
      if (count > 0) {
        ByteArrayOutputStream toc = new ByteArrayOutputStream();
        toc.write("toc".getBytes(StandardCharsets.ISO_8859_1));
        toc.write(0);
        toc.write(0x03); // top-level, ordered
        toc.write(count);
        for (int i = 0; i < count; i++) {
          toc.write(("chp" + i).getBytes(StandardCharsets.ISO_8859_1));
          toc.write(0);
        }
        toc.write(frame("TIT2", textPayload("Chapters")));
        frames.write(frame("CTOC", toc.toByteArray()));
        for (int i = 0; i < count; i++) {
          ChapterMark c = chapters.get(i);
          ByteArrayOutputStream chap = new ByteArrayOutputStream();
          chap.write(("chp" + i).getBytes(StandardCharsets.ISO_8859_1));
          chap.write(0);
          int32(chap, c.startMs());
          int32(chap, c.endMs());
          int32(chap, 0xFFFFFFFFL); // byte offsets unused: times are authoritative
          int32(chap, 0xFFFFFFFFL);
          chap.write(frame("TIT2", textPayload(c.title())));
          frames.write(frame("CHAP", chap.toByteArray()));
        }
      }
      byte[] body = frames.toByteArray();
      ByteArrayOutputStream tag = new ByteArrayOutputStream(body.length + 10);
      tag.write(new byte[] {'I', 'D', '3', 3, 0, 0});
      int size = body.length;
      tag.write((size >> 21) & 0x7F);
      tag.write((size >> 14) & 0x7F);
      tag.write((size >> 7) & 0x7F);
      tag.write(size & 0x7F);
      tag.write(body);
      return tag.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void text(ByteArrayOutputStream out, String id, String value) throws IOException {
    if (value != null && !value.isBlank()) {
      out.write(frame(id, textPayload(value)));
    }
  }

  private static byte[] textPayload(String value) {
    byte[] utf16 = value.getBytes(StandardCharsets.UTF_16LE);
    byte[] payload = new byte[3 + utf16.length];
    payload[0] = 1; // UTF-16 with BOM
    payload[1] = (byte) 0xFF;
    payload[2] = (byte) 0xFE;
    System.arraycopy(utf16, 0, payload, 3, utf16.length);
    return payload;
  }

  private static byte[] picture(byte[] image) throws IOException {
    boolean png = image.length > 4 && image[0] == (byte) 0x89 && image[1] == 'P';
    ByteArrayOutputStream p = new ByteArrayOutputStream(image.length + 32);
    p.write(0);
    p.write((png ? "image/png" : "image/jpeg").getBytes(StandardCharsets.ISO_8859_1));
    p.write(0);
    p.write(3); // front cover
    p.write(0); // empty description
    p.write(image);
    return p.toByteArray();
  }

  private static byte[] frame(String id, byte[] payload) throws IOException {
    ByteArrayOutputStream f = new ByteArrayOutputStream(payload.length + 10);
    f.write(id.getBytes(StandardCharsets.ISO_8859_1));
    int32(f, payload.length);
    f.write(0);
    f.write(0);
    f.write(payload);
    return f.toByteArray();
  }

  private static void int32(ByteArrayOutputStream out, long v) {
    out.write((int) (v >> 24) & 0xFF);
    out.write((int) (v >> 16) & 0xFF);
    out.write((int) (v >> 8) & 0xFF);
    out.write((int) v & 0xFF);
  }

  private static String iso639_2(String bcp47) {
    String primary = bcp47.split("[-_]")[0].toLowerCase(java.util.Locale.ROOT);
    try {
      return java.util.Locale.forLanguageTag(primary).getISO3Language();
    } catch (java.util.MissingResourceException e) {
      return "und";
    }
  }
}
