package com.etoaudiobook.api;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * docs/openapi.yml is the document micronaut-openapi generates from the controllers, checked in so the
 * frontend's build can generate its types from it (and check types.ts against them) without Maven.
 * A change to an answer's record that is not copied there fails here; {@code -Dopenapi.write=true}
 * copies it.
 */
class OpenApiDocumentTest {
  static final String GENERATED = "META-INF/swagger/etoaudiobook-" + HealthController.VERSION + ".yml";

  @Test
  void theCheckedInDocumentIsTheGeneratedOne() throws IOException {
    String generated;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(GENERATED)) {
      assertNotNull(in, GENERATED + " was not generated (micronaut-openapi annotation processor)");
      generated = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path copy = Path.of(System.getProperty("basedir", "."), "..", "..", "docs", "openapi.yml").normalize();
    if (Boolean.getBoolean("openapi.write")) {
      Files.writeString(copy, generated);
    }
    String checkedIn = Files.exists(copy) ? Files.readString(copy) : "";
    assertEquals(generated, checkedIn, copy + " is not the OpenAPI document the controllers generate: run "
        + "mvn -pl functions/api -am test -Dtest=OpenApiDocumentTest -Dsurefire.failIfNoSpecifiedTests=false "
        + "-Dopenapi.write=true, then npm --prefix frontend test (types.ts is checked against it)");
  }
}
