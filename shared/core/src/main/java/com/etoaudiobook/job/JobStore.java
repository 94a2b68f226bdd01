package com.etoaudiobook.job;

import com.etoaudiobook.job.synthesis.PartFailure;
import com.etoaudiobook.job.synthesis.PartResult;
import com.etoaudiobook.job.synthesis.PartSpec;

import com.etoaudiobook.book.Book;
import com.etoaudiobook.json.Json;
import com.etoaudiobook.storage.BlobStore;

import java.util.ArrayList;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Books, jobs, plans and part results as JSON objects in the BlobStore. */
public final class JobStore {
  private static final String JSON = "application/json";
  /** A cover larger than this would swell every MP3's tag; it is left out. */
  public static final int MAX_COVER_BYTES = 2 * 1024 * 1024;
  private final BlobStore blobs;

  public JobStore(BlobStore blobs) {
    this.blobs = blobs;
  }

  public BlobStore blobs() {
    return blobs;
  }

  public void saveBook(String bookId, Book book) {
    blobs.put(Keys.book(bookId), Json.write(book), JSON);
  }

  /** Keeps the cover beside the book; an absent or oversized one is not stored. */
  public void saveCover(String bookId, byte[] cover) {
    if (cover != null && cover.length > 0 && cover.length <= MAX_COVER_BYTES) {
      boolean png = cover.length > 4 && cover[0] == (byte) 0x89 && cover[1] == 'P';
      blobs.put(Keys.cover(bookId), cover, png ? "image/png" : "image/jpeg");
    }
  }

  /** The book's cover image, or null. */
  public byte[] cover(String bookId) {
    return blobs.get(Keys.cover(bookId));
  }

  /** The book, or null. */
  public Book book(String bookId) {
    byte[] data = blobs.get(Keys.book(bookId));
    return data == null ? null : Json.read(data, Book.class);
  }

  public void saveParsing(String bookId, BookParsing parsing) {
    blobs.put(Keys.bookParsing(bookId), Json.write(parsing), "application/json");
  }

  /** The state of a book parsed away from the API, or null when there is none (or the book is parsed). */
  public BookParsing parsing(String bookId) {
    byte[] b = blobs.get(Keys.bookParsing(bookId));
    return b == null ? null : Json.read(b, BookParsing.class);
  }

  public void clearParsing(String bookId) {
    blobs.delete(Keys.bookParsing(bookId));
  }

  public void saveJob(Job job) {
    blobs.put(Keys.job(job.id()), Json.write(job), JSON);
  }

  /** An early assembly run holds the job until {@code untilMillis} (epoch ms), so the final trigger leaves it that run. */
  public void leaseAssembly(String jobId, long untilMillis) {
    blobs.put(Keys.assemblyLease(jobId), Long.toString(untilMillis).getBytes(StandardCharsets.US_ASCII), "text/plain");
  }

  /** Until when (epoch ms) an early assembly run holds the job; 0 when none does. */
  public long assemblyLease(String jobId) {
    byte[] data = blobs.get(Keys.assemblyLease(jobId));
    try {
      return data == null ? 0 : Long.parseLong(new String(data, StandardCharsets.US_ASCII).trim());
    } catch (NumberFormatException e) {
      return 0; // unreadable: held by nobody
    }
  }

  public void releaseAssembly(String jobId) {
    blobs.delete(Keys.assemblyLease(jobId));
  }

  /** The job, or null. */
  public Job job(String jobId) {
    byte[] data = blobs.get(Keys.job(jobId));
    return data == null ? null : Json.read(data, Job.class);
  }

  public void savePlan(String jobId, List<PartSpec> parts) {
    blobs.put(Keys.plan(jobId), Json.write(new Plan(parts)), JSON);
  }

  public List<PartSpec> plan(String jobId) {
    byte[] data = blobs.get(Keys.plan(jobId));
    return data == null ? List.of() : Json.read(data, Plan.class).parts();
  }

  /** The stored result of a part, or null when the part is not done. */
  public PartResult partResult(String jobId, int part) {
    byte[] data = blobs.get(Keys.partMarks(jobId, part));
    return data == null ? null : Json.read(data, PartResult.class);
  }

  /** Indexes of the parts that are done. */
  public List<Integer> doneParts(String jobId) {
    return donePartsAfter(jobId, -1);
  }

  /** Indexes of the done parts after part {@code after} (-1: all), listing only their keys. */
  public List<Integer> donePartsAfter(String jobId, int after) {
    List<Integer> done = new ArrayList<>();
    for (String key : blobs.list(Keys.partsPrefix(jobId), after < 0 ? null : Keys.partMarks(jobId, after))) {
      if (key.endsWith(".marks.json")) {
        done.add(Keys.partIndexOf(key));
      }
    }
    return done;
  }

  public void saveFailure(String jobId, PartFailure failure) {
    blobs.put(Keys.failure(jobId, failure.part()), Json.write(failure), JSON);
  }

  public void clearFailure(String jobId, int part) {
    blobs.delete(Keys.failure(jobId, part));
  }

  public List<PartFailure> failures(String jobId) {
    List<PartFailure> list = new ArrayList<>();
    for (String key : blobs.list(Keys.failuresPrefix(jobId))) {
      byte[] data = blobs.get(key);
      if (data != null) {
        list.add(Json.read(data, PartFailure.class));
      }
    }
    return list;
  }

  record Plan(List<PartSpec> parts) {
  }
}
