package com.etoaudiobook.job;

import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.Chapter;
import com.etoaudiobook.book.Role;
import com.etoaudiobook.book.Segment;
import com.etoaudiobook.storage.FileBlobStore;
import com.etoaudiobook.voice.Casting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Start-up finds unfinished jobs in the index of running jobs, not among every object under jobs/. */
class RunningIndexTest {
  @TempDir
  Path dir;

  @Test
  void unfinishedJobsComeFromTheIndexAndFinishedOnesLeaveIt() {
    FileBlobStore blobs = new FileBlobStore(dir);
    JobStore store = new JobStore(blobs);
    JobService jobs = new JobService(store, new RecordingQueue(), "espeak", 500);
    Segment s = new Segment(0, 0, 0, "Ann", null, "Hello.", 0, 6);
    Book book = new Book("T", null, "en", List.of(new Chapter(0, "One", List.of(s))),
        List.of(new Role("Ann", 1, 6, "Hello.", List.of(), null)), new Book.Source("t.md", "markdown", "UTF-8"),
        List.of());
    Casting casting = new Casting(Map.of("Ann", Casting.Assignment.of("en-us")));
    Job running = jobs.start("b", book, casting, JobOptions.DEFAULT);
    Job finished = jobs.start("b", book, casting, JobOptions.DEFAULT);
    Job cancelled = jobs.start("b", book, casting, JobOptions.DEFAULT);
    store.saveJob(store.job(finished.id()).with(JobState.DONE)); // as the assembler leaves it
    jobs.cancel(cancelled.id());
    // a running job outside the index: found only by listing jobs/, which start-up must not do
    store.saveJob(new Job(Ids.newId(), "b", "T", JobState.RUNNING, casting, JobOptions.DEFAULT, 1, 0, 0, 0, null, 0,
        null));

    assertEquals(List.of(running.id()), jobs.unfinishedJobs());
    assertEquals(List.of(Keys.running(running.id())), blobs.list(Keys.RUNNING_PREFIX), "finished jobs left the index");
  }
}
