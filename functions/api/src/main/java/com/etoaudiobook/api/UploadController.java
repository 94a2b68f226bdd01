package com.etoaudiobook.api;

import com.etoaudiobook.aws.Settings;
import com.etoaudiobook.aws.UrlSigner;
import com.etoaudiobook.job.Ids;
import com.etoaudiobook.job.Keys;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.MediaType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Presigned uploads: the file goes straight to S3, with its size and type fixed in the signature. */
@Controller("/api/uploads")
class UploadController {
  static final Duration TTL = Duration.ofMinutes(15);
  private final Settings settings;
  private final UrlSigner signer;

  UploadController(Settings settings, UrlSigner signer) {
    this.settings = settings;
    this.signer = signer;
  }

  record UploadRequest(String fileName, String contentType, Long size) {
  }

  @Post
  @ApiResponse(responseCode = "201", description = "where to PUT the file",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UploadTicket.class)))
  HttpResponse<UploadTicket> create(@Body UploadRequest body) {
    if (body == null || body.fileName() == null || body.fileName().isBlank()) {
      throw ApiException.badRequest("fileName is required");
    }
    if (body.size() == null || body.size() <= 0) {
      throw ApiException.badRequest("size (in bytes, > 0) is required");
    }
    long max = settings.uploadMaxBytes();
    if (body.size() > max) {
      throw new ApiException(HttpStatus.REQUEST_ENTITY_TOO_LARGE,
          "The file is " + body.size() + " bytes; the limit is " + max);
    }
    String name = Uploads.storedName(body.fileName());
    String type = Uploads.requireType(name);
    String uploadId = Ids.newId();
    String key = Keys.upload(uploadId, name);
    String url = signer.putUrl(key, type, body.size(), TTL);
    return HttpResponse.created(new UploadTicket(uploadId, key, url, "PUT", Map.of("Content-Type", type),
        Instant.now().plus(TTL).toString()));
  }
}
