package com.etoaudiobook.aws.wiring;

import com.etoaudiobook.aws.Settings;
import com.etoaudiobook.book.BookParser;
import com.etoaudiobook.formats.DocumentParser;
import com.etoaudiobook.job.JobService;
import com.etoaudiobook.job.JobStore;
import com.etoaudiobook.job.inbox.Inbox;
import com.etoaudiobook.voice.AutoCaster;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

/** Books from files: the parser (the inbox's and the API's uploads) and the inbox's files to jobs. */
@Factory
public class InboxFactory {
  @Singleton
  BookParser parser() {
    return new DocumentParser();
  }

  @Singleton
  Inbox inbox(JobStore store, BookParser parser, Provider<AutoCaster> caster, JobService jobs, Settings settings) {
    return new Inbox(store, parser, caster::get, jobs, settings.uploadMaxBytes());
  }
}
