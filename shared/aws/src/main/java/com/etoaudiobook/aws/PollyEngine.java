package com.etoaudiobook.aws;

import com.etoaudiobook.aws.internal.PollyPronunciation;
import com.etoaudiobook.aws.internal.PollyText;
import com.etoaudiobook.aws.quota.SynthesisRateLimiter;
import com.etoaudiobook.engine.CallGuard;
import com.etoaudiobook.engine.Delivery;
import com.etoaudiobook.engine.Speech;
import com.etoaudiobook.engine.SpeechBusyException;
import com.etoaudiobook.engine.SpeechEngine;
import com.etoaudiobook.engine.SpeechException;
import com.etoaudiobook.engine.SpeechRequest;
import com.etoaudiobook.json.Json;
import com.etoaudiobook.voice.Voice;
import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryUtils;
import software.amazon.awssdk.services.polly.PollyClient;
import software.amazon.awssdk.services.polly.model.DescribeVoicesRequest;
import software.amazon.awssdk.services.polly.model.DescribeVoicesResponse;
import software.amazon.awssdk.services.polly.model.OutputFormat;
import software.amazon.awssdk.services.polly.model.SpeechMarkType;
import software.amazon.awssdk.services.polly.model.SynthesizeSpeechRequest;
import software.amazon.awssdk.services.polly.model.SynthesizeSpeechResponse;
import software.amazon.awssdk.services.polly.model.TextType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Amazon Polly behind the engine port: MP3 at 22050 Hz plus sentence and word marks from a second
 * request, engines standard/neural/long-form/generative, rate and pitch as SSML where the engine
 * takes them. Every call waits for a slot of the engine's quota ({@link SynthesisRateLimiter}), so
 * the workers together stay within the account's quota instead of being throttled; a call that is
 * throttled anyway (another client of the account) waits for a new slot and tries again. When no
 * slot comes within the caller's time the part is handed back ({@link SpeechBusyException}). 5xx
 * are retried by the client ({@link AwsClients#polly}); what still fails is retryable, and what
 * Polly refuses (unknown voice, engine, SSML, text) is not.
 */
public final class PollyEngine implements SpeechEngine, AutoCloseable {
  public static final String PROVIDER = "polly";
  /** Polly's limit per SynthesizeSpeech request: 3,000 billed characters (SSML tags are not billed). */
  public static final int MAX_CHARACTERS = 3000;
  /** ... and 6,000 characters in all, tags included. */
  static final int MAX_TOTAL_CHARACTERS = 6000;
  public static final int SAMPLE_RATE = 22050;
  public static final List<String> ENGINES = List.of("standard", "neural", "long-form", "generative");
  /** Polly takes at most five lexicons per request. */
  static final int MAX_LEXICONS = 5;

  /** A call without a caller's deadline (a preview) waits at most this long for a slot. */
  static final long MAX_WAIT_MILLIS = 30_000;
  /** Time kept back from the caller's deadline for the call itself, after its slot. */
  static final long CALL_RESERVE_MILLIS = 10_000;
  /**
   * How far ahead a call may book its slot. Waiting callers ask again and again rather than book
   * far ahead: the schedule stays full while a preview still gets a slot within this time, and a
   * cancelled part holds no slot for long.
   */
  static final long HORIZON_MILLIS = 2_000;
  /** Throttled tries of one call before the part is handed back. */
  static final int THROTTLED_TRIES = 4;

  private final PollyClient client;
  private final String defaultEngine;
  private final List<String> lexicons;
  private final SynthesisRateLimiter limiter;
  private volatile Map<String, Voice> byId;
  private final Object describing = new Object();

  /**
   * @param client        a Polly client (with its retry strategy)
   * @param defaultEngine engine used when the request names none and the voice supports it, or null
   * @param lexicons      lexicon names applied to every request
   */
  public PollyEngine(PollyClient client, String defaultEngine, List<String> lexicons) {
    this(client, defaultEngine, lexicons, SynthesisRateLimiter.NONE);
  }

  /** @param limiter paces every SynthesizeSpeech call to the engine's quota */
  public PollyEngine(PollyClient client, String defaultEngine, List<String> lexicons, SynthesisRateLimiter limiter) {
    this.client = client;
    this.limiter = limiter;
    this.defaultEngine = defaultEngine == null || defaultEngine.isBlank() ? null
        : defaultEngine.strip().toLowerCase(Locale.ROOT);
    this.lexicons = List.copyOf(lexicons);
    if (this.lexicons.size() > MAX_LEXICONS) {
      throw new IllegalArgumentException("Polly applies at most " + MAX_LEXICONS + " lexicons; POLLY_LEXICONS has "
          + this.lexicons.size());
    }
  }

  @Override
  public String provider() {
    return PROVIDER;
  }

  /** Closes the rate limiter's connection (Redis), not the Polly client, which may be shared. */
  @Override
  public void close() {
    limiter.close();
  }

  @Override
  public int maxCharacters() {
    return MAX_CHARACTERS;
  }

  /** Every voice of every engine (DescribeVoices per engine, all pages), engines merged per voice. */
  @Override
  public List<Voice> voices() {
    Map<String, Voice> voices = describeAll();
    byId = voices;
    return List.copyOf(voices.values());
  }

  /**
   * The catalog's list (from the shared cache) stands for a look of this engine's own: a worker
   * whose catalog read Redis makes no DescribeVoices call before its first part. A voice missing
   * from it is looked up as always (one look, then it is known).
   */
  @Override
  public void useVoices(List<Voice> catalog) {
    Map<String, Voice> mine = new LinkedHashMap<>();
    for (Voice v : catalog) {
      if (PROVIDER.equals(v.provider())) {
        mine.put(v.id(), v);
      }
    }
    if (!mine.isEmpty()) {
      byId = mine;
    }
  }

  private Map<String, Voice> describeAll() {
    Map<String, software.amazon.awssdk.services.polly.model.Voice> first = new LinkedHashMap<>();
    Map<String, Set<String>> engines = new LinkedHashMap<>();
    try {
      for (String engine : ENGINES) {
        String token = null;
        do {
          DescribeVoicesResponse page = client.describeVoices(DescribeVoicesRequest.builder()
              .engine(engine).includeAdditionalLanguageCodes(true).nextToken(token).build());
          for (var v : page.voices()) {
            first.putIfAbsent(v.idAsString(), v);
            Set<String> supported = engines.computeIfAbsent(v.idAsString(), k -> new LinkedHashSet<>());
            v.supportedEnginesAsStrings().forEach(e -> supported.add(e.toLowerCase(Locale.ROOT)));
            supported.add(engine);
          }
          token = page.nextToken();
        } while (token != null && !token.isEmpty());
      }
    } catch (SdkException e) {
      throw failure("DescribeVoices", e);
    }
    Map<String, Voice> out = new LinkedHashMap<>();
    first.forEach((id, v) -> {
      // engines in a fixed order (cheapest first), so "the voice's first engine" is stable
      List<String> supported = ENGINES.stream().filter(engines.get(id)::contains).toList();
      out.put(id, new Voice(id, v.name() == null ? id : v.name(), v.languageCodeAsString(), v.languageName(),
          v.genderAsString() == null ? "neutral" : v.genderAsString().toLowerCase(Locale.ROOT), supported,
          SAMPLE_RATE, PROVIDER));
    });
    return out;
  }

  @Override
  public Speech synthesize(SpeechRequest request) {
    return synthesize(request, CallGuard.NONE);
  }

  @Override
  public Speech synthesize(SpeechRequest request, CallGuard guard) {
    String text = request.text();
    if (text == null || text.isBlank()) {
      throw new SpeechException("nothing to say: the text is empty", false, null);
    }
    if (text.length() > MAX_CHARACTERS) {
      throw new SpeechException("text has " + text.length() + " characters; Polly takes at most " + MAX_CHARACTERS
          + " per request", false, null);
    }
    String engine = engineFor(request);
    // a script's delivery ("whispering", "sadly") is heard: its rate and pitch join the role's
    Delivery delivery = Delivery.of(request.delivery());
    PollyText sent = textFor(text, engine, request.rate() * delivery.rate(), request.pitch() + delivery.pitch(),
        delivery.whisper(), PollyPronunciation.spans(text, request.lexicon()));
    String what = "SynthesizeSpeech (voice " + request.voiceId() + ", engine " + engine + ")";
    ResponseBytes<SynthesizeSpeechResponse> audio = call(what, engine, guard, base(request, engine, sent)
        .outputFormat(OutputFormat.MP3).sampleRate(Integer.toString(SAMPLE_RATE)).build());
    ResponseBytes<SynthesizeSpeechResponse> marks = call(what, engine, guard, base(request, engine, sent)
        .outputFormat(OutputFormat.JSON).speechMarkTypes(SpeechMarkType.SENTENCE, SpeechMarkType.WORD).build());
    // both requests are billed by Polly: the part costs what both report
    int billed = billed(audio.response()) + billed(marks.response());
    return new Speech(null, audio.asByteArray(), SAMPLE_RATE, parseMarks(marks.asUtf8String(), sent), billed);
  }

  /** One SynthesizeSpeech call in a slot of the engine's quota; throttled calls wait for another slot. */
  private ResponseBytes<SynthesizeSpeechResponse> call(String what, String engine, CallGuard guard,
                                                       SynthesizeSpeechRequest request) {
    for (int tries = 1; ; tries++) {
      awaitSlot(engine, guard);
      try {
        return client.synthesizeSpeechAsBytes(request);
      } catch (SdkException e) {
        if (!RetryUtils.isThrottlingException(e)) {
          throw failure(what, e);
        }
        if (tries == THROTTLED_TRIES) {
          throw new SpeechBusyException("Polly " + what + " was throttled " + tries + " times; handed back", e);
        }
      }
    }
  }

  /**
   * Waits for the engine's next free slot, asking the guard before and after: no call starts for
   * cancelled work, and none when no slot comes before the caller's deadline.
   */
  private void awaitSlot(String engine, CallGuard guard) {
    guard.check();
    long remaining = guard.remainingMillis();
    long giveUp = System.nanoTime() + 1_000_000L
        * (remaining == Long.MAX_VALUE ? MAX_WAIT_MILLIS : remaining - CALL_RESERVE_MILLIS);
    try {
      long wait = -1;
      while (System.nanoTime() >= giveUp
          || (wait = limiter.reserve(engine, Math.min(HORIZON_MILLIS, (giveUp - System.nanoTime()) / 1_000_000L))) < 0) {
        if (System.nanoTime() + 100_000_000L > giveUp) {
          throw new SpeechBusyException("no Polly " + engine + " capacity within the time left (" + remaining
              + " ms); handed back", null);
        }
        Thread.sleep(100 + java.util.concurrent.ThreadLocalRandom.current().nextInt(150));
        guard.check();
      }
      long until = System.nanoTime() + wait * 1_000_000L;
      for (long left = wait; left > 0; left = (until - System.nanoTime()) / 1_000_000L) {
        Thread.sleep(Math.min(left, 200));
        guard.check(); // a cancel is seen while waiting, not only after
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SpeechBusyException("interrupted while waiting for Polly capacity", e);
    }
    guard.check();
  }

  private SynthesizeSpeechRequest.Builder base(SpeechRequest request, String engine, PollyText sent) {
    SynthesizeSpeechRequest.Builder b = SynthesizeSpeechRequest.builder()
        .voiceId(request.voiceId())
        .engine(engine)
        .text(sent.document())
        .textType(sent.ssml() ? TextType.SSML : TextType.TEXT);
    if (!lexicons.isEmpty()) {
      b.lexiconNames(lexicons);
    }
    return b;
  }

  private static int billed(SynthesizeSpeechResponse response) {
    Integer n = response.requestCharacters();
    return n == null ? 0 : n;
  }

  /**
   * The request's engine, else the default engine when the voice has it, else the voice's first
   * engine. Naming an engine the voice lacks is the caller's mistake: not retryable.
   */
  String engineFor(SpeechRequest request) {
    Voice voice = voice(request.voiceId());
    String wanted = request.engine() == null || request.engine().isBlank() ? null
        : request.engine().strip().toLowerCase(Locale.ROOT);
    if (wanted != null) {
      if (!ENGINES.contains(wanted)) {
        throw new SpeechException("unknown Polly engine '" + request.engine() + "'; use one of " + ENGINES, false,
            null);
      }
      if (!voice.engines().contains(wanted)) {
        throw new SpeechException("Polly voice " + voice.id() + " does not support the " + wanted
            + " engine; it supports " + voice.engines(), false, null);
      }
      return wanted;
    }
    if (defaultEngine != null && voice.engines().contains(defaultEngine)) {
      return defaultEngine;
    }
    if (voice.engines().isEmpty()) {
      throw new SpeechException("Polly voice " + voice.id() + " lists no engine", false, null);
    }
    return voice.engines().get(0);
  }

  private Voice voice(String id) {
    Map<String, Voice> voices = byId;
    if (voices == null || !voices.containsKey(id)) {
      // first use, or a voice added since: look again once. The parts arriving together wait for
      // that one look instead of each making it (a batch of them would each page through
      // DescribeVoices, whose own quota is 80 per second)
      synchronized (describing) {
        voices = byId;
        if (voices == null || !voices.containsKey(id)) {
          voices = describeAll();
          byId = voices;
        }
      }
    }
    Voice v = voices.get(id);
    if (v == null) {
      throw new SpeechException("Polly has no voice '" + id + "'", false, null);
    }
    return v;
  }

  /**
   * SSML only when there is something to say with it, and only what the engine takes: standard
   * voices take prosody rate and pitch; neural, long-form and generative take rate but not pitch
   * (Polly's SSML support table), so pitch is dropped there rather than failing the part.
   */
  static PollyText textFor(String text, String engine, double rate, int pitch) {
    return textFor(text, engine, rate, pitch, false, List.of());
  }

  /**
   * {@link #textFor(String, String, double, int)}, whispered where the engine can, with a lexicon's
   * words as SSML elements ({@link PollyPronunciation}).
   */
  static PollyText textFor(String text, String engine, double rate, int pitch, boolean whispered,
                           List<PollyText.Span> words) {
    int ratePercent = (int) Math.round(rate * 100);
    boolean useRate = rate > 0 && ratePercent != 100;
    boolean usePitch = pitch != 0 && "standard".equals(engine);
    // the whispered effect is a standard-voice feature; other engines keep the delivery's rate only
    boolean whisper = whispered && "standard".equals(engine);
    if (!useRate && !usePitch && !whisper && words.isEmpty()) {
      return PollyText.plain(text);
    }
    // Polly's prosody rate range is 20%..200%
    PollyText ssml = PollyText.ssml(text, useRate ? Math.max(20, Math.min(200, ratePercent)) : 0,
        usePitch ? Math.max(-50, Math.min(50, pitch)) : 0, whisper, words);
    if (ssml.document().length() > MAX_TOTAL_CHARACTERS) {
      // escaping can push a full part over Polly's total limit: speak it plainly rather than not at all
      return PollyText.plain(text);
    }
    return ssml;
  }

  /** Speech marks (JSON lines) → marks with char offsets into the original text. */
  static List<Speech.Mark> parseMarks(String jsonLines, PollyText sent) {
    List<Speech.Mark> marks = new ArrayList<>();
    for (String line : jsonLines.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode m = Json.read(line.getBytes(StandardCharsets.UTF_8), JsonNode.class);
      String type = m.path("type").asText();
      if (!type.equals("word") && !type.equals("sentence")) {
        continue;
      }
      int start = sent.startChar(m.path("start").asInt());
      int end = sent.endChar(m.path("end").asInt());
      marks.add(new Speech.Mark(type, m.path("time").asLong(), start, Math.max(start, end)));
    }
    return marks;
  }

  /**
   * Maps an SDK failure (after the client's retries) to the port's exception: throttling, 5xx and
   * transport failures may pass on a later try; anything else Polly rejected (bad SSML, text too
   * long, unknown lexicon, engine not supported) will fail the same way again.
   */
  static SpeechException failure(String what, SdkException e) {
    boolean retryable;
    String detail;
    if (e instanceof AwsServiceException s) {
      int status = s.statusCode();
      retryable = status >= 500 || status == 429 || RetryUtils.isThrottlingException(s);
      String code = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode();
      String message = s.awsErrorDetails() == null ? s.getMessage() : s.awsErrorDetails().errorMessage();
      detail = (code == null ? "HTTP " + status : code) + ": " + message;
    } else if (e instanceof SdkClientException) {
      retryable = true;
      detail = e.getMessage();
    } else {
      retryable = RetryUtils.isThrottlingException(e) || e.retryable();
      detail = e.getMessage();
    }
    return new SpeechException("Polly " + what + " failed" + (retryable ? " (will be retried)" : "") + ": " + detail,
        retryable, e);
  }
}
