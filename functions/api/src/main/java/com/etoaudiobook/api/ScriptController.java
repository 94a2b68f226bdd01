package com.etoaudiobook.api;

import com.etoaudiobook.audio.AudioFormats;
import com.etoaudiobook.audio.SilenceFrame;
import com.etoaudiobook.aws.Services;
import com.etoaudiobook.book.Book;
import com.etoaudiobook.engine.SpeechRequest;
import com.etoaudiobook.job.BookLimits;
import com.etoaudiobook.job.synthesis.CachedSynthesis;
import com.etoaudiobook.text.Chunker;
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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The original synchronous endpoints: role detection and small synthesis. */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING) // parsing and synthesis wait here, never on a server event loop
class ScriptController {
  /** A synchronous request must finish well inside API Gateway's 30 s. */
  static final int SYNTHESIZE_MAX_CHARS = 5000;
  static final int DETECT_MAX_BYTES = 2 * 1024 * 1024;

  private final Services services;
  private final HeavyWork heavy;

  ScriptController(Services services, HeavyWork heavy) {
    this.services = services;
    this.heavy = heavy;
  }

  @Post(value = "/detect-roles", consumes = MediaType.ALL)
  Map<String, Object> detectRoles(HttpRequest<?> request, @Body @Nullable byte[] nettyBody) {
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
    Book book = heavy.parse(() -> BookLimits.check(services.parser().parse(name, file.data())));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("title", book.title());
    out.put("roles", book.roles());
    out.put("segments", book.segments().toList());
    out.put("chapters", book.chapters().stream()
        .map(c -> Map.of("index", c.index(), "title", c.title(), "segments", c.segments().size())).toList());
    out.put("warnings", book.warnings());
    return out;
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

  record SynthesizeRequest(List<SegmentInput> segments, Map<String, String> voiceMapping) {
  }

  @Post(value = "/synthesize", produces = "audio/mpeg")
  HttpResponse<byte[]> synthesize(@Body SynthesizeRequest body) {
    if (body == null || body.segments() == null || body.segments().isEmpty()) {
      throw ApiException.badRequest("segments must be a non-empty list of {role, text}");
    }
    Map<String, String> mapping = body.voiceMapping() == null ? Map.of() : body.voiceMapping();
    int chars = 0;
    for (SegmentInput s : body.segments()) {
      if (s == null || s.text() == null || s.roleName() == null) {
        throw ApiException.badRequest("every segment needs a role and a text");
      }
      chars += s.text().length();
      Prosody.rate("role '" + s.roleName() + "'", s.rate());
      Prosody.pitch("role '" + s.roleName() + "'", s.pitch());
    }
    if (chars > SYNTHESIZE_MAX_CHARS) {
      throw new ApiException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "This request has " + chars
          + " characters; /api/synthesize takes up to " + SYNTHESIZE_MAX_CHARS
          + ". Use POST /api/uploads, /api/books and /api/jobs for whole books.");
    }
    byte[] audio = heavy.run("Synthesis", () -> render(body.segments(), mapping));
    return HttpResponse.ok(audio).contentType("audio/mpeg");
  }

  private byte[] render(List<SegmentInput> segments, Map<String, String> mapping) {
    CachedSynthesis synthesis = services.synthesis();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long frames = 0;
    int pause = AudioFormats.millisToFrames(400);
    for (int i = 0; i < segments.size(); i++) {
      SegmentInput s = segments.get(i);
      String voice = mapping.get(s.roleName());
      if (voice == null) {
        throw ApiException.badRequest("voiceMapping has no voice for role '" + s.roleName() + "'");
      }
      services.caster().requireVoice(voice);
      for (Chunker.Chunk c : Chunker.split(s.text(), services.engine().maxCharacters())) {
        SpeechRequest speech = new SpeechRequest(c.text(), voice, null, Prosody.rate("", s.rate()),
            Prosody.pitch("", s.pitch()));
        CachedSynthesis.Rendered r = synthesis.render(speech, null, synthesis.cacheKey(speech, null));
        out.writeBytes(synthesis.audio(r));
        frames += r.result().frames();
      }
      if (i + 1 < segments.size()) {
        out.writeBytes(silence(pause));
        frames += pause;
      }
    }
    return Audio.withHeader(out.toByteArray(), frames);
  }

  private static byte[] silence(int frames) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try {
      SilenceFrame.write(b, frames);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return b.toByteArray();
  }
}
