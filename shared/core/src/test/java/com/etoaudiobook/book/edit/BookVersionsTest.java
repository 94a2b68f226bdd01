package com.etoaudiobook.book.edit;

import com.etoaudiobook.book.Book;
import com.etoaudiobook.job.JobStore;
import com.etoaudiobook.storage.FileBlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BookVersionsTest {
  @TempDir
  Path dir;

  @Test
  void eachEditIsAVersionAndAStaleBaseOrABadEditChangesNothing() {
    JobStore store = new JobStore(new FileBlobStore(dir));
    BookVersions versions = new BookVersions(store);
    store.saveBook("b1", BookEditorTest.book());
    assertEquals(1, versions.version("b1"));

    BookVersions.Edited e = versions.edit("b1", new BookEdits(1, List.of(EditOperation.rename("Tom", "Thomas"))));
    assertEquals(2, e.version());
    assertEquals(2, versions.version("b1"));
    assertEquals("Thomas", store.book("b1").segments().toList().get(2).role());
    assertEquals(List.of(EditOperation.rename("Tom", "Thomas")), versions.log("b1").history().get(0).operations());

    assertThrows(BookVersions.StaleVersionException.class,
        () -> versions.edit("b1", new BookEdits(1, List.of(EditOperation.rename("Mara", "M")))));
    assertThrows(EditException.class, () -> versions.edit("b1", new BookEdits(2, List.of(
        EditOperation.rename("Mara", "M"), EditOperation.narrate(List.of(99))))));
    Book stored = store.book("b1");
    assertEquals("Mara", stored.segments().toList().get(1).role()); // operation 1 of the refused edit did not stay
    assertEquals(2, versions.current("b1").version());
    assertNull(versions.edit("nope", new BookEdits(null, List.of(EditOperation.rename("Mara", "M")))));
  }
}
