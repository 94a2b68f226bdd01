package com.etoaudiobook.bench;

import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.BookFormatException;
import com.etoaudiobook.formats.DocumentParser;
import com.etoaudiobook.formats.Pathological;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * An ordinary book of each format at the largest size the parser accepts (20 MB of text by default), parsed
 * in the heap the runtime gives it: the process's CPU time, the wall time, the heap live after a collection at
 * its highest (what the parse kept) and the heap pools' summed peaks (an upper bound of what it touched), each
 * the better of {@code ROUNDS} runs after a warm-up at a tenth of the size ("live" is 0 when no full collection
 * ran). The reference in the same run is the plain text of the same size: each format's CPU is printed as a
 * ratio of it. A book holds at most 5 million characters (BookLimits; readers stop there);
 * 20 MB of text is refused as soon as the reader passes that.
 *
 * <pre>bench/run.sh ParseLargeBench [MB=20] [format...]</pre>
 */
public final class ParseLargeBench {
  private static final int ROUNDS = Integer.getInteger("rounds", 2);
  private static final com.sun.management.OperatingSystemMXBean OS = (com.sun.management.OperatingSystemMXBean)
      ManagementFactory.getOperatingSystemMXBean();
  /** The largest heap in use right after a full collection since the last reset: what the parse held then. */
  private static final AtomicLong LIVE = new AtomicLong();

  private record Outcome(long cpuMs, long wallMs, long liveMb, long peakMb, String result) {
  }

  private ParseLargeBench() {
  }

  public static void main(String[] args) throws Exception {
    double mb = 20;
    List<String> formats = new ArrayList<>();
    for (String a : args) {
      if (a.matches("[0-9.]+")) {
        mb = Double.parseDouble(a);
      } else {
        formats.add(a);
      }
    }
    if (formats.isEmpty()) {
      formats = List.of("txt", "md", "html", "epub", "docx", "pdf");
    }
    watchCollections();
    DocumentParser parser = new DocumentParser();
    System.out.printf(Locale.ROOT, "JVM: %s, max heap %d MB, %d cores%n",
        ManagementFactory.getRuntimeMXBean().getInputArguments(), Runtime.getRuntime().maxMemory() >> 20,
        Runtime.getRuntime().availableProcessors());
    System.out.printf(Locale.ROOT, "%-6s %8s %8s %8s %8s %8s %9s %7s  %s%n", "format", "text MB", "file MB",
        "cpu s", "wall s", "cpu/txt", "live MB", "peak MB", "result");
    long reference = 0;
    for (String f : formats.contains("txt") ? formats : prepend("txt", formats)) {
      int size = (int) (mb * 1_000_000) - 100_000; // within MAX_CHARS and TextDecoder's 20 MiB
      Pathological.Input in = normal(f, size);
      run(parser, normal(f, size / 10)); // warm-up
      Outcome best = null;
      for (int i = 0; i < ROUNDS; i++) {
        Outcome o = run(parser, in);
        best = best == null || o.cpuMs() < best.cpuMs() ? o : best;
      }
      if (f.equals("txt")) {
        reference = Math.max(1, best.cpuMs());
      }
      if (formats.contains(f)) {
        System.out.printf(Locale.ROOT, "%-6s %8.1f %8.1f %8.2f %8.2f %8.1f %9d %7d  %s%n", f, size / 1e6,
            in.bytes().length / 1e6, best.cpuMs() / 1000.0, best.wallMs() / 1000.0,
            (double) best.cpuMs() / reference, best.liveMb(), best.peakMb(), best.result());
      }
    }
    System.exit(0);
  }

  private static List<String> prepend(String first, List<String> rest) {
    List<String> out = new ArrayList<>(List.of(first));
    out.addAll(rest);
    return out;
  }

  private static Pathological.Input normal(String format, int size) {
    return Pathological.large(format, size);
  }

  private static Outcome run(DocumentParser parser, Pathological.Input in) {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    LIVE.set(0);
    long c0 = OS.getProcessCpuTime();
    long t0 = System.nanoTime();
    String result;
    try {
      Book b = parser.parse(in.name(), in.bytes());
      result = b.segmentCount() + " segments, " + b.chapters().size() + " chapters";
    } catch (BookFormatException e) {
      result = "refused (" + e.reason() + "): " + e.getMessage();
    } catch (OutOfMemoryError e) {
      result = "OUT OF MEMORY";
    }
    long wall = (System.nanoTime() - t0) / 1_000_000;
    long cpu = (OS.getProcessCpuTime() - c0) / 1_000_000;
    long peak = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        peak += p.getPeakUsage().getUsed();
      }
    }
    return new Outcome(cpu, wall, LIVE.get() >> 20, peak >> 20, result);
  }

  private static void watchCollections() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener((n, h) -> {
        if (!"com.sun.management.gc.notification".equals(n.getType())) {
          return;
        }
        CompositeData data = (CompositeData) n.getUserData();
        if (!String.valueOf(data.get("gcAction")).contains("major")) {
          return; // after a minor collection the old generation still holds garbage
        }
        CompositeData info = (CompositeData) data.get("gcInfo");
        long used = 0;
        for (Object v : ((javax.management.openmbean.TabularData) info.get("memoryUsageAfterGc")).values()) {
          CompositeData entry = (CompositeData) v;
          MemoryUsage u = MemoryUsage.from((CompositeData) entry.get("value"));
          String pool = (String) entry.get("key");
          if (!pool.contains("Metaspace") && !pool.contains("Code") && !pool.contains("Class")) {
            used += u.getUsed();
          }
        }
        LIVE.accumulateAndGet(used, Math::max);
      }, null, null);
    }
  }
}
