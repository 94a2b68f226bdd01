package com.etoaudiobook.local;

import com.sun.jna.Library;
import com.sun.jna.Native;

import java.util.concurrent.ThreadFactory;

/**
 * Threads that yield their core to the process's other threads when both want one (Linux: a
 * thread's nice value, which a process may raise for its own threads without any privilege).
 * The CLI's part workers take it, so eSpeak NG's speaking thread, which feeds all of them and
 * cannot be run twice at once, gets its core first: at equal priority four busy threads on two cores
 * gave it half a core, about what it needs, and the workers waited for speech whenever a stretch of
 * the book was slower to speak (8.6 s of waits in a 44 s conversion at load 7). Under Linux's
 * autogroup scheduling the nice values only share out the conversion's own CPU time, not the
 * machine's. Elsewhere, or when the C library does not answer, the threads run as before.
 */
final class LowerPriority {
  /** 526 against 1024 in the kernel's weights: the speaking thread gets 0.8 of a core beside 3 workers on 2. */
  static final int NICE = 3;

  private interface CLibrary extends Library {
    int gettid();

    int getpriority(int which, int who);

    int setpriority(int which, int who, int prio);
  }

  private static final CLibrary C = load();

  private LowerPriority() {
  }

  private static CLibrary load() {
    if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
      return null;
    }
    try {
      return Native.load("c", CLibrary.class);
    } catch (LinkageError | RuntimeException e) {
      return null;
    }
  }

  /** {@code threads}, each lowering its own priority before its first task. */
  static ThreadFactory of(ThreadFactory threads) {
    return task -> threads.newThread(() -> {
      lowerCurrent();
      task.run();
    });
  }

  /** Lowers the calling thread's priority by {@link #NICE} steps; best effort. */
  static void lowerCurrent() {
    if (C == null) {
      return;
    }
    try {
      // PRIO_PROCESS with a thread id: on Linux the nice value is a thread's own. Relative to what
      // it was: a conversion started under `nice` stays below it
      int tid = C.gettid();
      C.setpriority(0, tid, Math.min(19, C.getpriority(0, tid) + NICE));
    } catch (LinkageError | RuntimeException e) {
      // an older C library without gettid(): the thread keeps its priority
    }
  }
}
