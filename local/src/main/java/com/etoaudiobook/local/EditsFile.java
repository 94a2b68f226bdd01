package com.etoaudiobook.local;

import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.edit.BookEditor;
import com.etoaudiobook.book.edit.BookEdits;
import com.etoaudiobook.book.edit.EditException;
import com.etoaudiobook.book.edit.EditOperation;
import com.etoaudiobook.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The CLI's {@code --edits FILE}: the same operations as {@code PATCH /api/books/{id}} (an object
 * with {@code operations}, or the list alone), applied to the parsed book before it is shown or
 * converted. Segment indexes are those {@code parse --json} prints.
 */
final class EditsFile {
  private EditsFile() {
  }

  /** The book with the file's edits, or as it is when there is no file. */
  static Book apply(Book book, String file) throws IOException {
    if (file == null) {
      return book;
    }
    List<EditOperation> operations;
    try {
      JsonNode tree = Json.MAPPER.readTree(Files.readAllBytes(Path.of(file)));
      if (tree != null && tree.isArray()) {
        operations = Arrays.asList(Json.MAPPER.treeToValue(tree, EditOperation[].class));
      } else if (tree != null && tree.path("operations").isArray()) {
        operations = Json.MAPPER.treeToValue(tree, BookEdits.class).operations();
      } else {
        throw new Main.UsageException("--edits " + file + ": expected {\"operations\": [...]} or a list of operations");
      }
    } catch (NoSuchFileException e) {
      throw new Main.UsageException("--edits: no such file: " + file);
    } catch (JsonProcessingException e) {
      throw new Main.UsageException("--edits " + file + ": not valid JSON or a field has the wrong type ("
          + e.getOriginalMessage() + ")");
    }
    try {
      return BookEditor.apply(book, operations);
    } catch (EditException e) {
      throw new Main.UsageException("--edits " + file + ": " + e.getMessage());
    }
  }
}
