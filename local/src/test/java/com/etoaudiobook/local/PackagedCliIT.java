package com.etoaudiobook.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.etoaudiobook.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped launcher, as a user runs it, on a real file of every format: runs after `package`
 * (failsafe), so a class-path conflict in the packaged CLI (commons-io for POI) fails here.
 */
class PackagedCliIT {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "alice-epub3.epub   | Alice was beginning to get very tired of sitting by her sister",
      "sherlock-holmes.htm | To Sherlock Holmes she is always the woman.",
      "sherlock-holmes.txt | To Sherlock Holmes she is always THE woman.",
      "freeculture.pdf    | American comics were born out of copying each other.",
      "heading123.docx    | Second paragraph"})
  void everyFormatParsesThroughTheLauncher(String file, String expected) throws Exception {
    Path repo = Path.of("").toAbsolutePath();
    while (!Files.isRegularFile(repo.resolve("etoaudiobook"))) {
      repo = repo.getParent();
    }
    Path book = DevBooks.file(file);
    Path out = Files.createTempFile("cli-", ".json");
    Path err = Files.createTempFile("cli-", ".err");
    try {
      ProcessBuilder pb = new ProcessBuilder("bash", repo.resolve("etoaudiobook").toString(), "parse",
          book.toString(), "--json").redirectOutput(out.toFile()).redirectError(err.toFile());
      pb.environment().put("ETOAUDIOBOOK_SKIP_BUILD", "1"); // failsafe runs right after `package`
      Process p = pb.start();
      assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the launcher did not finish");
      String stderr = Files.readString(err, StandardCharsets.UTF_8);
      assertEquals(0, p.exitValue(), stderr);
      assertFalse(stderr.contains("Exception") || stderr.contains("Error:"), stderr);
      JsonNode parsed = Json.MAPPER.readTree(out.toFile());
      StringBuilder all = new StringBuilder();
      for (JsonNode chapter : parsed.get("chapters")) {
        all.append(chapter.path("title").asText()).append('\n');
        for (JsonNode s : chapter.get("segments")) {
          all.append(s.get("text").asText()).append(' ');
        }
      }
      String text = all.toString().replaceAll("\\s+", " ");
      assertTrue(text.contains(expected), file + ": \"" + expected + "\" not in the parse");
    } finally {
      delete(out);
      delete(err);
    }
  }

  private static void delete(Path p) throws IOException {
    Files.deleteIfExists(p);
  }
}
