package com.etoaudiobook.api;

import com.etoaudiobook.audio.AudioFormats;
import com.etoaudiobook.audio.SilenceFrame;
import com.etoaudiobook.book.BookParser;
import com.etoaudiobook.engine.SpeechEngine;
import com.etoaudiobook.voice.AutoCaster;
import jakarta.inject.Provider;
import com.etoaudiobook.book.Book;
import com.etoaudiobook.engine.SpeechRequest;
import com.etoaudiobook.job.BookLimits;
import com.etoaudiobook.job.assembly.Pauses;
import com.etoaudiobook.job.synthesis.CachedSynthesis;
import com.etoaudiobook.lexicon.Lexicon;
import com.etoaudiobook.text.Chunker;
import com.etoaudiobook.voice.Casting;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.servlet.http.ServletHttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The original synchronous endpoints: role detection and small synthesis. */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING) // parsing and synthesis wait here, never on a server event loop
class ScriptController {
  /** A synchronous request must finish well inside API Gateway's 30 s. */
  static final int SYNTHESIZE_MAX_CHARS = 5000;
  static final int DETECT_MAX_BYTES = 2 * 1024 * 1024;

  private final Provider<AutoCaster> casters;
  private final BookParser parser;
  private final CachedSynthesis synthesis;
  private final SpeechEngine engine;
  private final HeavyWork heavy;

  ScriptController(Provider<AutoCaster> casters, BookParser parser, CachedSynthesis synthesis, SpeechEngine engine,
                   HeavyWork heavy) {
    this.casters = casters;
    this.parser = parser;
    this.synthesis = synthesis;
    this.engine = engine;
    this.heavy = heavy;
  }

  @Post(value = "/detect-roles", consumes = MediaType.ALL)
  DetectedRoles detectRoles(HttpRequest<?> request, @Body @Nullable byte[] nettyBody) {
    byte[] body = rawBody(request, nettyBody);
    String type = request.getHeaders().get(HttpHeaders.CONTENT_TYPE);
    if (type == null || !type.toLowerCase().startsWith("multipart/form-data")) {
      throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "Send the script as multipart/form-data with a field named 'file'");
    }
    if (body == null || body.length == 0) {
      throw ApiException.badRequest("The request has no body");
    }
    if (body.length > DETECT_MAX_BYTES + 4096) {
      throw new ApiException(HttpStatus.REQUEST_ENTITY_TOO_LARGE,
          "This endpoint takes files up to 2 MB; upload larger books through POST /api/uploads");
    }
    MultipartForm.Part file = MultipartForm.parse(type, body).get("file");
    if (file == null) {
      throw ApiException.badRequest("The form has no field named 'file'");
    }
    String name = Uploads.storedName(file.fileName() == null || file.fileName().isBlank() ? "script.txt"
        : file.fileName());
    String mismatch = UploadContent.mismatch(name, file.data());
    if (mismatch != null) {
      throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, mismatch);
    }
    Book book = heavy.parse(() -> BookLimits.check(parser.parse(name, file.data())));
    return new DetectedRoles(book.title(), book.roles(), book.segments().toList(), book.chapters().stream()
        .map(c -> new DetectedRoles.ChapterSummary(c.index(), c.title(), c.segments().size())).toList(),
        book.warnings());
  }

  /**
   * The undecoded body: the Lambda proxy (a servlet-style request) would otherwise turn a form into
   * a map; Netty hands the bytes over as they are.
   */
  static byte[] rawBody(HttpRequest<?> request, byte[] bound) {
    if (request instanceof ServletHttpRequest<?, ?> servlet) {
      try (InputStream in = servlet.getInputStream()) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw ApiException.badRequest("The request body could not be read");
      }
    }
    return bound;
  }

  record SegmentInput(String role, String text, @Nullable String speaker, @Nullable Double rate,
                      @Nullable Integer pitch) {
    String roleName() {
      return role != null ? role : speaker;
    }
  }

  /**
   * @param voiceMapping role → voice: a voice id ({@code "en-us"}), or as the original clients send it,
   *                     {@code {"voiceName": "en-us", "languageCode": "en-US"}}
   */
  record SynthesizeRequest(List<SegmentInput> segments, @Nullable Map<String, VoiceChoice> voiceMapping,
                           @Nullable List<LexiconController.EntryInput> lexicon) {
  }

  @Post(value = "/synthesize", produces = {MediaType.APPLICATION_JSON, Audio.MPEG})
  @ApiResponse(responseCode = "200", description = "base64 MP3 per segment as JSON (the original answer), "
      + "or with Accept: audio/mpeg one MP3 of all the segments with the segment pause between them",
      content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SynthesizedSegments.class)),
          @Content(mediaType = Audio.MPEG, schema = @Schema(type = "string", format = "binary"))})
  HttpResponse<?> synthesize(HttpRequest<?> request, @Body SynthesizeRequest body) {
    if (body == null || body.segments() == null || body.segments().isEmpty()) {
      throw ApiException.badRequest("segments must be a non-empty list of {role, text}");
    }
    Map<String, VoiceChoice> mapping = body.voiceMapping() == null ? Map.of() : body.voiceMapping();
    int chars = 0;
    List<Line> lines = new ArrayList<>();
    for (SegmentInput s : body.segments()) {
      if (s == null || s.text() == null || s.roleName() == null) {
        throw ApiException.badRequest("every segment needs a role and a text");
      }
      chars += s.text().length();
      String who = "role '" + s.roleName() + "'";
      lines.add(new Line(s, Casting.checkedRate(who, s.rate()), Casting.checkedPitch(who, s.pitch())));
    }
    if (chars > SYNTHESIZE_MAX_CHARS) {
      throw new ApiException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "This request has " + chars
          + " characters; /api/synthesize takes up to " + SYNTHESIZE_MAX_CHARS
          + ". Use POST /api/uploads, /api/books and /api/jobs for whole books.");
    }
    Lexicon lexicon = LexiconController.entries(body.lexicon());
    List<Spoken> spoken = heavy.run("Synthesis", () -> render(lines, mapping, lexicon));
    if (Audio.wanted(request)) {
      return HttpResponse.ok(joined(spoken)).contentType(Audio.MPEG);
    }
    return HttpResponse.ok(new SynthesizedSegments(spoken.stream().map(s -> new SynthesizedSegments.SegmentAudio(
        s.line().input().roleName(), s.line().input().text(), Audio.base64(Audio.withHeader(s.mp3(), s.frames()))))
        .toList())).contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  /** A segment with its rate and pitch checked. */
  private record Line(SegmentInput input, double rate, int pitch) {
  }

  /** A segment's MP3 frames, without a header. */
  private record Spoken(Line line, byte[] mp3, long frames) {
  }

  private List<Spoken> render(List<Line> lines, Map<String, VoiceChoice> mapping, Lexicon lexicon) {
    List<Spoken> out = new ArrayList<>();
    for (Line line : lines) {
      VoiceChoice choice = mapping.get(line.input().roleName());
      if (choice == null || choice.voiceName() == null) {
        throw ApiException.badRequest("voiceMapping has no voice for role '" + line.input().roleName() + "'");
      }
      String voice = choice.voiceName();
      casters.get().requireVoice(voice);
      ByteArrayOutputStream mp3 = new ByteArrayOutputStream();
      long frames = 0;
      for (Chunker.Chunk c : Chunker.split(line.input().text(), engine.maxCharacters())) {
        SpeechRequest speech = new SpeechRequest(c.text(), voice, null, line.rate(), line.pitch())
            .withLexicon(lexicon); // only the entries this text uses: its cache key, as a job part's
        CachedSynthesis.Rendered r = synthesis.render(speech, null, synthesis.cacheKey(speech, null));
        mp3.writeBytes(synthesis.audio(r));
        frames += r.result().frames();
      }
      out.add(new Spoken(line, mp3.toByteArray(), frames));
    }
    return out;
  }

  /** The segments as one MP3, with the segment pause (the one a job puts between segments) between them. */
  private static byte[] joined(List<Spoken> spoken) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long frames = 0;
    int pause = AudioFormats.millisToFrames(Pauses.DEFAULT.segmentMs());
    for (int i = 0; i < spoken.size(); i++) {
      out.writeBytes(spoken.get(i).mp3());
      frames += spoken.get(i).frames();
      if (i + 1 < spoken.size()) {
        try {
          SilenceFrame.write(out, pause);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        frames += pause;
      }
    }
    return Audio.withHeader(out.toByteArray(), frames);
  }
}
