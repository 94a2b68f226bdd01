import io.micronaut.aot.MicronautAotOptimizer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Run by bench/coldstart-aot.sh as a single source file, with Micronaut AOT's api, core and
 * std-optimizers jars and the function's Lambda jar on the class path (the optimizer must see the
 * application's classes in its own class loader; Micronaut AOT's CLI, which does that, is not served
 * here). Writes a copy of the jar with the classes the optimizer generates and without the resources
 * it replaced.
 *
 * <pre>AotJar JAR PACKAGE WORK_DIR OUT_JAR</pre>
 */
public final class AotJar {
  /** The optimizations for Lambda's JIT runtime; those that need a class the jar lacks are left out below. */
  private static final Map<String, String> BASE = Map.of(
      "cached.environment.enabled", "true", // Lambda's environment does not change after init
      "deduce.environment.enabled", "true",
      "target.environments", "function,lambda",
      "possible.environments", "function,lambda",
      "known.missing.types.enabled", "true",
      // the list the Micronaut Maven plugin passes
      "known.missing.types.list", "io.reactivex.Observable,reactor.core.publisher.Flux,kotlinx.coroutines.flow.Flow,"
          + "io.reactivex.rxjava3.core.Flowable,io.reactivex.rxjava3.core.Observable,io.reactivex.Single,"
          + "reactor.core.publisher.Mono,io.reactivex.Maybe,io.reactivex.rxjava3.core.Single,"
          + "io.reactivex.rxjava3.core.Maybe,io.reactivex.Completable,io.reactivex.rxjava3.core.Completable,"
          + "io.methvin.watchservice.MacOSXListeningWatchService,"
          + "io.micronaut.core.async.publisher.CompletableFuturePublisher,"
          + "io.micronaut.core.async.publisher.Publishers.JustPublisher,io.micronaut.core.async.subscriber.Completable",
      "serviceloading.jit.enabled", "true",
      "service.types", "io.micronaut.context.env.PropertySourceLoader,io.micronaut.inject.BeanConfiguration,"
          + "io.micronaut.inject.BeanDefinitionReference,io.micronaut.core.beans.BeanIntrospectionReference,"
          + "io.micronaut.core.convert.TypeConverterRegistrar,io.micronaut.context.env.PropertyExpressionResolver",
      "sealed.property.source.enabled", "true",
      // it would bake the build machine's environment variable names into the jar
      "precompute.environment.properties.enabled", "false");

  private AotJar() {
  }

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]).toAbsolutePath();
    Path work = Path.of(args[2]).toAbsolutePath();
    Path out = Path.of(args[3]).toAbsolutePath();
    Properties props = new Properties();
    props.putAll(BASE);
    try (FileSystem zip = FileSystems.newFileSystem(jar)) {
      // The optimizer drops bean definitions whose requirements fail at build time (a bean that needs
      // REDIS_URL, say): every one of the project's own is kept, to be checked at run time as without AOT.
      Path refs = zip.getPath("META-INF/micronaut/io.micronaut.inject.BeanDefinitionReference");
      try (Stream<Path> names = Files.list(refs)) {
        props.put("serviceloading.force.include.impls", names.map(p -> p.getFileName().toString().replace("/", ""))
            .filter(n -> n.startsWith("com.etoaudiobook.")).collect(Collectors.joining(",")));
      }
      props.put("scan.reactive.types.enabled",
          Boolean.toString(Files.exists(zip.getPath("io/micronaut/core/async/publisher/PublishersOptimizations.class"))));
      if (Files.exists(zip.getPath("application.yml"))) {
        props.put("property-source-loader.generate.enabled", "true");
        props.put("property-source-loader.types", "io.micronaut.context.env.yaml.YamlPropertySourceLoader");
        props.put("property-source-loader.resource-names", "application");
      }
    }
    props.put("classpath", jar.toString());
    props.put("package", args[1]);
    props.put("output.directory", work.toString());
    props.put("runtime", "jit");
    MicronautAotOptimizer.execute(props);

    Files.copy(jar, out, StandardCopyOption.REPLACE_EXISTING);
    Path classes = work.resolve("classes");
    try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + out.toUri()), Map.of());
         Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path target = zip.getPath(classes.relativize(f).toString());
        Files.createDirectories(target.getParent() == null ? zip.getPath("/") : target.getParent());
        Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
      }
      for (String removed : Files.readAllLines(work.resolve("logs/resource-filter.txt"))) {
        if (!removed.isBlank()) {
          Files.deleteIfExists(zip.getPath(removed));
        }
      }
    }
    List<String> skipped = Files.readAllLines(work.resolve("logs/serviceloading.log")).stream()
        .filter(l -> l.startsWith("Skipping class")).toList();
    System.out.println(out.getFileName() + ": " + skipped.size() + " definitions left out at build time");
  }
}
