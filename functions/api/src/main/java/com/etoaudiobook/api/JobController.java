package com.etoaudiobook.api;

import com.etoaudiobook.aws.UrlSigner;
import com.etoaudiobook.job.JobService;
import com.etoaudiobook.job.JobStore;
import com.etoaudiobook.storage.BlobStore;
import com.etoaudiobook.voice.AutoCaster;
import jakarta.inject.Provider;
import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.edit.BookVersions;
import com.etoaudiobook.job.BookLimits;
import com.etoaudiobook.job.assembly.ChapterTitles;
import com.etoaudiobook.job.ExpectedDuration;
import com.etoaudiobook.job.Ids;
import com.etoaudiobook.job.Job;
import com.etoaudiobook.job.JobOptions;
import com.etoaudiobook.job.JobState;
import com.etoaudiobook.job.Keys;
import com.etoaudiobook.job.assembly.Pauses;
import com.etoaudiobook.job.Progress;
import com.etoaudiobook.json.Json;
import com.etoaudiobook.lexicon.BookLexicons;
import com.etoaudiobook.voice.Casting;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Synthesis jobs: start, watch, retry, cancel, and the player's per-segment view. */
@Controller("/api/jobs")
@ExecuteOn(TaskExecutors.BLOCKING) // storage and queue calls: never on a server event loop
class JobController {
  static final Duration LINK_TTL = Duration.ofHours(1);
  private final BlobStore blobs;
  private final JobStore store;
  private final JobService jobs;
  private final Provider<AutoCaster> casters;
  private final UrlSigner signer;
  private final HeavyWork heavy;
  private final IdempotencyKeys idempotency;
  private final BookVersions versions;

  JobController(BlobStore blobs, JobStore store, JobService jobs, Provider<AutoCaster> casters, UrlSigner signer,
                HeavyWork heavy) {
    this.blobs = blobs;
    this.store = store;
    this.jobs = jobs;
    this.casters = casters;
    this.signer = signer;
    this.heavy = heavy;
    this.idempotency = new IdempotencyKeys(blobs);
    this.versions = new BookVersions(store);
  }

  /** Pauses as sent: any left out take the defaults; the limits are Pauses' own. */
  record PauseInput(@Nullable Integer segmentMs, @Nullable Integer paragraphMs, @Nullable Integer chapterMs) {
  }

  /** @param chapterTitles whether the narrator speaks each chapter's title (default true) */
  record Options(@Nullable PauseInput pauses, @Nullable Boolean chapterTitles) {
  }

  record CreateJob(String bookId, @Nullable Map<String, Voicing> casting, @Nullable Options options) {
  }

  @Post
  @ApiResponse(responseCode = "202", description = "the job, started (Location: /api/jobs/{id})",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class)))
  HttpResponse<JobView> create(@Body CreateJob body, @Nullable @Header("Idempotency-Key") String key) {
    String jobId = idempotency.jobFor(key, body, () -> start(body));
    return HttpResponse.<JobView>status(HttpStatus.ACCEPTED)
        .body(view(jobs.progress(jobId)))
        .header("Location", "/api/jobs/" + jobId);
  }

  private String start(CreateJob body) {
    if (body == null || body.bookId() == null) {
      throw ApiException.badRequest("bookId is required");
    }
    Pauses pauses = pauses(body.options()); // what the request says is checked before what it names
    Map<String, Casting.Assignment> chosen = Voicing.assignments(body.casting());
    BookVersions.Edited current = Ids.valid(body.bookId()) ? versions.current(body.bookId()) : null;
    if (current == null) {
      throw ApiException.notFound("No book " + body.bookId());
    }
    Book book = current.book();
    BookLimits.check(book); // books stored before the limits existed
    Casting casting = casters.get().cast(book, chosen);
    JobOptions options = new JobOptions(pauses, null, body.options() == null ? null : body.options().chapterTitles());
    long expected = ExpectedDuration.millis(ChapterTitles.spoken(book, casting, options), casting,
        options.pausesOrDefault());
    Job job = heavy.runToEnd("Starting the job", () -> jobs.start(body.bookId(), book, casting, options,
        BookLexicons.read(store.blobs(), body.bookId())));
    blobs.put(ExpectedDuration.key(job.id()), Json.write(Map.of("expectedDurationMs", expected)),
        "application/json");
    versions.recordJob(job.id(), current.version());
    return job.id();
  }

  private static Pauses pauses(@Nullable Options options) {
    PauseInput p = options == null ? null : options.pauses();
    if (p == null) {
      return null;
    }
    try {
      return Pauses.of(p.segmentMs(), p.paragraphMs(), p.chapterMs());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  @Get("/{id}")
  JobView get(@PathVariable String id) {
    return view(progress(id));
  }

  @Get(value = "/{id}/segments{?chapter}", produces = MediaType.APPLICATION_JSON)
  @ApiResponse(responseCode = "200", description = "the player's view of a finished job",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SegmentsView.class)))
  HttpResponse<byte[]> segments(@PathVariable String id, @Nullable @QueryValue Integer chapter) {
    // the job record alone: counting done parts (progress) costs seconds on a novel and is not needed here
    Job job = Ids.valid(id) ? store.job(id) : null;
    if (job == null) {
      throw ApiException.notFound("No job " + id);
    }
    if (job.state() != JobState.DONE) {
      throw ApiException.conflict("Job " + id + " is " + job.state().name().toLowerCase()
          + "; segments are available when it is done");
    }
    JsonNode manifest;
    try (InputStream in = blobs.open(Keys.out(id, "manifest.json"))) {
      manifest = Json.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SegmentsView out = PlayerView.of(id, manifest, chapter,
        audio -> signer.getUrl(Keys.out(id, audio), LINK_TTL, null));
    if (blobs.exists(Keys.cover(job.bookId()))) {
      out = out.withCover("/api/books/" + job.bookId() + "/cover"); // same origin, and it does not expire
    }
    return HttpResponse.ok(Json.write(out));
  }

  @Post("/{id}/retry")
  @ApiResponse(responseCode = "202", description = "the job, its failed parts sent again",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class)))
  HttpResponse<JobView> retry(@PathVariable String id) {
    progress(id);
    try {
      jobs.retry(id);
    } catch (IllegalStateException e) {
      throw ApiException.conflict(e.getMessage());
    }
    return HttpResponse.<JobView>status(HttpStatus.ACCEPTED).body(view(progress(id)));
  }

  @Delete("/{id}")
  JobView cancel(@PathVariable String id) {
    if (!Ids.valid(id) || store.job(id) == null) { // the job alone: progress lists every part
      throw ApiException.notFound("No job " + id);
    }
    try {
      jobs.cancel(id);
    } catch (IllegalStateException e) {
      throw ApiException.conflict(e.getMessage());
    }
    return view(progress(id));
  }

  private Progress progress(String id) {
    Progress p = Ids.valid(id) ? jobs.progress(id) : null;
    if (p == null) {
      throw ApiException.notFound("No job " + id);
    }
    return p;
  }

  /** The audiobook's length as estimated when the job started; null for jobs from before the estimate. */
  private Long expectedSeconds(String jobId) {
    byte[] stored = blobs.get(ExpectedDuration.key(jobId));
    if (stored == null) {
      return null;
    }
    JsonNode ms = Json.read(stored, JsonNode.class).path("expectedDurationMs");
    return ms.canConvertToLong() ? Math.round(ms.asLong() / 1000.0) : null;
  }

  private JobView view(Progress p) {
    Job job = p.job();
    Map<String, String> links = null;
    Integer cached = null;
    if (job.state() == JobState.DONE && job.outputs() != null) {
      links = new LinkedHashMap<>();
      for (Map.Entry<String, String> output : job.outputs().entrySet()) {
        String key = output.getValue();
        if (key.startsWith("jobs/")) { // jobs assembled before the counts were kept listed cachedParts here
          links.put(output.getKey(), signer.getUrl(key, LINK_TTL, key.substring(key.lastIndexOf('/') + 1)));
        }
      }
      cached = job.counts() == null ? 0 : job.counts().cached();
    }
    return new JobView(job.id(), job.bookId(), job.title(), versions.jobVersion(job.id()), job.state(),
        new JobView.Parts(p.partsDone(), p.partsTotal(), p.partsFailed()), p.etaSeconds(),
        expectedSeconds(job.id()), p.failures(), job.billedCharacters(), job.createdAt(),
        job.finishedAt() == 0 ? null : job.finishedAt(), links, cached);
  }
}
