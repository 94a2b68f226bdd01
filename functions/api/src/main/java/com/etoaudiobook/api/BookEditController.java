package com.etoaudiobook.api;

import com.etoaudiobook.job.JobStore;
import com.etoaudiobook.book.edit.BookEdits;
import com.etoaudiobook.book.edit.BookVersions;
import com.etoaudiobook.book.edit.EditException;
import com.etoaudiobook.job.Ids;
import com.etoaudiobook.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.http.MediaType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;


/**
 * The reader's corrections of a book's casting: {@code PATCH /api/books/{id}} with
 * {@code {baseVersion, operations}}. All or nothing; the answer is the book as GET shows it.
 */
@Controller("/api/books")
@ExecuteOn(TaskExecutors.BLOCKING)
class BookEditController {
  private final JobStore store;
  private final BookController books;
  private final BookVersions versions;

  BookEditController(JobStore store, BookController books) {
    this.store = store;
    this.books = books;
    this.versions = new BookVersions(store);
  }

  @Patch("/{id}")
  @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
      schema = @Schema(implementation = BookEdits.class)))
  BookView edit(@PathVariable String id, @Body @Nullable String body) {
    if (!Ids.valid(id) || store.book(id) == null) {
      throw ApiException.notFound("No book " + id);
    }
    BookEdits edits = read(body);
    try {
      BookVersions.Edited edited = versions.edit(id, edits);
      if (edited == null) {
        throw ApiException.notFound("No book " + id);
      }
      return books.view(id, edited.book(), edited.version());
    } catch (EditException e) {
      throw ApiException.badRequest(e.getMessage() + "; nothing was changed");
    } catch (BookVersions.StaleVersionException e) {
      throw ApiException.conflict(e.getMessage());
    }
  }

  /** The body, with a message naming the field that is wrong rather than Jackson's. */
  private static BookEdits read(@Nullable String body) {
    if (body == null || body.isBlank()) {
      throw ApiException.badRequest("The body must be {\"baseVersion\": n, \"operations\": [...]}");
    }
    try {
      JsonNode tree = Json.MAPPER.readTree(body);
      if (tree == null || !tree.isObject() || !tree.path("operations").isArray()) {
        throw ApiException.badRequest("The body must be an object with an operations list");
      }
      JsonNode base = tree.get("baseVersion");
      if (base != null && !base.isNull() && !base.canConvertToInt()) {
        throw ApiException.badRequest("baseVersion must be a whole number (the book's version)");
      }
      return Json.MAPPER.treeToValue(tree, BookEdits.class);
    } catch (MismatchedInputException e) {
      String field = e.getPath().isEmpty() ? "a field" : e.getPath().get(e.getPath().size() - 1).getFieldName();
      throw ApiException.badRequest("operations: " + (field == null ? "a value" : field) + " has the wrong type"
          + " (op, role, to, from, into are strings; segments is a list of whole numbers)");
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("The body is not valid JSON");
    }
  }
}
