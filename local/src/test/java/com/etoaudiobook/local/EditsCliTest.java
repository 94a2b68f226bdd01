package com.etoaudiobook.local;

import com.etoaudiobook.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --edits FILE} on parse and convert: the API's operations, and exit 2 on a bad one. */
class EditsCliTest {
  private static final Pattern COUNTS = Pattern.compile("(\\d+) parts \\((\\d+) synthesized, (\\d+) from cache\\)");

  @TempDir
  Path dir;

  /** A script no earlier run has cached: every line carries this run's nonce. */
  private Path script() throws Exception {
    String nonce = UUID.randomUUID().toString().substring(0, 8);
    Path file = dir.resolve("story.md");
    Files.writeString(file, """
        # One

        **Ada:** First line %1$s.

        **Ben:** Second line %1$s.

        **Ada:** Third line %1$s.

        **Ben:** Fourth line %1$s.
        """.formatted(nonce));
    return file;
  }

  private static int[] counts(CliTest.Run r) {
    Matcher m = COUNTS.matcher(r.err());
    assertTrue(m.find(), r.err());
    return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
  }

  @Test
  void parseShowsTheEditedBookAndConvertResynthesizesOnlyTheMovedLine() throws Exception {
    Path story = script();
    Path edits = dir.resolve("edits.json");
    Files.writeString(edits, """
        {"operations": [{"op": "rename", "role": "Ben", "to": "Benedict"},
                        {"op": "move", "segments": [2], "to": "Clara"}]}""");

    CliTest.Run parsed = CliTest.run("parse", story.toString(), "--json", "--edits", edits.toString());
    assertEquals(0, parsed.code(), parsed.err());
    List<String> roles = new ArrayList<>();
    Json.MAPPER.readTree(parsed.out()).get("chapters").get(0).get("segments")
        .forEach(s -> roles.add(s.get("role").asText()));
    assertEquals(List.of("Ada", "Benedict", "Clara", "Benedict"), roles);

    CliTest.Run first = CliTest.run("convert", story.toString(), "--out", dir.resolve("a").toString());
    assertEquals(0, first.code(), first.err());
    assertEquals(4, counts(first)[1], "a new text: every part is synthesized");

    CliTest.Run second = CliTest.run("convert", story.toString(), "--edits", edits.toString(),
        "--out", dir.resolve("b").toString());
    assertEquals(0, second.code(), second.err());
    assertTrue(second.err().contains("Clara"), second.err());
    int[] c = counts(second);
    // the renamed role keeps its voice; only the line moved to a new role is spoken again
    assertEquals(List.of(4, 1, 3), List.of(c[0], c[1], c[2]), second.err());
  }

  @Test
  void badEditsExitWith2AndSayWhatWasWrong() throws Exception {
    Path story = script();
    assertBad(story, "[{\"op\": \"merge\", \"from\": \"Zed\", \"into\": \"Ada\"}]",
        "operation 1 (merge): unknown role 'Zed'; roles are Ada, Ben");
    assertBad(story, "{\"operations\": [{\"op\": \"narrate\", \"segments\": [4]}]}",
        "segment 4 is out of range: the book has segments 0 to 3");
    assertBad(story, "{\"operations\": [{\"op\": \"rename\", \"role\": \"Ada\", \"to\": \"\"}]}",
        "to is empty: a role needs a name");
    assertBad(story, "{\"ops\": []}", "expected {\"operations\": [...]} or a list of operations");
    assertBad(story, "{\"operations\": [", "not valid JSON");
    CliTest.Run missing = CliTest.run("convert", story.toString(), "--edits", dir.resolve("none.json").toString());
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("--edits: no such file"), missing.err());
  }

  private void assertBad(Path story, String json, String says) throws Exception {
    Path edits = dir.resolve("bad.json");
    Files.writeString(edits, json);
    CliTest.Run r = CliTest.run("convert", story.toString(), "--edits", edits.toString(), "--out",
        dir.resolve("x").toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains(says), r.err());
    assertTrue(r.out().isEmpty(), r.out());
  }
}
