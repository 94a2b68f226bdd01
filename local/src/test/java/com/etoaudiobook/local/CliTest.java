package com.etoaudiobook.local;

import com.etoaudiobook.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliTest {
  @TempDir
  Path dir;

  record Run(int code, String out, String err) {
  }

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(args);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void parseJsonGivesRolesAndSourceOffsets() throws Exception {
    Path file = Samples.file("plain-script.txt");
    Run r = run("parse", file.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode book = Json.MAPPER.readTree(r.out());
    String source = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).substring(1); // BOM
    for (JsonNode chapter : book.get("chapters")) {
      for (JsonNode s : chapter.get("segments")) {
        String span = source.substring(s.get("start").asInt(), s.get("end").asInt());
        String firstWord = s.get("text").asText().split("\\s+")[0];
        assertTrue(span.contains(firstWord), span + " / " + firstWord);
      }
    }
    assertEquals("ZOË", book.get("roles").get(1).get("name").asText());
  }

  @Test
  void unknownVoiceIsAClearErrorWithExitCode2() {
    Run r = run("convert", Samples.file("demo-story.md").toString(), "--voice", "Wren=klingon-x", "--out",
        dir.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("Unknown voice 'klingon-x'"), r.err());
  }

  /** A setting read from the environment (here as its system property: MAX_RECEIVE_COUNT=abc) stops the CLI. */
  @Test
  void anInvalidSettingIsAClearErrorWithExitCode2() {
    System.setProperty("max.receive-count", "abc");
    try {
      Run r = run("convert", Samples.file("demo-story.md").toString(), "--out", dir.toString());
      assertEquals(2, r.code(), r.err());
      assertTrue(r.err().contains("invalid setting: MAX_RECEIVE_COUNT (receiveCount) must be a whole number"), r.err());
    } finally {
      System.clearProperty("max.receive-count");
    }
  }

  /** LOUDNESS_TARGET_LUFS (as its system property) is checked before any part is made, with its name. */
  @Test
  void anInvalidLoudnessTargetIsAClearErrorWithExitCode2() {
    System.setProperty("loudness.target-lufs", "-50");
    try {
      Run r = run("convert", Samples.file("demo-story.md").toString(), "--out", dir.toString());
      assertEquals(2, r.code(), r.err());
      assertTrue(r.err().contains("invalid setting: LOUDNESS_TARGET_LUFS (targetLufs)"), r.err());
    } finally {
      System.clearProperty("loudness.target-lufs");
    }
  }

  @Test
  void aPauseOutOfRangeIsAUsageErrorNotAnInternalOne() {
    Run r = run("convert", Samples.file("demo-story.md").toString(), "--pause-ms", "-5", "--out", dir.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("pause must be between 0 and 5000 ms (the maximum), got -5"), r.err());
    assertTrue(!r.err().contains("internal error"), r.err());
  }

  @Test
  void unknownRoleIsAClearErrorThatListsTheRoles() {
    Run r = run("convert", Samples.file("demo-story.md").toString(), "--voice", "Gandalf=en-us", "--out",
        dir.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("Unknown role 'Gandalf'") && r.err().contains("Keeper Ansel"), r.err());
  }

  @Test
  void missingFileDirectoryAndBadInputAreClearErrors() throws Exception {
    Run missing = run("parse", dir.resolve("nope.md").toString());
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("no such file"), missing.err());

    Run directory = run("parse", dir.toString());
    assertEquals(2, directory.code());
    assertTrue(directory.err().contains("is a directory"), directory.err());

    Path empty = dir.resolve("empty.md");
    Files.writeString(empty, "  \n\n ");
    Run e = run("parse", empty.toString());
    assertEquals(2, e.code());
    assertTrue(e.err().toLowerCase().contains("empty"), e.err());

    Path binary = dir.resolve("x.txt");
    Files.write(binary, new byte[] {0, 1, 2, 3, (byte) 0xFF, 0, 0, 7});
    Run b = run("parse", binary.toString());
    assertEquals(2, b.code());
    assertTrue(b.err().toLowerCase().contains("binary"), b.err());

    Run usage = run("convert");
    assertEquals(2, usage.code());
    Run option = run("convert", "x.md", "--volume", "11");
    assertEquals(2, option.code());
    assertTrue(option.err().contains("unknown option --volume"), option.err());
  }

  @Test
  void voicesCanBeFilteredByLanguageAndGender() throws Exception {
    Run r = run("voices", "--language", "en", "--gender", "female", "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode list = Json.MAPPER.readTree(r.out());
    assertTrue(list.size() >= 3);
    for (JsonNode v : list) {
      assertTrue(v.get("language").asText().toLowerCase().startsWith("en"));
      assertEquals("female", v.get("gender").asText());
    }
  }
}
