package com.etoaudiobook.job.inbox;

import com.etoaudiobook.job.BookLimits;
import com.etoaudiobook.job.BookParsing;
import com.etoaudiobook.job.FileNames;
import com.etoaudiobook.job.Ids;
import com.etoaudiobook.job.Job;
import com.etoaudiobook.job.JobOptions;
import com.etoaudiobook.job.JobService;
import com.etoaudiobook.job.JobStore;
import com.etoaudiobook.job.Keys;

import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.BookFormatException;
import com.etoaudiobook.book.BookParser;
import com.etoaudiobook.book.Cancellation;
import com.etoaudiobook.json.Json;
import com.etoaudiobook.lexicon.BookLexicons;
import com.etoaudiobook.lexicon.Lexicon;
import com.etoaudiobook.lexicon.LexiconException;
import com.etoaudiobook.lexicon.LexiconFormat;
import com.etoaudiobook.storage.BlobStore;
import com.etoaudiobook.voice.AutoCaster;
import com.etoaudiobook.voice.Casting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Files dropped in inbox/ become audiobooks: parse, auto-cast, start a job, and write
 * {@code <file>.result.json} beside the file saying where the audiobook will be, or why the file
 * was refused. The result is written once; a bad file never throws, so the trigger never retries.
 *
 * <p>Pronunciations come from lexicon files put in the folder before the book: {@code lexicon.txt}
 * or {@code lexicon.pls} for every book of the folder, {@code <book>.lexicon.txt} or {@code <book>.pls}
 * for one book (its entries win). They are not books themselves.
 */
public final class Inbox {
  private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);
  public static final String PREFIX = "inbox/";
  public static final String RESULT_SUFFIX = ".result.json";
  /**
   * Uploads too large to parse within an API request: {@code inbox/.parse/<bookId>/<file>}. They become
   * that book only (no job; the reader casts it in the web app), with its state in {@link BookParsing}.
   */
  public static final String PARSE_PREFIX = PREFIX + ".parse/";
  /**
   * The longest one file may take to parse: well inside the inbox function's 300 s, and the local
   * watcher's one thread goes on to the next file. Any accepted file parses in a fraction of it.
   */
  public static final Duration PARSE_DEADLINE = Duration.ofSeconds(120);
  /** Beside a file while it is read, so one that kills the process is set aside, not read again at each start. */
  public static final String READING_SUFFIX = ".reading";

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
  private final Duration parseDeadline;

  public Inbox(JobStore store, BookParser parser, Supplier<AutoCaster> caster, JobService jobs, long maxBytes) {
    this(store, parser, caster, jobs, maxBytes, PARSE_DEADLINE);
  }

  public Inbox(JobStore store, BookParser parser, Supplier<AutoCaster> caster, JobService jobs, long maxBytes,
               Duration parseDeadline) {
    this.parseDeadline = parseDeadline;
    this.store = store;
    this.parser = parser;
    this.caster = caster;
    this.jobs = jobs;
    this.maxBytes = maxBytes;
  }

  /** True for keys that are files to convert (not folders, not our own result objects, not lexicons). */
  public static boolean isInput(String key) {
    return key.startsWith(PREFIX) && !key.endsWith("/") && !key.endsWith(RESULT_SUFFIX)
        && !key.endsWith(READING_SUFFIX) && !isLexicon(key);
  }

  /** Lexicon files: pronunciations for the books of their folder, read when a book arrives. */
  public static boolean isLexicon(String key) {
    String name = key.substring(key.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
    return name.endsWith(".pls") || name.equals("lexicon.txt") || name.endsWith(".lexicon.txt");
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
    String marker = key + READING_SUFFIX;
    if (blobs.exists(marker)) {
      // the last attempt on this file never finished: the process died reading it (time, memory)
      Result result = refused(name, "stopped", "Reading this file stopped the converter; it was set aside");
      if (key.startsWith(PARSE_PREFIX)) {
        store.saveParsing(bookIdOf(key), BookParsing.parsing(name).failed(result.reason(), result.message()));
      }
      blobs.put(resultKey, Json.write(result), "application/json");
      blobs.delete(marker);
      return result;
    }
    blobs.put(marker, new byte[0], "application/octet-stream");
    Result result;
    try {
      result = convert(key, name, blobs);
    } catch (BookFormatException e) {
      result = refused(name, e.reason(), e.getMessage());
    } catch (LexiconException e) {
      result = refused(name, "lexicon", e.getMessage());
    } catch (IllegalArgumentException e) {
      result = refused(name, "invalid", e.getMessage());
    } catch (StackOverflowError e) {
      LOG.warn("inbox: {} is too deeply nested to parse", key);
      result = refused(name, "too-complex", "The file is nested too deeply or is too complex to read");
    } catch (OutOfMemoryError e) {
      LOG.warn("inbox: {} needs more memory than this process has ({} MB)", key, maxHeapMb());
      result = refused(name, "too-large", "Reading the file needs more memory than the converter has ("
          + maxHeapMb() + " MB); split it into smaller files");
    } catch (RuntimeException | Error e) { // NOPMD: one file's failure must not end the handler
      LOG.error("inbox: {} failed", key, e);
      result = new Result("failed", name, null, null, null, null, null, "internal",
          "The file could not be converted because of an internal error; drop it again to retry");
    }
    if (key.startsWith(PARSE_PREFIX) && !"accepted".equals(result.status())) {
      String bookId = bookIdOf(key);
      BookParsing before = store.parsing(bookId);
      store.saveParsing(bookId, (before == null ? BookParsing.parsing(name) : before)
          .failed(result.reason(), result.message()));
    }
    blobs.put(resultKey, Json.write(result), "application/json");
    blobs.delete(marker);
    return result;
  }

  /** Hands an upload over to be parsed here, away from the API; the book is {@code bookId} once read. */
  public static String parseKey(String bookId, String fileName) {
    return PARSE_PREFIX + bookId + "/" + fileName;
  }

  private static String bookIdOf(String parseKey) {
    String rest = parseKey.substring(PARSE_PREFIX.length());
    return rest.substring(0, rest.indexOf('/'));
  }

  private Result convert(String key, String name, BlobStore blobs) {
    byte[] data = blobs.get(key);
    if (data == null) {
      return refused(name, "missing", "The file was removed before it could be read");
    }
    if (data.length > maxBytes) {
      return refused(name, "too-large", "The file is " + data.length + " bytes; the limit is " + maxBytes);
    }
    if (key.startsWith(PARSE_PREFIX)) {
      String bookId = bookIdOf(key);
      Book book = BookLimits.check(Cancellation.within(parseDeadline, () -> parser.parse(name, data)));
      store.saveCover(bookId, parser.cover(name, data));
      store.saveBook(bookId, book);
      store.clearParsing(bookId);
      blobs.delete(key); // the upload stays under uploads/; this was only the hand-over
      LOG.info("inbox: {} parsed as book {}", key, bookId);
      return new Result("accepted", name, book.title(), bookId, null, null, null, null, null);
    }
    Lexicon lexicon = lexiconFor(key, blobs);
    Book book = BookLimits.check(Cancellation.within(parseDeadline, () -> parser.parse(name, data)));
    Casting casting = caster.get().cast(book, Map.of());
    String bookId = Ids.newId();
    store.saveBook(bookId, book);
    store.saveCover(bookId, parser.cover(name, data));
    if (!lexicon.isEmpty()) {
      BookLexicons.save(blobs, bookId, lexicon);
    }
    Job job = jobs.start(bookId, book, casting, JobOptions.DEFAULT, lexicon);
    LOG.info("inbox: {} → job {} ({} parts)", key, job.id(), job.partsTotal());
    return new Result("accepted", name, book.title(), bookId, job.id(), Keys.job(job.id()),
        Keys.out(job.id(), FileNames.safe(book.title()) + ".mp3"), null, null);
  }

  /** The folder's lexicon, then the book's own (a later entry for a word replaces an earlier one). */
  static Lexicon lexiconFor(String key, BlobStore blobs) {
    String folder = key.substring(0, key.lastIndexOf('/') + 1);
    String name = key.substring(folder.length());
    String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
    Lexicon lexicon = Lexicon.EMPTY;
    for (String candidate : List.of("lexicon.txt", "lexicon.pls", base + ".lexicon.txt", base + ".pls")) {
      byte[] bytes = blobs.get(folder + candidate);
      if (bytes == null) {
        continue;
      }
      lexicon = lexicon.with(LexiconFormat.read(candidate, bytes));
    }
    return lexicon;
  }

  private static long maxHeapMb() {
    return Runtime.getRuntime().maxMemory() / (1024 * 1024);
  }

  private static Result refused(String name, String reason, String message) {
    return new Result("refused", name, null, null, null, null, null, reason, message);
  }
}
