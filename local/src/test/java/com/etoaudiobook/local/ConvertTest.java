package com.etoaudiobook.local;

import com.etoaudiobook.audio.AudioFormats;
import com.etoaudiobook.audio.Ffmpeg;
import com.etoaudiobook.audio.Mp3Frames;
import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.ScriptParser;
import com.etoaudiobook.book.Segment;
import com.etoaudiobook.engine.espeak.EspeakEngine;
import com.etoaudiobook.job.JobOptions;
import com.etoaudiobook.job.assembly.Pauses;
import com.etoaudiobook.json.Json;
import com.etoaudiobook.storage.FileBlobStore;
import com.etoaudiobook.voice.AutoCaster;
import com.etoaudiobook.voice.Casting;
import com.etoaudiobook.formats.DocumentParser;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Converts demo-story.md with the real engine and checks the result with a real decoder. */
class ConvertTest {
  static int indexOf(byte[] data, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= data.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @TempDir
  Path dir;

  @Test
  void demoStoryBecomesAnAudiobookWithExactChapters() throws Exception {
    Book book = new ScriptParser().parse("demo-story.md", Files.readAllBytes(Samples.file("demo-story.md")));
    EspeakEngine engine = EspeakEngine.instance();
    Casting casting = new AutoCaster(engine.voices(), List.of("en-gb-x-rp")).cast(book, Map.of());
    Set<String> voices = new HashSet<>();
    casting.roles().values().forEach(a -> voices.add(a.voiceId()));
    assertEquals(4, voices.size(), "each role its own voice: " + casting);

    Pauses pauses = new Pauses(250, 600, 1500);
    Path out = dir.resolve("out");
    // a real book's cover (the EPUB's JPEG) goes into the tag as its picture
    byte[] cover = new DocumentParser().cover("alice-epub3.epub",
        Files.readAllBytes(DevBooks.file("alice-epub3.epub")));
    // titles off: the arithmetic below is over the book's own segments (ChapterTitlesCliTest has them on)
    Converter.Result result = new Converter(new FileBlobStore(dir.resolve("work")), engine, 3).cover(cover)
        .segmentFiles(true).convert(book, casting, new JobOptions(pauses, null, false), out, done -> { }, total -> { });
    // the job's own files left with the conversion (its folder renamed into the trash), the cache stays
    for (String folder : List.of("jobs", "index/running")) {
      Path left = dir.resolve("work").resolve(folder);
      if (Files.exists(left)) {
        try (var files = Files.walk(left)) {
          assertEquals(List.of(), files.filter(Files::isRegularFile).toList(), folder + " after the conversion");
        }
      }
    }
    byte[] audio = Files.readAllBytes(result.audiobook());
    int apic = indexOf(audio, "APIC".getBytes(StandardCharsets.ISO_8859_1));
    assertTrue(apic > 0 && indexOf(audio, Arrays.copyOf(cover, 64)) > apic, "the cover is the tag's picture");

    // every segment file exists and decodes
    List<Segment> segments = book.segments().toList();
    long segmentFrames = 0;
    for (Segment s : segments) {
      Path f = out.resolve(String.format("segments/%06d.mp3", s.index()));
      assertTrue(Files.isRegularFile(f), "segment file " + f);
      segmentFrames += Mp3Frames.count(Files.readAllBytes(f)).frames();
    }
    // the pauses the book's structure asks for
    long pauseFrames = 0;
    for (int i = 1; i < segments.size(); i++) {
      Segment a = segments.get(i - 1), b = segments.get(i);
      int ms = a.chapter() != b.chapter() ? pauses.chapterMs()
          : a.paragraph() != b.paragraph() ? pauses.paragraphMs() : pauses.segmentMs();
      pauseFrames += AudioFormats.millisToFrames(ms);
    }
    double expected = AudioFormats.framesToSeconds(segmentFrames + pauseFrames);
    Path mp3 = result.audiobook();
    double frame = 576.0 / 22050;
    assertEquals(expected, Ffmpeg.duration(mp3), frame, "duration = parts + pauses");
    assertEquals(expected, Ffmpeg.decodedSamples(mp3) / 22050.0, frame, "decoded length = parts + pauses");
    assertTrue(expected > 20, "a real reading, not silence: " + expected);

    // two chapters, the second starting where its first segment starts
    List<Object[]> chapters = Ffmpeg.chapters(mp3);
    assertEquals(2, chapters.size());
    assertEquals("Chapter 1: The Storm", chapters.get(0)[2]);
    assertEquals("Chapter 2: The Bargain", chapters.get(1)[2]);
    JsonNode manifest = Json.MAPPER.readTree(out.resolve("manifest.json").toFile());
    int firstOfTwo = segments.stream().filter(s -> s.chapter() == 1).findFirst().orElseThrow().index();
    long chapterTwoMs = manifest.get("segments").get(firstOfTwo).get("startMs").asLong();
    assertEquals(chapterTwoMs / 1000.0, (double) chapters.get(1)[0], 0.002);
    long framesBefore = 0;
    for (Segment s : segments) {
      if (s.index() == firstOfTwo) {
        break;
      }
      framesBefore += Mp3Frames.count(Files.readAllBytes(out.resolve(String.format("segments/%06d.mp3", s.index()))))
          .frames();
    }
    long pausesBefore = 0;
    for (int i = 1; i <= firstOfTwo; i++) {
      Segment a = segments.get(i - 1), b = segments.get(i);
      pausesBefore += AudioFormats.millisToFrames(a.chapter() != b.chapter() ? pauses.chapterMs()
          : a.paragraph() != b.paragraph() ? pauses.paragraphMs() : pauses.segmentMs());
    }
    assertEquals(AudioFormats.framesToSeconds(framesBefore + pausesBefore), (double) chapters.get(1)[0], 0.002);

    // read-along: word marks point at words of the segment text, in time order
    JsonNode seg = manifest.get("segments").get(1);
    String text = seg.get("text").asText();
    long last = -1;
    for (JsonNode w : seg.get("words")) {
      String word = text.substring(w.get(0).asInt(), w.get(1).asInt());
      assertTrue(word.matches("[\\p{L}\\p{N}'’-]+"), "word mark on '" + word + "'");
      assertTrue(w.get(2).asLong() >= last);
      last = w.get(2).asLong();
    }
    assertTrue(Files.readString(out.resolve("captions.vtt")).startsWith("WEBVTT"));

    // a second run is served from the synthesis cache
    Converter.Result again = new Converter(new FileBlobStore(dir.resolve("work")), engine, 3)
        .convert(book, casting, new JobOptions(pauses, null, false), dir.resolve("out2"), done -> { }, total -> { });
    assertEquals(again.parts(), again.cached());
    assertEquals(0, again.synthesized());
    // without segmentFiles (the CLI's default): the book and its texts, no file per segment
    assertFalse(Files.exists(dir.resolve("out2/segments")), "no segment files unless asked for");
    JsonNode manifest2 = Json.MAPPER.readTree(dir.resolve("out2/manifest.json").toFile());
    assertEquals(segments.size(), manifest2.get("segments").size());
    manifest2.get("segments").forEach(s -> assertFalse(s.has("audio"), "no file to name: " + s));
    assertEquals(Mp3Frames.count(Files.readAllBytes(result.audiobook())).frames(),
        Mp3Frames.count(Files.readAllBytes(again.audiobook())).frames(), "the same book");
  }
}
