package com.etoaudiobook.job;

import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.Chapter;
import com.etoaudiobook.book.Role;
import com.etoaudiobook.book.Segment;
import com.etoaudiobook.job.synthesis.PartFailure;
import com.etoaudiobook.storage.FileBlobStore;
import com.etoaudiobook.voice.Casting;
import com.etoaudiobook.voice.CastingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A job's end (FAILED or DONE) and its part counts are stored on the job and read back from it. */
class JobCountsTest {
  @TempDir
  Path dir;

  @Test
  void failedIsStoredWithItsCountsAndARetryRunsAgain() {
    FileBlobStore blobs = new FileBlobStore(dir);
    JobStore store = new JobStore(blobs);
    JobService jobs = new JobService(store, new RecordingQueue(), "espeak", 500);
    Segment a = new Segment(0, 0, 0, "Ann", null, "Hello.", 0, 6);
    Segment b = new Segment(1, 0, 1, "Ann", null, "Again.", 7, 13);
    Book book = new Book("T", null, "en", List.of(new Chapter(0, "One", List.of(a, b))),
        List.of(new Role("Ann", 2, 12, "Hello.", List.of(), null)), new Book.Source("t.md", "markdown", "UTF-8"),
        List.of());
    Job job = jobs.start("b", book, new Casting(Map.of("Ann", Casting.Assignment.of("en-us"))),
        new JobOptions(null, null, false));
    assertEquals(2, job.partsTotal());
    blobs.put(Keys.partMarks(job.id(), 0), "{}".getBytes(), "application/json"); // part 0 done
    store.saveFailure(job.id(), new PartFailure(1, 1, "Ann", "engine down", 3, true, 1L));

    Progress first = jobs.progress(job.id());
    assertEquals(JobState.FAILED, first.job().state());
    assertEquals(JobState.FAILED, store.job(job.id()).state(), "the end is stored, not only shown");
    assertEquals(new Job.Counts(1, 0, 1), store.job(job.id()).counts());

    // read back from the job, not counted again: a part record that appears later changes nothing
    blobs.put(Keys.partMarks(job.id(), 1), "{}".getBytes(), "application/json");
    Progress again = jobs.progress(job.id());
    assertEquals(1, again.partsDone());
    assertEquals(1, again.partsFailed());

    blobs.delete(Keys.partMarks(job.id(), 1));
    assertEquals(1, jobs.retry(job.id()));
    Job running = store.job(job.id());
    assertEquals(JobState.RUNNING, running.state());
    assertNull(running.counts(), "a running job's parts are counted from the parts");
    assertEquals(0, jobs.progress(job.id()).partsFailed());
  }

  @Test
  void anAssembledJobKeepsItsCachedCountOnTheJob() {
    Job job = new Job("j", "b", "T", JobState.ASSEMBLING, null, JobOptions.DEFAULT, 5, 0, 0, 0, null, 0, null);
    Job done = job.finished(12, Map.of("audiobook", "jobs/j/out/T.mp3"), 3);
    assertEquals(new Job.Counts(5, 3, 0), done.counts());
    assertEquals(Map.of("audiobook", "jobs/j/out/T.mp3"), done.outputs(), "outputs are outputs only");
  }

  @Test
  void rateAndPitchAreCastingsRule() {
    CastingException rate = assertThrows(CastingException.class,
        () -> Casting.Assignment.of("role 'Ann'", "en-us", null, 2.5, null));
    assertTrue(rate.getMessage().contains("rate for role 'Ann' must be between 0.5 and 2.0"), rate.getMessage());
    assertThrows(CastingException.class, () -> Casting.Assignment.of("role 'Ann'", "en-us", null, Double.NaN, null));
    assertThrows(CastingException.class, () -> new Casting.Assignment("en-us", null, 1.0, 51));
    assertThrows(CastingException.class, () -> Casting.Assignment.of("role 'Ann'", " ", null, null, null));
    assertEquals(new Casting.Assignment("en-us", null, 1.0, 0), Casting.Assignment.of("x", "en-us", null, null, null));
  }
}
