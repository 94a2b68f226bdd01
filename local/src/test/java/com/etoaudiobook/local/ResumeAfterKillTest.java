package com.etoaudiobook.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runtime process is killed (SIGKILL) in the middle of a job; started again, it finishes the job. */
class ResumeAfterKillTest {
  @TempDir
  Path dir;

  private Process serve(int port, Path data, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(List.of(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
        "com.etoaudiobook.local.Main", "serve", "--port", Integer.toString(port), "--data", data.toString()))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void awaitHealthy(Http http, Process p, Path log) throws Exception {
    // a quiet machine starts it in about 3 s; at load 18 on 2 cores the launcher took 30 s and this
    // test's JVM over 60: a wait, so a generous bound costs nothing when it is fast
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new AssertionError("runtime exited: " + Files.readString(log));
      }
      try {
        if (http.get("health").status() == 200) {
          return;
        }
      } catch (IllegalStateException notYet) {
        // connection refused while starting
      }
      Thread.sleep(250);
    }
    throw new AssertionError("runtime did not start: " + Files.readString(log));
  }

  @Test
  void aJobInterruptedByAKillResumesWhenTheRuntimeStartsAgain() throws Exception {
    int port = freePort();
    Path data = dir.resolve("data");
    Path log = dir.resolve("serve.log");
    Http http = new Http(URI.create("http://127.0.0.1:" + port + "/"));
    Process first = serve(port, data, log);
    String jobId;
    int total;
    try {
      awaitHealthy(http, first, log);
      StringBuilder script = new StringBuilder("# Long night\n\n");
      for (int i = 0; i < 150; i++) {
        script.append("**").append(i % 3 == 0 ? "Ann" : i % 3 == 1 ? "Bob" : "Cy").append(":** This is line ")
            .append(i).append(", and it says a little more than it needs to, as people do at night.\n\n");
      }
      String uploadId = http.upload("long.md", script.toString().getBytes());
      String bookId = http.post("api/books", "{\"uploadId\":\"" + uploadId + "\"}").json().get("id").asText();
      JsonNode job = http.post("api/jobs", "{\"bookId\":\"" + bookId + "\"}").json();
      jobId = job.get("id").asText();
      total = job.get("parts").get("total").asInt();
      // kill it once some, but not all, parts are done
      http.until("api/jobs/" + jobId, j -> j.get("parts").get("done").asInt() >= 5, Duration.ofSeconds(60));
    } finally {
      first.destroyForcibly().waitFor();
    }
    Process second = serve(port, data, log);
    try {
      awaitHealthy(http, second, log);
      JsonNode atRestart = http.get("api/jobs/" + jobId).json();
      // the kill must have interrupted the job, or this test proves nothing about resuming
      assertTrue(atRestart.get("parts").get("done").asInt() < total, atRestart.toString());
      assertTrue(!atRestart.get("state").asText().equals("DONE"), atRestart.toString());
      JsonNode done = http.until("api/jobs/" + jobId, j -> j.get("state").asText().equals("DONE"),
          Duration.ofSeconds(120));
      assertEquals(total, done.get("parts").get("done").asInt());
      assertEquals(0, done.get("parts").get("failed").asInt());
      // storage kept its port, so presigned links handed out by the first run still work
      List<String> storage = Files.readAllLines(log).stream().filter(l -> l.contains("S3 (proxy)"))
          .map(l -> l.replaceAll(".*(http://\\S+).*", "$1")).toList();
      assertEquals(2, storage.size(), storage.toString());
      assertEquals(storage.get(0), storage.get(1));
    } finally {
      second.destroy();
      second.waitFor();
    }
  }
}
