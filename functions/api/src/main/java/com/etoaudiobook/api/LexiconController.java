package com.etoaudiobook.api;

import com.etoaudiobook.job.JobStore;
import com.etoaudiobook.job.Ids;
import com.etoaudiobook.lexicon.BookLexicons;
import com.etoaudiobook.lexicon.Lexicon;
import com.etoaudiobook.lexicon.LexiconException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.ArrayList;
import java.util.List;

/** A book's pronunciation dictionary: jobs started afterwards honour it. */
@Controller("/api/books/{id}/lexicon")
@ExecuteOn(TaskExecutors.BLOCKING) // storage calls: never on a server event loop
class LexiconController {
  private final JobStore store;

  LexiconController(JobStore store) {
    this.store = store;
  }

  /** One entry as the API takes it: a word and either a respelling or IPA. */
  record EntryInput(@Nullable String word, @Nullable String respelling, @Nullable String ipa) {
  }

  record LexiconInput(@Nullable List<EntryInput> entries) {
  }

  @Get
  Lexicon get(@PathVariable String id) {
    requireBook(id);
    return BookLexicons.read(store.blobs(), id);
  }

  /** Replaces the book's lexicon (an empty list clears it). */
  @Put
  Lexicon put(@PathVariable String id, @Body @Nullable LexiconInput body) {
    requireBook(id);
    if (body == null || body.entries() == null) {
      throw ApiException.badRequest("entries is required: a list of {word, respelling} or {word, ipa}");
    }
    Lexicon lexicon = entries(body.entries());
    BookLexicons.save(store.blobs(), id, lexicon);
    return lexicon;
  }

  /** Validated entries, or a 400 naming the first bad one; also used by the preview. */
  static Lexicon entries(@Nullable List<EntryInput> input) {
    if (input == null || input.isEmpty()) {
      return Lexicon.EMPTY;
    }
    if (input.size() > Lexicon.MAX_ENTRIES) {
      throw ApiException.badRequest("A lexicon holds at most " + Lexicon.MAX_ENTRIES + " entries; got " + input.size());
    }
    List<Lexicon.Entry> entries = new ArrayList<>(input.size());
    for (int i = 0; i < input.size(); i++) {
      EntryInput e = input.get(i);
      try {
        if (e == null) {
          throw new LexiconException("an entry is empty");
        }
        entries.add(new Lexicon.Entry(e.word(), e.respelling(), e.ipa()));
      } catch (LexiconException ex) {
        throw ApiException.badRequest("entries[" + i + "]: " + ex.getMessage());
      }
    }
    return new Lexicon(entries);
  }

  private void requireBook(String id) {
    if (!Ids.valid(id) || store.book(id) == null) {
      throw ApiException.notFound("No book " + id);
    }
  }
}
