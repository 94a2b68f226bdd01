package com.etoaudiobook.aws;

import io.micronaut.context.ApplicationContext;
import com.etoaudiobook.audio.Mp3Encoder;
import com.etoaudiobook.aws.testing.FakePolly;
import com.etoaudiobook.aws.testing.OwnRedis;
import com.etoaudiobook.aws.quota.LocalRateLimiter;
import com.etoaudiobook.engine.CallGuard;
import com.etoaudiobook.engine.Speech;
import com.etoaudiobook.engine.SpeechBusyException;
import com.etoaudiobook.engine.SpeechEngine;
import com.etoaudiobook.engine.SpeechException;
import com.etoaudiobook.engine.SpeechRequest;
import com.etoaudiobook.voice.Voice;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Polly adapter against a local server that speaks Polly's wire protocol. */
class PollyEngineTest {
  static final int ATTEMPTS = 3;
  static FakePolly polly;
  static byte[] mp3;
  static PollyEngine engine;

  @BeforeAll
  static void start() throws Exception {
    // a real MP3: half a second of 440 Hz, encoded by the project's encoder
    short[] pcm = new short[11025];
    for (int i = 0; i < pcm.length; i++) {
      pcm[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 22050.0));
    }
    mp3 = new Mp3Encoder().encode(pcm, 22050);
    polly = new FakePolly(mp3);
    AwsSettings aws = new AwsSettings("us-east-1", null, null, polly.endpoint(), false, "local", "local");
    engine = new PollyEngine(AwsClients.polly(aws, ATTEMPTS, Duration.ofMillis(1), Duration.ofMillis(10)),
        "neural", List.of("names", "places"));
  }

  @AfterAll
  static void stop() {
    polly.close();
  }

  @BeforeEach
  void reset() {
    polly.reset();
  }

  @Test
  void describesTheVoicesOfEveryEngineThroughAllPages() {
    List<Voice> voices = engine.voices();
    assertEquals(List.of("Joanna", "Matthew", "Lea"), voices.stream().map(Voice::id).toList());
    Voice joanna = voices.get(0);
    assertEquals(new Voice("Joanna", "Joanna", "en-US", "US English", "female",
        List.of("standard", "neural", "long-form", "generative"), 22050, "polly"), joanna);
    assertEquals("male", voices.get(1).gender());
    assertEquals(List.of("standard"), voices.get(1).engines());
    List<FakePolly.Call> calls = polly.calls();
    for (String e : PollyEngine.ENGINES) {
      assertTrue(calls.stream().anyMatch(c -> e.equals(c.query().get("Engine"))), "asked for " + e);
    }
    assertTrue(calls.stream().allMatch(c -> "true".equals(c.query().get("IncludeAdditionalLanguageCodes"))));
    assertTrue(calls.stream().anyMatch(c -> "page-2".equals(c.query().get("NextToken"))), "followed NextToken");
  }

  @Test
  void partsArrivingTogetherAtANewEngineShareOneLookAtTheVoices() throws Exception {
    PollyEngine fresh = new PollyEngine(AwsClients.polly(new AwsSettings("us-east-1", null, null, polly.endpoint(),
        false, "local", "local"), ATTEMPTS, Duration.ofMillis(1), Duration.ofMillis(10)), "neural", List.of());
    fresh.voices();
    long oneLook = polly.calls().stream().filter(c -> c.path().contains("voices")).count();
    polly.reset();
    // a worker whose voice list came from the shared cache: its engine has not described the voices
    PollyEngine worker = new PollyEngine(AwsClients.polly(new AwsSettings("us-east-1", null, null, polly.endpoint(),
        false, "local", "local"), ATTEMPTS, Duration.ofMillis(1), Duration.ofMillis(10)), "neural", List.of());
    burst(worker, 16);
    assertEquals(oneLook, polly.calls().stream().filter(c -> c.path().contains("voices")).count(),
        "DescribeVoices calls for 16 parts arriving at once");
  }

  @Test
  void aWorkerWhoseCatalogReadTheSharedCacheMakesNoDescribeVoicesCall() throws Exception {
    PollyEngine workerEngine = newEngine();
    // a Redis of the test's own: the machine's shared one keeps its own list of Polly's voices
    try (OwnRedis redis = new OwnRedis();
         VoiceCatalog api = new VoiceCatalog(List.of(newEngine()), sharedCache(redis));
         VoiceCatalog worker = new VoiceCatalog(List.of(workerEngine), sharedCache(redis))) {
      api.voices(); // described once, stored in Redis
      polly.reset();
      assertEquals(api.voices(), worker.voices());
      assertEquals(1, worker.stats().redisHits(), "the worker's list came from Redis");
      burst(workerEngine, 16);
      assertEquals(16 * 2, polly.speechCalls().size(), "every part spoken");
      assertEquals(0, polly.calls().stream().filter(c -> c.path().contains("voices")).count(),
          "DescribeVoices calls of a worker that read the voices from Redis");
      // a voice the cached list lacks is still looked up (Lea is Polly's, but not in the cached list)
      workerEngine.useVoices(List.of(new Voice("Joanna", "Joanna", "en-US", "US English", "female",
          List.of("neural"), 22050, "polly")));
      assertEquals("neural", workerEngine.engineFor(new SpeechRequest("Part.", "Lea", null, 1.0, 0)));
      assertTrue(polly.calls().stream().anyMatch(c -> c.path().contains("voices")), "looked up once more");
    }
  }

  /** The catalog's defaults, with time for a first connection on a loaded machine (class loading). */
  private static VoiceCatalog.Options sharedCache(OwnRedis redis) {
    VoiceCatalog.Options d = VoiceCatalog.Options.defaults(redis.url());
    return new VoiceCatalog.Options(d.ttl(), true, d.redisUrl(), Duration.ofSeconds(5), d.breakerOpen(), d.nanoClock());
  }

  private static PollyEngine newEngine() {
    return new PollyEngine(AwsClients.polly(new AwsSettings("us-east-1", null, null, polly.endpoint(),
        false, "local", "local"), ATTEMPTS, Duration.ofMillis(1), Duration.ofMillis(10)), "neural", List.of());
  }

  @Test
  void synthesizesMp3AndMapsByteOffsetsOfMarksBackToChars() {
    String text = "Zoë naïve café.";
    Speech speech = engine.synthesize(new SpeechRequest(text, "Joanna", null, 1.0, 0));
    assertArrayEquals(mp3, speech.mp3());
    assertEquals(22050, speech.sampleRate());

    List<FakePolly.Call> calls = polly.speechCalls();
    assertEquals(2, calls.size(), "audio, then marks");
    JsonNode audio = calls.get(0).body();
    assertEquals("mp3", audio.get("OutputFormat").asText());
    assertEquals("22050", audio.get("SampleRate").asText());
    assertEquals("neural", audio.get("Engine").asText(), "POLLY_ENGINE default, which Joanna supports");
    assertEquals("text", audio.get("TextType").asText());
    assertEquals("Joanna", audio.get("VoiceId").asText());
    assertEquals(text, audio.get("Text").asText());
    assertEquals(List.of("names", "places"), strings(audio.get("LexiconNames")));
    JsonNode marks = calls.get(1).body();
    assertEquals("json", marks.get("OutputFormat").asText());
    assertEquals(List.of("sentence", "word"), strings(marks.get("SpeechMarkTypes")));
    assertEquals("neural", marks.get("Engine").asText());
    assertEquals(List.of("names", "places"), strings(marks.get("LexiconNames")));

    assertEquals(2 * text.length(), speech.billedCharacters(), "both requests bill the text");
    List<Speech.Mark> words = speech.marks().stream().filter(m -> m.type().equals("word")).toList();
    assertEquals(List.of("Zoë", "naïve", "café."), words.stream().map(m -> text.substring(m.start(), m.end())).toList());
    assertEquals(List.of(6L, 256L, 506L), words.stream().map(Speech.Mark::timeMs).toList());
    Speech.Mark sentence = speech.marks().get(0);
    assertEquals("sentence", sentence.type());
    assertEquals(0, sentence.start());
    assertEquals(text.length(), sentence.end());
  }

  @Test
  void rateAndPitchGoInEscapedSsmlAndTheUserTextSurvives() throws Exception {
    String text = "Tom & Jerry <3 \"quoted\" 'single'";
    Speech speech = engine.synthesize(new SpeechRequest(text, "Joanna", "standard", 1.25, 10));
    JsonNode audio = polly.speechCalls().get(0).body();
    assertEquals("ssml", audio.get("TextType").asText());
    assertEquals("standard", audio.get("Engine").asText());
    String ssml = audio.get("Text").asText();
    assertTrue(ssml.contains("rate=\"125%\"") && ssml.contains("pitch=\"+10%\""), ssml);
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(ssml.getBytes(StandardCharsets.UTF_8)));
    assertEquals(text, doc.getDocumentElement().getTextContent(), "well-formed, and the text is unchanged");
    assertEquals(2 * text.length(), speech.billedCharacters(), "tags are not billed");
    List<String> words = speech.marks().stream().filter(m -> m.type().equals("word"))
        .map(m -> text.substring(m.start(), m.end())).toList();
    assertEquals(List.of("Tom", "&", "Jerry", "<3", "\"quoted\"", "'single'"), words);
    Speech.Mark sentence = speech.marks().get(0);
    assertEquals(text, text.substring(sentence.start(), sentence.end()));
  }

  @Test
  void aScriptsDeliveryIsHeardOnPolly() throws Exception {
    String text = "Do not wake them.";
    // standard voices whisper, and the delivery's slower rate joins the role's
    engine.synthesize(new SpeechRequest(text, "Joanna", "standard", 1.0, 0, "whispering"));
    String whispered = polly.speechCalls().get(0).body().get("Text").asText();
    assertTrue(whispered.contains("<amazon:effect name=\"whispered\">") && whispered.contains("rate=\"95%\""),
        whispered);
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(whispered.getBytes(StandardCharsets.UTF_8)));
    assertEquals(text, doc.getDocumentElement().getTextContent());
    polly.reset();
    // neural voices have no whispered effect: the rate stays, the part is not refused
    engine.synthesize(new SpeechRequest(text, "Joanna", "neural", 1.0, 0, "whispering"));
    String neural = polly.speechCalls().get(0).body().get("Text").asText();
    assertFalse(neural.contains("amazon:effect"), neural);
    assertTrue(neural.contains("rate=\"95%\""), neural);
    polly.reset();
    engine.synthesize(new SpeechRequest(text, "Joanna", "standard", 1.0, 0, "shouting"));
    String shout = polly.speechCalls().get(0).body().get("Text").asText();
    assertTrue(shout.contains("rate=\"105%\"") && shout.contains("pitch=\"+15%\""), shout);
  }

  @Test
  void enginesWithoutPitchGetRateOnlyAndPlainTextWhenNothingIsLeft() {
    engine.synthesize(new SpeechRequest("Hello there.", "Joanna", "neural", 1.0, 20));
    JsonNode plain = polly.speechCalls().get(0).body();
    assertEquals("text", plain.get("TextType").asText(), "neural takes no pitch: nothing left for SSML");
    assertEquals("Hello there.", plain.get("Text").asText());
    polly.reset();
    engine.synthesize(new SpeechRequest("Hello there.", "Joanna", "generative", 0.8, 20));
    JsonNode ssml = polly.speechCalls().get(0).body();
    assertEquals("ssml", ssml.get("TextType").asText());
    assertEquals("generative", ssml.get("Engine").asText());
    assertTrue(ssml.get("Text").asText().contains("rate=\"80%\""));
    assertFalse(ssml.get("Text").asText().contains("pitch"));
  }

  @Test
  void theEngineIsTheRequestsElseTheDefaultElseTheVoicesFirst() {
    engine.synthesize(new SpeechRequest("Hi.", "Matthew", null, 1.0, 0));
    assertEquals("standard", polly.speechCalls().get(0).body().get("Engine").asText(),
        "Matthew has no neural voice: his first engine");
    polly.reset();
    engine.synthesize(new SpeechRequest("Hi.", "Joanna", "long-form", 1.0, 0));
    assertEquals("long-form", polly.speechCalls().get(0).body().get("Engine").asText());
    polly.reset();
    SpeechException e = assertThrows(SpeechException.class,
        () -> engine.synthesize(new SpeechRequest("Hi.", "Matthew", "generative", 1.0, 0)));
    assertFalse(e.retryable());
    assertTrue(e.getMessage().contains("Matthew") && e.getMessage().contains("generative"), e.getMessage());
    assertTrue(polly.speechCalls().isEmpty(), "nothing sent");
    SpeechException unknown = assertThrows(SpeechException.class,
        () -> engine.synthesize(new SpeechRequest("Hi.", "Nobody", null, 1.0, 0)));
    assertFalse(unknown.retryable());
  }

  @Test
  void throttlingIsRetriedAndThenSucceeds() {
    polly.failNext(new FakePolly.Failure(400, "ThrottlingException", "Rate exceeded"),
        new FakePolly.Failure(400, "ThrottlingException", "Rate exceeded"));
    Speech speech = engine.synthesize(new SpeechRequest("Again.", "Joanna", null, 1.0, 0));
    assertArrayEquals(mp3, speech.mp3());
    assertEquals(4, polly.speechCalls().size(), "two throttled tries, then audio and marks");
  }

  @Test
  void throttlingThatDoesNotEndHandsThePartBackWithoutTheClientRetryingToo() {
    polly.failAlways(new FakePolly.Failure(400, "ThrottlingException", "Rate exceeded"));
    SpeechException e = assertThrows(SpeechBusyException.class,
        () -> engine.synthesize(new SpeechRequest("Busy.", "Joanna", null, 1.0, 0)));
    assertTrue(e.retryable());
    // the engine's own tries, each after a slot; the SDK adds none (it would multiply them by ATTEMPTS)
    assertEquals(PollyEngine.THROTTLED_TRIES, polly.speechCalls().size());
  }

  @Test
  void noCallStartsForCancelledWorkOrWithoutTimeForIt() {
    CallGuard cancelled = new CallGuard() {
      @Override
      public void check() {
        throw new Cancelled("cancelled by the test");
      }
    };
    assertThrows(CallGuard.Cancelled.class,
        () -> engine.synthesize(new SpeechRequest("Stop.", "Joanna", null, 1.0, 0), cancelled));
    long soon = System.nanoTime() + 2_000_000_000L; // less than the call's reserve
    CallGuard nearlyOver = new CallGuard() {
      @Override
      public long deadlineNanos() {
        return soon;
      }
    };
    assertThrows(SpeechBusyException.class,
        () -> engine.synthesize(new SpeechRequest("Late.", "Joanna", null, 1.0, 0), nearlyOver));
    assertTrue(polly.speechCalls().isEmpty(), "nothing sent");
  }

  @Test
  void pacedCallsStayWithinPollysQuotaWhereUnpacedOnesAreThrottled() throws Exception {
    try (FakePolly limited = new FakePolly(mp3).withQuotas(Map.of("neural", 8.0))) {
      AwsSettings aws = new AwsSettings("us-east-1", null, null, limited.endpoint(), false, "local", "local");
      PollyEngine unpaced = new PollyEngine(AwsClients.polly(aws, ATTEMPTS, Duration.ofMillis(1),
          Duration.ofMillis(10)), "neural", List.of());
      PollyEngine paced = new PollyEngine(AwsClients.polly(aws, ATTEMPTS, Duration.ofMillis(1),
          Duration.ofMillis(10)), "neural", List.of(), new LocalRateLimiter(Map.of("neural", 8.0)));
      burst(unpaced, 12);
      assertTrue(limited.throttled() > 0, "twelve parts at once exceed 8 calls per second");
      Thread.sleep(1100); // the bucket fills again
      limited.reset();
      burst(paced, 12);
      assertEquals(0, limited.throttled(), "paced calls are never throttled");
      assertEquals(24, limited.speechCalls().size());
    }
  }

  /** Synthesizes {@code n} parts at once; throttled ones may end busy. */
  private static void burst(PollyEngine engine, int n) throws Exception {
    var pool = java.util.concurrent.Executors.newFixedThreadPool(n);
    try {
      List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(pool.submit(() -> {
          try {
            engine.synthesize(new SpeechRequest("Part.", "Joanna", null, 1.0, 0));
          } catch (SpeechBusyException e) {
            // counted by the stub
          }
        }));
      }
      for (var f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void rejectedRequestsAreNotRetried() {
    for (String type : List.of("InvalidSsmlException", "TextLengthExceededException")) {
      polly.reset();
      polly.failNext(new FakePolly.Failure(400, type, "rejected by the test"));
      SpeechException e = assertThrows(SpeechException.class,
          () -> engine.synthesize(new SpeechRequest("Bad.", "Joanna", null, 1.0, 0)));
      assertFalse(e.retryable(), type);
      assertTrue(e.getMessage().contains(type), e.getMessage());
      assertEquals(1, polly.speechCalls().size(), type + " is sent once");
    }
  }

  @Test
  void serverErrorsAreRetriedUntilAttemptsRunOutThenTheFailureIsRetryable() {
    polly.failAlways(new FakePolly.Failure(500, "ServiceFailureException", "internal failure"));
    SpeechException e = assertThrows(SpeechException.class,
        () -> engine.synthesize(new SpeechRequest("Down.", "Joanna", null, 1.0, 0)));
    assertTrue(e.retryable(), "the part goes back to the queue, not lost");
    assertEquals(ATTEMPTS, polly.speechCalls().size());
  }

  @Test
  void textOverTheLimitIsRefusedBeforeAnyRequest() {
    assertEquals(3000, engine.maxCharacters());
    SpeechException e = assertThrows(SpeechException.class,
        () -> engine.synthesize(new SpeechRequest("a".repeat(3001), "Joanna", null, 1.0, 0)));
    assertFalse(e.retryable());
    assertTrue(polly.speechCalls().isEmpty());
  }

  @Test
  void speechProviderPollyWiresThePollyEngineWithLexicons() {
    try (ApplicationContext beans = ApplicationContext.builder().properties(Map.of("speech.provider", "polly",
        "polly.lexicons", "names, places", "prices", "neural=20", "polly.endpoint", polly.endpoint().toString()))
        .start()) {
      Settings settings = beans.getBean(Settings.class);
      assertEquals(List.of("names", "places"), settings.pollyLexicons());
      assertEquals(20.0, settings.pricing().usdPerMillion().get("neural"));
      assertEquals(4.0, settings.pricing().usdPerMillion().get("standard"));
      SpeechEngine wired = beans.getBean(SpeechEngine.class);
      assertInstanceOf(PollyEngine.class, wired);
      assertEquals("polly", wired.provider());
      assertEquals(3, wired.voices().size());
    }
  }

  private static List<String> strings(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
