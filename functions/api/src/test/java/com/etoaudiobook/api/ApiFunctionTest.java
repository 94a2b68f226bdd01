package com.etoaudiobook.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.etoaudiobook.aws.testing.Fixtures;
import com.etoaudiobook.job.RecordingQueue;
import com.etoaudiobook.json.Json;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.polly.PollyClient;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API as Lambda runs it: APIGatewayV2HTTPEventFunction fed with the events/ files. */
class ApiFunctionTest {
  @TempDir
  static Path dir;
  static ApplicationContext context;
  static APIGatewayV2HTTPEventFunction function;

  @BeforeAll
  static void start() {
    context = Fixtures.context(dir, new RecordingQueue(), Map.of());
    function = new APIGatewayV2HTTPEventFunction(context);
  }

  @AfterAll
  static void stop() {
    context.close();
  }

  static APIGatewayV2HTTPResponse call(String event) {
    return function.handleRequest(EventLoader.loadApiGatewayHttpEvent(event), null);
  }

  /**
   * What keeps the API's init short (docs/BENCHMARKS.md, cold start): Jackson builds no serializer for every
   * route's types while the router is built, and an eSpeak NG build has no Polly client (the API's
   * context builds every singleton it has at init).
   */
  @Test
  void nothingBuiltAtInitThatARequestMayNeverUse() {
    ObjectMapper mapper = context.getBean(ObjectMapper.class);
    assertFalse(mapper.isEnabled(SerializationFeature.EAGER_SERIALIZER_FETCH));
    assertFalse(mapper.isEnabled(DeserializationFeature.EAGER_DESERIALIZER_FETCH));
    assertFalse(context.containsBean(PollyClient.class));
  }

  @Test
  void health() {
    APIGatewayV2HTTPResponse r = call("api-health.json");
    assertEquals(200, r.getStatusCode());
    JsonNode body = Json.read(r.getBody(), JsonNode.class);
    assertEquals("ok", body.get("status").asText());
    assertEquals("etoaudiobook", body.get("service").asText());
  }

  @Test
  void voicesWithAnEtagAndA304ForTheSameVersion() {
    APIGatewayV2HTTPResponse r = call("api-get-voices.json");
    assertEquals(200, r.getStatusCode(), r.getBody());
    JsonNode body = Json.read(r.getBody(), JsonNode.class);
    assertTrue(body.get("count").asInt() > 0);
    String etag = header(r, "ETag");
    assertTrue(etag != null && etag.startsWith("\""), "ETag " + etag);

    APIGatewayV2HTTPEvent conditional = EventLoader.loadApiGatewayHttpEvent("api-get-voices.json");
    Map<String, String> headers = new HashMap<>(conditional.getHeaders());
    headers.put("if-none-match", etag);
    conditional.setHeaders(headers);
    assertEquals(304, function.handleRequest(conditional, null).getStatusCode());
  }

  @Test
  void detectRolesFromAMultipartUpload() {
    APIGatewayV2HTTPResponse r = call("api-detect-roles.json");
    assertEquals(200, r.getStatusCode(), r.getBody());
    JsonNode body = Json.read(r.getBody(), JsonNode.class);
    assertTrue(body.get("roles").size() >= 2, r.getBody());
    assertTrue(body.get("segments").size() >= 2, r.getBody());
  }

  @Test
  void anUnknownJobIsAProblem() {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("api-health.json");
    event.setRawPath("/api/jobs/0123456789abcdef0123456789abcdef");
    event.setRouteKey("ANY /api/{proxy+}");
    event.getRequestContext().getHttp().setPath("/api/jobs/0123456789abcdef0123456789abcdef");
    APIGatewayV2HTTPResponse r = function.handleRequest(event, null);
    assertEquals(404, r.getStatusCode());
    assertTrue(header(r, "Content-Type").startsWith("application/problem+json"), String.valueOf(r.getHeaders()));
  }

  static String header(APIGatewayV2HTTPResponse r, String name) {
    if (r.getHeaders() != null) {
      for (var e : r.getHeaders().entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue();
        }
      }
    }
    if (r.getMultiValueHeaders() != null) {
      for (var e : r.getMultiValueHeaders().entrySet()) {
        if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
          return e.getValue().get(0);
        }
      }
    }
    return null;
  }

  /**
   * Rate limits count per address API Gateway saw (requestContext.http.sourceIp): a new
   * X-Forwarded-For per request is not a new client. /metrics is off where the template turns it off.
   */
  @Test
  void limitsKeyOnTheSourceAddressAndMetricsCanBeOff() {
    try (ApplicationContext limited = Fixtures.context(dir.resolve("limits"), new RecordingQueue(), Map.of(
        "etoaudiobook.rate-limit.enabled", "true", "etoaudiobook.rate-limit.limits", "voices=2/1m",
        "metrics.enabled", "false"))) {
      APIGatewayV2HTTPEventFunction f = new APIGatewayV2HTTPEventFunction(limited);
      int[] statuses = new int[3];
      for (int i = 0; i < 3; i++) {
        APIGatewayV2HTTPEvent e = EventLoader.loadApiGatewayHttpEvent("api-get-voices.json");
        Map<String, String> headers = new HashMap<>(e.getHeaders());
        headers.put("x-forwarded-for", "198.51.100." + i + ", 203.0.113.10");
        e.setHeaders(headers);
        statuses[i] = f.handleRequest(e, null).getStatusCode();
      }
      assertEquals("[200, 200, 429]", java.util.Arrays.toString(statuses));
      APIGatewayV2HTTPEvent other = EventLoader.loadApiGatewayHttpEvent("api-get-voices.json");
      other.getRequestContext().getHttp().setSourceIp("203.0.113.77");
      assertEquals(200, f.handleRequest(other, null).getStatusCode(), "another source address, another bucket");

      APIGatewayV2HTTPEvent metrics = EventLoader.loadApiGatewayHttpEvent("api-health.json");
      metrics.setRawPath("/metrics");
      metrics.getRequestContext().getHttp().setPath("/metrics");
      metrics.setRouteKey("GET /metrics");
      assertEquals(404, f.handleRequest(metrics, null).getStatusCode());
    }
  }
}
