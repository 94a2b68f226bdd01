package com.etoaudiobook.aws.wiring;

import com.etoaudiobook.job.JobStore;
import com.etoaudiobook.job.WorkQueue;
import com.etoaudiobook.job.assembly.AudiobookAssembler;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The finished audiobook from a job's parts: the assembler's (and the local runtime's). */
@Factory
public class AssemblyFactory {
  @Singleton
  AudiobookAssembler assembler(JobStore store, WorkQueue queue) {
    return new AudiobookAssembler(store, queue);
  }
}
