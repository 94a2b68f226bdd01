package com.etoaudiobook.local;

import com.etoaudiobook.aws.PollyEngine;
import com.etoaudiobook.aws.wiring.SettingsError;
import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.BookFormatException;
import com.etoaudiobook.book.Role;
import com.etoaudiobook.engine.Delivery;
import com.etoaudiobook.engine.SpeechEngine;
import com.etoaudiobook.engine.espeak.EspeakEngine;
import com.etoaudiobook.job.JobOptions;
import com.etoaudiobook.lexicon.Lexicon;
import com.etoaudiobook.lexicon.LexiconException;
import com.etoaudiobook.job.assembly.Pauses;
import com.etoaudiobook.json.Json;
import com.etoaudiobook.storage.FileBlobStore;
import com.etoaudiobook.storage.FileVoiceLevelStore;
import com.etoaudiobook.voice.AutoCaster;
import com.etoaudiobook.voice.Casting;
import com.etoaudiobook.voice.CastingException;
import com.etoaudiobook.voice.Voice;
import com.etoaudiobook.voice.VoiceFilter;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanContextException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The `etoaudiobook` command line. */
public final class Main {
  static final String USAGE = """
      usage: etoaudiobook <command> [options]

        convert FILE [--voice ROLE=VOICE]... [--out DIR] [--pause-ms MS] [--edits EDITS.json]
                [--paragraph-pause-ms MS] [--chapter-pause-ms MS] [--threads N] [--lexicon FILE]...
                [--no-chapter-titles] [--segments]
            Make an audiobook (MP3 with chapters, captions, manifest; --segments: one MP3 per
            segment too, as the web player streams them).
            The narrator speaks each chapter's title first; --no-chapter-titles leaves them out.
            --lexicon: pronunciations (Word = respelling, Word /IPA/, or W3C PLS), after lexicon.txt in the home folder.
        parse FILE [--json] [--edits EDITS.json]
            Show the chapters, roles and segments found in FILE (--json: the whole Book,
            with each segment's role and [start, end) offsets into the source text).
            --edits applies corrections first: rename, merge, move, narrate (see docs/API.md).
        voices [--language LANG] [--gender female|male] [--q TEXT] [--json]
            List the voices of the local engine (eSpeak NG).
        serve [--port N] [--data DIR] [--engine espeak|polly]
            Run the whole system locally: API, queues, workers, storage and the web page.
            --engine polly (or SPEECH_PROVIDER=polly) speaks with Amazon Polly: the default
            AWS credentials and region, POLLY_ENGINE (default neural), POLLY_ENDPOINT.

      stdout carries only the result (convert: the audiobook's path, last); messages, the progress
      bar and warnings go to stderr. --verbose logs what happens (each part's cache hit or miss).
      """;

  private final PrintStream out;
  private final PrintStream err;
  /** The cover image of the file last read, for the audiobook's tag. */
  private byte[] cover;

  Main(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    configureLogging(List.of(args).contains("--verbose"));
    int code = new Main(System.out, System.err).run(args);
    if (code != 0 || !(args.length > 0 && args[0].equals("serve"))) {
      System.exit(code);
    }
  }

  /** Runs a command and returns the exit code: 0 ok, 1 failure while working, 2 bad usage or input. */
  int run(String[] argv) {
    if (argv.length == 0 || argv[0].equals("-h") || argv[0].equals("--help") || argv[0].equals("help")) {
      out.print(USAGE);
      return argv.length == 0 ? 2 : 0;
    }
    Args args;
    try {
      args = Args.parse(argv);
    } catch (IllegalArgumentException e) {
      err.println("etoaudiobook: " + e.getMessage());
      err.print(USAGE);
      return 2;
    }
    if (args.flag("engine") && !args.command().equals("serve")) {
      err.println("etoaudiobook: --engine is an option of serve only");
      return 2;
    }
    try {
      return switch (args.command()) {
        case "convert" -> convert(args);
        case "parse" -> parse(args);
        case "voices" -> voices(args);
        case "serve" -> serve(args);
        default -> {
          err.println("etoaudiobook: unknown command '" + args.command() + "'");
          err.print(USAGE);
          yield 2;
        }
      };
    } catch (UsageException | BookFormatException | CastingException | LexiconException e) {
      err.println("etoaudiobook: " + e.getMessage());
      return 2;
    } catch (BeanContextException e) {
      // a setting of the environment the bean graph could not take (MAX_RECEIVE_COUNT=abc)
      err.println("etoaudiobook: " + SettingsError.describe(e));
      return 2;
    } catch (Converter.ConversionException e) {
      err.println("etoaudiobook: " + e.getMessage());
      err.println("Run the same command again to retry: finished parts are kept.");
      return 1;
    } catch (IllegalStateException e) {
      err.println("etoaudiobook: " + e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println("etoaudiobook: " + e.getMessage());
      return 1;
    } catch (RuntimeException e) {
      // a bug of ours, not the user's: say so, with what to report
      err.println("etoaudiobook: internal error: " + e);
      return 1;
    }
  }

  private Book readBook(Args args) throws IOException {
    String file = args.single("FILE");
    Path path = Path.of(file);
    byte[] bytes;
    try {
      if (Files.isDirectory(path)) {
        throw new UsageException(file + " is a directory, not a file");
      }
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new UsageException("no such file: " + file);
    } catch (java.nio.file.AccessDeniedException e) {
      throw new UsageException("cannot read " + file + ": permission denied");
    }
    Book book = EditsFile.apply(Books.parser().parse(path.getFileName().toString(), bytes), args.option("edits"));
    cover = Books.parser().cover(path.getFileName().toString(), bytes);
    for (String w : book.warnings()) {
      err.println("note: " + w);
    }
    return book;
  }

  private int parse(Args args) throws IOException {
    Book book = readBook(args);
    if (args.flag("json")) {
      out.println(Json.pretty(book));
      return 0;
    }
    out.printf("%s%s%n", book.title(), book.author() == null ? "" : " by " + book.author());
    out.printf("%d chapters, %d segments, %d characters%n%n", book.chapters().size(), book.segmentCount(),
        book.characters());
    out.println("Chapters:");
    book.chapters().forEach(c -> out.printf("  %d. %s (%d segments)%n", c.index() + 1, c.title(), c.segments().size()));
    out.println("Roles:");
    for (Role r : book.roles()) {
      out.printf("  %-20s %4d segments %7d chars%s  \"%s\"%n", r.name(), r.segments(), r.characters(),
          r.deliveries().isEmpty() ? "" : "  (" + String.join(", ", r.deliveries()) + ")", r.sample());
    }
    return 0;
  }

  private int voices(Args args) {
    String language = args.option("language");
    String gender = args.option("gender");
    String q = args.option("q");
    List<Voice> list = VoiceFilter.filter(engine().voices(), language, gender, null, q);
    if (args.flag("json")) {
      out.println(Json.pretty(list));
      return 0;
    }
    for (Voice v : list) {
      out.printf("%-22s %-8s %-7s %s%n", v.id(), v.language(), v.gender(), v.name());
    }
    err.printf("%d voices%n", list.size());
    return 0;
  }

  private int convert(Args args) throws IOException {
    // the engine and the functions' bean graph over the CLI's folder store do not depend on the book:
    // they are built on a second core while the book is read (about a second of start-up, measured),
    // started before anything else, logging's set-up included (the graph is the longer of the two)
    java.util.concurrent.CompletableFuture<ApplicationContext> graph = new java.util.concurrent.CompletableFuture<>();
    com.etoaudiobook.concurrent.DaemonThreads.named("bean-graph").newThread(() -> {
      ApplicationContext beans;
      try {
        FileBlobStore files = new FileBlobStore(workDir());
        Trash.emptyLater(files.path(Trash.FOLDER)); // what earlier runs left
        // voice levels learned by earlier runs: most parts of a known voice are then not measured
        // (the job's part records in memory: the job ends with the process)
        beans = Converter.beans(new PartRecordsInMemory(files,
            new CachePack(files.path(CachePack.FOLDER))), engine(), new FileVoiceLevelStore(workDir().resolve(VOICE_LEVELS)));
      } catch (Throwable t) {
        graph.completeExceptionally(t);
        return;
      }
      graph.complete(beans);
      // after the graph is handed over, not before: the casting and the plan need it, the first part
      // is encoded only once eSpeak NG has spoken it
      try {
        Converter.warmUp(beans);
      } catch (RuntimeException | LinkageError e) {
        // only a warm-up: a real failure shows on the first part, with its message
      }
    }).start();
    Phases.mark("start-up");
    Book book;
    try {
      book = readBook(args);
    } catch (IOException | RuntimeException e) {
      // the book's problem is the one to report (as before the graph was built beside it)
      graph.handle((b, t) -> b).join();
      throw e;
    }
    Phases.mark("parse");
    Map<String, Casting.Assignment> overrides = new LinkedHashMap<>();
    for (String v : args.all("voice")) {
      int eq = v.indexOf('=');
      if (eq <= 0 || eq == v.length() - 1) {
        throw new UsageException("--voice expects ROLE=VOICE, got '" + v + "'");
      }
      overrides.put(v.substring(0, eq).strip(), Casting.Assignment.of(v.substring(eq + 1).strip()));
    }
    ApplicationContext beans = joined(graph);
    Phases.mark("beans");
    Casting casting = beans.getBean(AutoCaster.class).cast(book, overrides);
    Phases.mark("casting");
    Pauses pauses;
    try {
      pauses = new Pauses(
          args.intOption("pause-ms", Pauses.DEFAULT.segmentMs()),
          args.intOption("paragraph-pause-ms", Pauses.DEFAULT.paragraphMs()),
          args.intOption("chapter-pause-ms", Pauses.DEFAULT.chapterMs()));
    } catch (UsageException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage()); // the user's number, not our bug: exit 2
    }
    Path outDir = Path.of(args.option("out") == null ? "out" : args.option("out"));
    int threads = args.intOption("threads", Runtime.getRuntime().availableProcessors() + 1);
    if (threads < 1 || threads > 64) {
      throw new UsageException("--threads must be between 1 and 64");
    }

    err.printf("%s: %d chapters, %d segments, %d roles%n", book.title(), book.chapters().size(), book.segmentCount(),
        book.roles().size());
    casting.roles().forEach((role, a) -> err.printf("  %-20s → %s%n", role, a.voiceId()
        + (a.pitch() != 0 ? " (pitch " + a.pitch() + "%)" : "")));
    java.util.Set<String> plain = new java.util.TreeSet<>();
    book.segments().forEach(s -> plain.addAll(Delivery.of(s.delivery()).plain()));
    if (!plain.isEmpty()) {
      err.println("note: deliveries read plainly (not in the documented set): " + String.join(", ", plain));
    }
    Lexicon lexicon = CliLexicon.load(args.all("lexicon"), workDir(), err);
    ProgressBar bar = new ProgressBar(err, stderrIsTerminal());
    long t0 = System.nanoTime();
    Converter.Result result = new Converter(beans, threads).cover(cover).lexicon(lexicon)
        .segmentFiles(args.flag("segments"))
        .convert(book, casting, new JobOptions(pauses, null, !args.flag("no-chapter-titles")), outDir, bar::update, bar::total);
    double seconds = (System.nanoTime() - t0) / 1e9;
    err.printf(Locale.ROOT, "%d parts (%d synthesized, %d from cache) in %.1f s%n", result.parts(),
        result.synthesized(), result.cached(), seconds);
    out.println(result.audiobook());
    Phases.mark("summary");
    return 0;
  }

  private int serve(Args args) throws IOException {
    int port = args.intOption("port", 8080);
    if (port < 0 || port > 65535) {
      throw new UsageException("--port must be between 0 and 65535");
    }
    Path data = Path.of(args.option("data") == null ? workDir().resolve("data").toString() : args.option("data"));
    Path home = Path.of(System.getProperty("etoaudiobook.home", "."));
    Path frontend = home.resolve("frontend/dist");
    String provider = serveProvider(args.option("engine"));
    int workers = Runtime.getRuntime().availableProcessors() + 1;
    LocalRuntime runtime;
    try {
      runtime = LocalRuntime.start(new LocalRuntime.Options(port, data, frontend, workers, 5, 60, provider));
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e.getMessage(), e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(runtime::close, "shutdown"));
    out.println("EtoAudioBook is running (local runtime, " + (runtime.engine() instanceof PollyEngine ? "Amazon Polly"
        : "eSpeak NG") + "):");
    out.println("  web page    " + runtime.url() + (Files.isDirectory(frontend) ? "" : "  (frontend not built: npm --prefix frontend ci && npm --prefix frontend run build)"));
    out.println("  API         " + runtime.url() + "api/voices");
    out.println("  S3 (proxy)  " + runtime.s3().endpoint() + "  bucket " + LocalRuntime.BUCKET + ", data in " + data.toAbsolutePath());
    out.println("  SQS         " + runtime.sqs().endpoint());
    out.println("  inbox       drop files into " + data.toAbsolutePath().resolve("s3").resolve(LocalRuntime.BUCKET).resolve("inbox") + " (or PUT to inbox/ in the bucket)");
    out.println("Press Ctrl-C to stop.");
    out.flush();
    return 0;
  }

  /**
   * Selects the CLI's logging (stderr, WARN, or INFO with --verbose) before any logger exists;
   * without it the functions' logging (JsonLogConfigurator) would write JSON lines to stdout.
   */
  static void configureLogging(boolean verbose) {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "logback-cli.xml");
    }
    // SLF4J's provider named, not looked for: its ServiceLoader opened all 240 jars of the classpath
    // before the first line was logged (about 70 ms of the start, on the main thread)
    if (System.getProperty("slf4j.provider") == null) {
      System.setProperty("slf4j.provider", "ch.qos.logback.classic.spi.LogbackServiceProvider");
    }
    System.setProperty("etoaudiobook.log.level", verbose ? "INFO" : "WARN");
  }

  /**
   * Whether stderr is a terminal: the launcher tests it ({@code [ -t 2 ]}), since Java 17 can only
   * tell whether stdin and stdout both are one (and stdout is often a file: {@code convert > out.txt}).
   */
  static boolean stderrIsTerminal() {
    String tty = System.getProperty("etoaudiobook.stderr.tty");
    return tty != null ? Boolean.parseBoolean(tty) : System.console() != null;
  }

  /** The value of a task of this thread's, its failure thrown as if the task had run here. */
  private static <T> T joined(java.util.concurrent.CompletableFuture<T> task) {
    try {
      return task.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  static SpeechEngine engine() {
    return EspeakEngine.instance();
  }

  /**
   * The engine `serve` speaks with: --engine, else SPEECH_PROVIDER, else eSpeak NG; the runtime's
   * bean graph builds it (POLLY_ENGINE, POLLY_ENDPOINT from this process's environment).
   */
  static String serveProvider(String option) {
    String env = System.getenv("SPEECH_PROVIDER");
    String name = (option != null ? option : env == null || env.isBlank() ? "espeak" : env.strip())
        .toLowerCase(Locale.ROOT);
    if (!name.equals("espeak") && !name.equals(PollyEngine.PROVIDER)) {
      throw new UsageException((option != null ? "--engine" : "SPEECH_PROVIDER") + " must be espeak or polly, got '"
          + name + "'");
    }
    return name;
  }

  /** The voices' learned levels, in {@link #workDir()} beside the synthesis cache. */
  static final String VOICE_LEVELS = "voice-levels.properties";

  /** Where the CLI keeps its synthesis cache between runs. */
  static Path workDir() {
    String env = System.getenv("ETOAUDIOBOOK_HOME");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("etoaudiobook");
  }

  /** Bad usage or input, reported with exit code 2. */
  static final class UsageException extends IllegalArgumentException {
    UsageException(String message) {
      super(message);
    }
  }
}
