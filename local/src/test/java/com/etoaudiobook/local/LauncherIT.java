package com.etoaudiobook.local;

import com.etoaudiobook.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged launcher as a script uses it: stdout redirected to a file, stderr elsewhere. */
class LauncherIT {
  @TempDir
  Path dir;

  record Run(int code, String out, String err) {
  }

  private Run launch(String... args) throws IOException, InterruptedException {
    Path root = Path.of(System.getProperty("etoaudiobook.root", "..")).toAbsolutePath().normalize();
    List<String> command = new ArrayList<>(List.of(root.resolve("etoaudiobook").toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "stdout", ".txt");
    Path err = Files.createTempFile(dir, "stderr", ".txt");
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.environment().put("ETOAUDIOBOOK_HOME", dir.resolve("home").toString());
    pb.environment().put("ETOAUDIOBOOK_SKIP_BUILD", "1"); // failsafe runs right after `package`
    Process p = pb.start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new AssertionError("launcher did not finish: " + Files.readString(err));
    }
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void convertPrintsOnlyTheAudiobooksPathOnStdout() throws Exception {
    Path outDir = dir.resolve("book");
    Run r = launch("convert", Samples.file("demo-story.md").toString(), "--out", outDir.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().endsWith("\n") && r.out().lines().count() == 1, "one line on stdout: [" + r.out() + "]");
    Path audiobook = Path.of(r.out().strip());
    assertTrue(Files.isRegularFile(audiobook) && audiobook.startsWith(outDir) && audiobook.toString().endsWith(".mp3"),
        "stdout names the audiobook: " + r.out());
    // quiet by default: no log lines, and no carriage returns when stderr is a file
    assertFalse(r.err().contains("Cache miss") || r.err().contains("INFO"), r.err());
    assertFalse(r.err().contains("\r"), "a terminal's redraws in a file: " + r.err());
    assertTrue(r.err().lines().anyMatch(l -> l.matches("\\d+/\\d+ parts \\(100%\\).*")), r.err());

    // --verbose logs, still on stderr; the rerun is served from the cache
    Run verbose = launch("convert", Samples.file("demo-story.md").toString(), "--out", outDir.toString(), "--verbose");
    assertEquals(0, verbose.code(), verbose.err());
    assertEquals(r.out(), verbose.out());
    assertTrue(verbose.err().contains("Cache hit: tts"), verbose.err());
  }

  @Test
  void parseJsonIsTheOnlyThingOnStdout() throws Exception {
    Run r = launch("parse", Samples.file("demo-story.md").toString(), "--json");
    assertEquals(0, r.code(), r.err());
    assertTrue(Json.MAPPER.readTree(r.out()).get("chapters").size() > 0, r.out());
  }

  @Test
  void badInputIsAMessageOnStderrAndExitCode2() throws Exception {
    Run r = launch("convert", dir.resolve("missing.md").toString());
    assertEquals(2, r.code(), r.err());
    assertEquals("", r.out());
    assertTrue(r.err().contains("no such file"), r.err());
  }
}
