package com.etoaudiobook.api;

import com.etoaudiobook.aws.Settings;
import com.etoaudiobook.aws.VoiceCatalog;
import com.etoaudiobook.book.BookParser;
import com.etoaudiobook.job.JobStore;
import com.etoaudiobook.storage.BlobStore;
import com.etoaudiobook.voice.AutoCaster;
import jakarta.inject.Provider;
import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.edit.BookVersions;
import com.etoaudiobook.job.BookLimits;
import com.etoaudiobook.job.BookParsing;
import com.etoaudiobook.job.Ids;
import com.etoaudiobook.job.inbox.Inbox;
import com.etoaudiobook.job.pricing.Pricing;
import com.etoaudiobook.voice.Casting;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.http.MediaType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.util.List;
import java.util.Map;

/** Books parsed from uploads. */
@Controller("/api/books")
@ExecuteOn(TaskExecutors.BLOCKING) // storage calls and parsing: never on a server event loop
class BookController {
  private final BlobStore blobs;
  private final JobStore store;
  private final Provider<AutoCaster> casters;
  private final Pricing pricing;
  private final VoiceCatalog catalog;
  private final Settings settings;
  private final BookParser parser;
  private final HeavyWork heavy;
  private final long parseAsyncBytes;

  BookController(BlobStore blobs, JobStore store, Provider<AutoCaster> casters, Pricing pricing,
                 VoiceCatalog catalog, Settings settings, BookParser parser, HeavyWork heavy, ParseSettings parse) {
    this.blobs = blobs;
    this.store = store;
    this.casters = casters;
    this.pricing = pricing;
    this.catalog = catalog;
    this.settings = settings;
    this.parser = parser;
    this.heavy = heavy;
    this.parseAsyncBytes = parse.asyncByteCount();
  }

  /** A book still being parsed (202): GET its URL again after {@code Retry-After} seconds. */
  record ParsingView(String id, @Schema(allowableValues = BookParsing.PARSING, requiredMode = Schema.RequiredMode.REQUIRED) String state, String file, long since) {
  }

  record CreateBook(String uploadId) {
  }

  @Post
  @ApiResponse(responseCode = "201", description = "the book, parsed and stored (Location: /api/books/{id})",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BookView.class)))
  @ApiResponse(responseCode = "202", description = "a large file, parsed away from the request: GET the Location",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ParsingView.class)))
  HttpResponse<?> create(@Body CreateBook body) {
    if (body == null || body.uploadId() == null) {
      throw ApiException.badRequest("uploadId is required (from POST /api/uploads)");
    }
    if (!Ids.valid(body.uploadId())) {
      throw ApiException.badRequest("uploadId is not a valid id");
    }
    List<String> keys = blobs.list("uploads/" + body.uploadId() + "/");
    if (keys.isEmpty()) {
      throw ApiException.notFound("No file was uploaded for upload " + body.uploadId()
          + " (PUT it to the presigned URL first, before it expires)");
    }
    String key = keys.get(0);
    byte[] data = blobs.get(key);
    if (data == null) {
      throw ApiException.notFound("The uploaded file is gone; upload it again");
    }
    if (data.length > settings.uploadMaxBytes()) {
      throw new ApiException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "The uploaded file is too large");
    }
    String name = key.substring(key.lastIndexOf('/') + 1);
    Uploads.requireType(name);
    String mismatch = UploadContent.mismatch(name, data);
    if (mismatch != null) {
      throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, mismatch);
    }
    if (data.length > parseAsyncBytes) {
      String bookId = Ids.newId();
      BookParsing parsing = BookParsing.parsing(name);
      store.saveParsing(bookId, parsing);
      blobs.put(Inbox.parseKey(bookId, name), data, "application/octet-stream");
      return HttpResponse.accepted().body(new ParsingView(bookId, parsing.state(), name, parsing.since()))
          .header("Location", "/api/books/" + bookId).header("Retry-After", "2");
    }
    Book book = heavy.parse(() -> BookLimits.check(parser.parse(name, data)));
    String bookId = Ids.newId();
    store.saveBook(bookId, book);
    store.saveCover(bookId, heavy.parse(() -> parser.cover(name, data)));
    return HttpResponse.created(view(bookId, book, 1)).header("Location", "/api/books/" + bookId);
  }

  /** The book; 202 while its file is parsed away from the API, 422 with the reason when it could not be. */
  @Get("/{id}")
  @ApiResponse(responseCode = "200", description = "the book",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BookView.class)))
  @ApiResponse(responseCode = "202", description = "its file is still being parsed: ask again after Retry-After",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ParsingView.class)))
  HttpResponse<?> get(@PathVariable String id) {
    if (!Ids.valid(id)) {
      throw ApiException.notFound("No book " + id);
    }
    BookVersions.Edited current = new BookVersions(store).current(id);
    BookParsing parsing = current == null ? store.parsing(id) : null;
    if (current == null && parsing == null) {
      // the inbox stores the book, then clears its parsing state: both may have changed between our reads
      current = new BookVersions(store).current(id);
    }
    if (current == null) {
      if (parsing == null) {
        throw ApiException.notFound("No book " + id);
      }
      if (BookParsing.FAILED.equals(parsing.state())) {
        throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, parsing.message());
      }
      return HttpResponse.accepted().body(new ParsingView(id, parsing.state(), parsing.file(), parsing.since()))
          .header("Retry-After", "2");
    }
    return HttpResponse.ok(view(id, current.book(), current.version()));
  }

  /** The book's cover image (from its EPUB), for the web app; 404 when the book has none. */
  @Get("/{id}/cover")
  @ApiResponse(responseCode = "200", description = "the cover image",
      content = {@Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
          @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary"))})
  HttpResponse<byte[]> cover(@PathVariable String id) {
    byte[] image = Ids.valid(id) ? store.cover(id) : null;
    if (image == null) {
      throw ApiException.notFound("Book " + id + " has no cover");
    }
    boolean png = image.length > 4 && image[0] == (byte) 0x89 && image[1] == 'P';
    return HttpResponse.ok(image).contentType(png ? "image/png" : "image/jpeg")
        .header("Cache-Control", "private, max-age=86400");
  }

  record EstimateRequest(@Nullable Map<String, Voicing> casting) {
  }

  /**
   * What a job with this casting would cost before it starts: characters × the price of each role's
   * engine. Roles left out are auto-cast, as POST /api/jobs would.
   */
  @Post("/{id}/estimate")
  Pricing.Estimate estimate(@PathVariable String id, @Body @Nullable EstimateRequest body) {
    Book book = Ids.valid(id) ? store.book(id) : null;
    if (book == null) {
      throw ApiException.notFound("No book " + id);
    }
    Casting casting = casters.get().cast(book, Voicing.assignments(body == null ? null : body.casting()));
    return estimate(book, casting);
  }

  private Pricing.Estimate estimate(Book book, Casting casting) {
    return pricing.estimate(book, casting, catalog.voices(), settings.pollyEngine());
  }

  /** @param version the book's version (1 as parsed; every edit adds one): a PATCH's baseVersion */
  BookView view(String id, Book book, int version) {
    Casting casting = casters.get().cast(book, Map.of());
    long words = book.segments().mapToLong(s -> s.text().split("\\s+").length).sum();
    BookView.Stats stats = new BookView.Stats(book.chapters().size(), book.segmentCount(), book.roles().size(),
        book.characters(), words, Math.round(words / 155.0 * 10) / 10.0);
    return new BookView(id, version, book, stats,
        store.cover(id) != null ? "/api/books/" + id + "/cover" : null, casting.roles(),
        estimate(book, casting), pricing.usdPerMillion());
  }
}
