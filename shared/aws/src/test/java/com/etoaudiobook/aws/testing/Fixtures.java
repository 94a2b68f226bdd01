package com.etoaudiobook.aws.testing;

import com.etoaudiobook.aws.UrlSigner;
import com.etoaudiobook.engine.SpeechEngine;
import com.etoaudiobook.engine.espeak.EspeakEngine;
import com.etoaudiobook.job.WorkQueue;
import com.etoaudiobook.storage.FileBlobStore;
import io.micronaut.context.ApplicationContext;
import com.etoaudiobook.aws.wiring.BeanGraph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Test fixtures shared by the function modules: the repository's root and the bean graph over a folder. */
public final class Fixtures {
  private Fixtures() {
  }

  /** The repository root (where template.yaml is). */
  public static Path root() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("template.yaml"))) {
        return p;
      }
    }
    throw new IllegalStateException("repository root not found");
  }

  /**
   * The functions' bean graph over a folder store, eSpeak NG, and the given queue (the handlers'
   * logic, without S3/SQS); {@code env} holds settings by their environment variables' names
   * (and Micronaut properties, such as etoaudiobook.rate-limit.enabled, by theirs).
   */
  public static ApplicationContext context(Path dir, WorkQueue queue, Map<String, String> env) {
    return context(dir, queue, env, EspeakEngine.instance());
  }

  /** The same over another engine (Polly on a {@link FakePolly}). */
  public static ApplicationContext context(Path dir, WorkQueue queue, Map<String, String> env, SpeechEngine engine) {
    // as Lambda gives them: environment variables (MAX_RECEIVE_COUNT), which Micronaut maps to properties
    Map<String, Object> variables = new HashMap<>();
    variables.put("SPEECH_PROVIDER", engine.provider());
    env.forEach((name, value) -> {
      if (!name.contains(".")) {
        variables.put(name, value);
      }
    });
    Map<String, Object> properties = new HashMap<>();
    env.forEach((name, value) -> {
      if (name.contains(".")) {
        properties.put(name, value);
      }
    });
    UrlSigner signer = new UrlSigner() {
      @Override
      public String putUrl(String key, String contentType, long size, Duration ttl) {
        return "file:///" + key;
      }

      @Override
      public String getUrl(String key, Duration ttl, String fileName) {
        return "file:///" + key;
      }
    };
    return BeanGraph.builder(variables, new FileBlobStore(dir), signer, queue, engine).properties(properties).start();
  }
}
