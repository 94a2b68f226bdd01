package com.etoaudiobook.book.edit;

import com.etoaudiobook.book.Book;
import com.etoaudiobook.job.JobStore;
import com.etoaudiobook.json.Json;

import java.util.ArrayList;
import java.util.List;

/**
 * A stored book's version and the edits that made it, kept beside the book
 * ({@code books/{id}/edits.json}). A parsed book is version 1; every applied edit adds one. The
 * book itself stays at {@code books/{id}/book.json}, so every reader of books sees the edited one.
 */
public final class BookVersions {
  /** Edits kept in the history (the newest); the version counts on past them. */
  static final int HISTORY = 100;
  /** Edits of one book in this process wait for each other, so each sees the version before it. */
  private static final Object[] LOCKS = new Object[64];

  static {
    for (int i = 0; i < LOCKS.length; i++) {
      LOCKS[i] = new Object();
    }
  }

  private final JobStore store;

  public BookVersions(JobStore store) {
    this.store = store;
  }

  /** @param history the newest applied edits, oldest first */
  public record Log(int version, List<Revision> history) {
    public Log {
      history = history == null ? List.of() : List.copyOf(history);
    }
  }

  /** One applied edit: the version it made, when (epoch ms), and what it did. */
  public record Revision(int version, long at, List<EditOperation> operations) {
  }

  /** The book's current version (1 when it was never edited). */
  public int version(String bookId) {
    return log(bookId).version();
  }

  public Log log(String bookId) {
    byte[] data = store.blobs().get(key(bookId));
    return data == null ? new Log(1, List.of()) : Json.read(data, Log.class);
  }

  /** The edited book and its new version. */
  public record Edited(Book book, int version) {
  }

  /** The base version is not the stored one: someone edited the book since it was read. */
  public static final class StaleVersionException extends RuntimeException {
    public StaleVersionException(int base, int current) {
      super("the book is at version " + current + ", not " + base + "; read it again and redo the edit on it");
    }
  }

  /**
   * Applies the edits to the stored book, all or nothing: an {@link EditException} or a stale base
   * version leaves the book as it was. Returns null when there is no such book.
   */
  public Edited edit(String bookId, BookEdits edits) {
    synchronized (LOCKS[Math.floorMod(bookId.hashCode(), LOCKS.length)]) {
      Book book = store.book(bookId);
      if (book == null) {
        return null;
      }
      Log log = log(bookId);
      if (edits.baseVersion() != null && edits.baseVersion() != log.version()) {
        throw new StaleVersionException(edits.baseVersion(), log.version());
      }
      Book edited = BookEditor.apply(book, edits.operations());
      int version = log.version() + 1;
      List<Revision> history = new ArrayList<>(log.history());
      history.add(new Revision(version, System.currentTimeMillis(), edits.operations()));
      if (history.size() > HISTORY) {
        history = history.subList(history.size() - HISTORY, history.size());
      }
      // the book first: a reader that sees the new version must find the book it names
      store.saveBook(bookId, edited);
      store.blobs().put(key(bookId), Json.write(new Log(version, history)), "application/json");
      return new Edited(edited, version);
    }
  }

  /**
   * The book and the version it is, read consistently with an edit running meanwhile (version read
   * before and after the book); null when there is no such book.
   */
  public Edited current(String bookId) {
    for (int attempt = 0; ; attempt++) {
      int before = version(bookId);
      Book book = store.book(bookId);
      if (book == null) {
        return null;
      }
      int after = version(bookId);
      if (before == after || attempt == 3) {
        return new Edited(book, after);
      }
    }
  }

  /** Records beside a job which version of its book it was planned from. */
  public void recordJob(String jobId, int version) {
    store.blobs().put(jobKey(jobId), Json.write(java.util.Map.of("bookVersion", version)), "application/json");
  }

  /** The book version a job was planned from, or null for jobs started before versions existed. */
  public Integer jobVersion(String jobId) {
    byte[] data = store.blobs().get(jobKey(jobId));
    if (data == null) {
      return null;
    }
    var v = Json.read(data, com.fasterxml.jackson.databind.JsonNode.class).path("bookVersion");
    return v.canConvertToInt() ? v.asInt() : null;
  }

  static String jobKey(String jobId) {
    return "jobs/" + jobId + "/book-version.json";
  }

  static String key(String bookId) {
    return "books/" + bookId + "/edits.json";
  }
}
