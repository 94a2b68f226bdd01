package com.etoaudiobook.api;

import com.etoaudiobook.aws.VoiceCatalog;
import com.etoaudiobook.voice.AutoCaster;
import jakarta.inject.Provider;
import com.etoaudiobook.engine.SpeechRequest;
import com.etoaudiobook.job.synthesis.CachedSynthesis;
import com.etoaudiobook.voice.Casting;
import com.etoaudiobook.voice.Voice;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.util.List;

/** The voice list and voice previews. */
@Controller("/api")
class VoiceController {
  static final int PREVIEW_MAX_CHARS = 300;
  static final String PREVIEW_TEXT = "Hello! This is how I sound when I read your story aloud.";

  private final Provider<AutoCaster> casters;
  private final VoiceCatalog catalog;
  private final CachedSynthesis synthesis;
  private final HeavyWork heavy;
  private final VoiceListings listings;

  VoiceController(Provider<AutoCaster> casters, VoiceCatalog catalog, VoiceListings listings, CachedSynthesis synthesis,
                  HeavyWork heavy) {
    this.listings = listings;
    this.casters = casters;
    this.catalog = catalog;
    this.synthesis = synthesis;
    this.heavy = heavy;
  }

  @Get("/voices")
  @ApiResponse(responseCode = "200", description = "the voices that pass the filters (ETag; 304 for If-None-Match)",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VoiceList.class)))
  HttpResponse<?> voices(HttpRequest<?> request, @QueryValue @Nullable String language,
                         @QueryValue @Nullable String gender, @QueryValue @Nullable String engine,
                         @QueryValue @Nullable String q) {
    List<Voice> all = catalog.voices();
    // the catalog hands out the same list until it reloads: one rendering per list and filter
    VoiceListings.Listing r = listings.render(all, System.identityHashCode(all), norm(language), norm(gender),
        norm(engine), norm(q));
    byte[] json = r.json();
    String etag = r.etag();
    String ifNoneMatch = request.getHeaders().get(HttpHeaders.IF_NONE_MATCH);
    if (ifNoneMatch != null && (ifNoneMatch.equals(etag) || ifNoneMatch.equals("W/" + etag))) {
      return HttpResponse.notModified().header(HttpHeaders.ETAG, etag)
          .header(HttpHeaders.CACHE_CONTROL, "public, max-age=300");
    }
    return HttpResponse.ok(json).contentType(MediaType.APPLICATION_JSON_TYPE)
        .header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, "public, max-age=300");
  }

  private static String norm(String s) {
    return s == null ? "" : s.strip().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * @param languageCode sent by the original clients; the voice names its language
   * @param lexicon      pronunciations to apply, e.g. an entry being tried before it is saved
   */
  record PreviewRequest(String voiceName, @Nullable String text, @Nullable String engine, @Nullable Double rate,
                        @Nullable Integer pitch, @Nullable List<LexiconController.EntryInput> lexicon,
                        @Nullable String languageCode) {
  }

  @Post(value = "/preview-voice", produces = {MediaType.APPLICATION_JSON, Audio.MPEG})
  @ExecuteOn(TaskExecutors.BLOCKING) // synthesis waits here, never on a server event loop
  @ApiResponse(responseCode = "200", description = "{audio: base64 MP3} (the original answer), or with "
      + "Accept: audio/mpeg the MP3 itself; X-Cache says whether the synthesis cache had it",
      content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PreviewAudio.class)),
          @Content(mediaType = Audio.MPEG, schema = @Schema(type = "string", format = "binary"))})
  HttpResponse<?> preview(HttpRequest<?> request, @Body PreviewRequest body) {
    if (body == null || body.voiceName() == null || body.voiceName().isBlank()) {
      throw ApiException.badRequest("voiceName is required");
    }
    String text = body.text() == null || body.text().isBlank() ? PREVIEW_TEXT : body.text().strip();
    if (text.length() > PREVIEW_MAX_CHARS) {
      throw new ApiException(HttpStatus.REQUEST_ENTITY_TOO_LARGE,
          "Preview text is " + text.length() + " characters; the limit is " + PREVIEW_MAX_CHARS);
    }
    double rate = Casting.checkedRate("the preview", body.rate());
    int pitch = Casting.checkedPitch("the preview", body.pitch());
    casters.get().requireVoice(body.voiceName(), body.engine());
    SpeechRequest speech = new SpeechRequest(text, body.voiceName(), body.engine(), rate, pitch)
        .withLexicon(LexiconController.entries(body.lexicon()));
    CachedSynthesis.Rendered r = heavy.run("Synthesis",
        () -> synthesis.render(speech, null, synthesis.cacheKey(speech, null)));
    byte[] mp3 = Audio.withHeader(synthesis.audio(r), r.result().frames());
    MutableHttpResponse<?> answer = Audio.wanted(request) ? HttpResponse.ok(mp3).contentType(Audio.MPEG)
        : HttpResponse.ok(new PreviewAudio(Audio.base64(mp3))).contentType(MediaType.APPLICATION_JSON_TYPE);
    return answer.header("X-Cache", r.fromCache() ? "hit" : "miss");
  }
}
