package com.etoaudiobook.local;

import com.etoaudiobook.audio.Ffmpeg;
import com.etoaudiobook.job.assembly.Pauses;
import com.etoaudiobook.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `convert` speaks each chapter's title first, as a published audiobook does; `--no-chapter-titles` does not. */
class ChapterTitlesCliTest {
  @TempDir
  Path dir;

  private static final List<String> TITLES = List.of("The First Room", "The Second Room");

  private Path book() throws Exception {
    Path file = dir.resolve("rooms.md");
    Files.writeString(file, """
        # The Two Rooms

        ## %s

        The lamp was lit and the kettle sang. Nobody came to the door that night.

        ## %s

        Rain fell on the roof for hours. In the morning the garden was a lake.
        """.formatted(TITLES.get(0), TITLES.get(1)));
    return file;
  }

  @Test
  void eachChapterStartsWithItsTitleReadByTheNarrator() throws Exception {
    Path out = dir.resolve("out");
    CliTest.Run r = CliTest.run("convert", book().toString(), "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode manifest = Json.MAPPER.readTree(out.resolve("manifest.json").toFile());
    List<Object[]> marks = Ffmpeg.chapters(Path.of(r.out().strip()));
    assertEquals(2, marks.size());
    String captions = Files.readString(out.resolve("captions.vtt"));
    for (int c = 0; c < 2; c++) {
      List<JsonNode> segments = inChapter(manifest, c);
      JsonNode title = segments.get(0);
      assertEquals(TITLES.get(c), title.get("text").asText(), "the chapter's first words are its title");
      assertEquals("Narrator", title.get("role").asText());
      assertTrue(title.get("words").size() >= 3, "the title is spoken word by word: " + title);
      // the chapter marker starts at the title, in the MP3 and in the manifest
      assertEquals(title.get("startMs").asLong() / 1000.0, (double) marks.get(c)[0], 0.002);
      assertEquals(title.get("startMs").asLong(), manifest.get("chapters").get(c).get("startMs").asLong());
      // then the chapter pause, then the text
      long gap = segments.get(1).get("startMs").asLong() - title.get("endMs").asLong();
      assertEquals(Pauses.DEFAULT.chapterMs(), gap, 30, "the chapter pause follows the title");
      assertTrue(segments.get(1).get("text").asText().startsWith(c == 0 ? "The lamp" : "Rain"));
      int cue = captions.indexOf(">" + TITLES.get(c) + "\n");
      assertTrue(cue > 0 && cue < captions.indexOf(c == 0 ? ">The lamp" : ">Rain"), captions);
    }
  }

  @Test
  void noChapterTitlesLeavesThemOut() throws Exception {
    Path out = dir.resolve("plain");
    CliTest.Run r = CliTest.run("convert", book().toString(), "--no-chapter-titles", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode manifest = Json.MAPPER.readTree(out.resolve("manifest.json").toFile());
    assertEquals(2, manifest.get("segments").size(), "no title parts: " + manifest.get("segments"));
    for (JsonNode s : manifest.get("segments")) {
      assertFalse(TITLES.contains(s.get("text").asText()));
    }
    assertFalse(Files.readString(out.resolve("captions.vtt")).contains("Room"));
    List<Object[]> marks = Ffmpeg.chapters(Path.of(r.out().strip()));
    assertEquals(inChapter(manifest, 1).get(0).get("startMs").asLong() / 1000.0, (double) marks.get(1)[0], 0.002);
  }

  private static List<JsonNode> inChapter(JsonNode manifest, int chapter) {
    List<JsonNode> list = new ArrayList<>();
    manifest.get("segments").forEach(s -> {
      if (s.get("chapter").asInt() == chapter) {
        list.add(s);
      }
    });
    return list;
  }
}
