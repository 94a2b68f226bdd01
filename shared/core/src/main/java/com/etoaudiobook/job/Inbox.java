package com.etoaudiobook.job;

import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.BookFormatException;
import com.etoaudiobook.book.BookParser;
import com.etoaudiobook.json.Json;
import com.etoaudiobook.storage.BlobStore;
import com.etoaudiobook.voice.AutoCaster;
import com.etoaudiobook.voice.Casting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Files dropped in inbox/ become audiobooks: parse, auto-cast, start a job, and write
 * {@code <file>.result.json} beside the file saying where the audiobook will be, or why the file
 * was refused. The result is written once; a bad file never throws, so the trigger never retries.
 */
public final class Inbox {
  private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);
  public static final String PREFIX = "inbox/";
  public static final String RESULT_SUFFIX = ".result.json";

  /**
   * @param status "accepted", "refused" (the file cannot become a book) or "failed" (our fault)
   * @param audiobook key the finished audiobook will have
   * @param job key of the job's status object
   */
  public record Result(String status, String file, String title, String bookId, String jobId, String job,
                       String audiobook, String reason, String message) {
  }

  private final JobStore store;
  private final BookParser parser;
  private final Supplier<AutoCaster> caster;
  private final JobService jobs;
  private final long maxBytes;

  public Inbox(JobStore store, BookParser parser, Supplier<AutoCaster> caster, JobService jobs, long maxBytes) {
    this.store = store;
    this.parser = parser;
    this.caster = caster;
    this.jobs = jobs;
    this.maxBytes = maxBytes;
  }

  /** True for keys that are files to convert (not folders, not our own result objects). */
  public static boolean isInput(String key) {
    return key.startsWith(PREFIX) && !key.endsWith("/") && !key.endsWith(RESULT_SUFFIX);
  }

  /** Converts one dropped file; returns its result, or null when the key is not an inbox input. */
  public Result accept(String key) {
    if (!isInput(key)) {
      return null;
    }
    BlobStore blobs = store.blobs();
    String resultKey = key + RESULT_SUFFIX;
    byte[] existing = blobs.get(resultKey);
    if (existing != null) {
      Result before = Json.read(existing, Result.class);
      if (!"failed".equals(before.status())) {
        return before; // a repeated notification: already handled
      }
    }
    String name = key.substring(key.lastIndexOf('/') + 1);
    Result result;
    try {
      byte[] data = blobs.get(key);
      if (data == null) {
        result = refused(name, "missing", "The file was removed before it could be read");
      } else if (data.length > maxBytes) {
        result = refused(name, "too-large", "The file is " + data.length + " bytes; the limit is " + maxBytes);
      } else {
        Book book = parser.parse(name, data);
        Casting casting = caster.get().cast(book, Map.of());
        String bookId = Ids.newId();
        store.saveBook(bookId, book);
        store.saveCover(bookId, parser.cover(name, data));
        Job job = jobs.start(bookId, book, casting, JobOptions.DEFAULT);
        result = new Result("accepted", name, book.title(), bookId, job.id(), Keys.job(job.id()),
            Keys.out(job.id(), FileNames.safe(book.title()) + ".mp3"), null, null);
        LOG.info("inbox: {} → job {} ({} parts)", key, job.id(), job.partsTotal());
      }
    } catch (BookFormatException e) {
      result = refused(name, e.reason(), e.getMessage());
    } catch (IllegalArgumentException e) {
      result = refused(name, "invalid", e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("inbox: {} failed", key, e);
      result = new Result("failed", name, null, null, null, null, null, "internal",
          "The file could not be converted because of an internal error; drop it again to retry");
    }
    blobs.put(resultKey, Json.write(result), "application/json");
    return result;
  }

  private static Result refused(String name, String reason, String message) {
    return new Result("refused", name, null, null, null, null, null, reason, message);
  }
}
