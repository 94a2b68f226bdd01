package com.etoaudiobook.aws.testing;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.etoaudiobook.aws.UrlSigner;
import com.etoaudiobook.engine.SpeechEngine;
import com.etoaudiobook.engine.espeak.EspeakEngine;
import com.etoaudiobook.job.WorkQueue;
import com.etoaudiobook.storage.FileBlobStore;
import io.micronaut.context.ApplicationContext;
import com.etoaudiobook.aws.wiring.BeanGraph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Test fixtures shared by the function modules: the events/ files and services over a folder. */
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

  /** Reads events/NAME with the same serializer the Lambda Java runtime uses. */
  public static <T> T event(String name, Class<T> type) {
    try (InputStream in = Files.newInputStream(root().resolve("events").resolve(name))) {
      return LambdaEventSerializers.serializerFor(type, Fixtures.class.getClassLoader()).fromJson(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String eventText(String name) {
    try {
      return Files.readString(root().resolve("events").resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
