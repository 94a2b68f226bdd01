package com.etoaudiobook.aws.wiring;

import io.micronaut.core.io.service.SoftServiceLoader;
import io.micronaut.core.optim.StaticOptimizations;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Micronaut finds its services (bean definitions among them) by listing {@code META-INF/micronaut/}
 * through a zip file system, which reads the whole central directory of the jar again: 150-270 ms
 * of a function's init on its 34,000-entry shaded jar. When the handler runs from that jar and it
 * is the only place with such entries, the same lists are read here through the class loader's
 * already open {@link JarFile} (15-30 ms) and handed to Micronaut as static service loaders.
 * Anywhere else (exploded classes, the local runtime, tests) nothing changes.
 */
public final class ShadedJarServices {
  private static final String PREFIX = "META-INF/micronaut/";
  private static final String SERVICES = "META-INF/services/";
  private static final SoftServiceLoader.StaticServiceLoader<?> NONE = condition -> Stream.empty();

  private ShadedJarServices() {
  }

  /** Call before the first Micronaut context of the process is built; a no-op if it is too late. */
  public static void install(Class<?> handler) {
    try {
      ClassLoader loader = handler.getClassLoader();
      URL own = handler.getProtectionDomain().getCodeSource().getLocation();
      List<URL> roots = Collections.list(loader.getResources(PREFIX));
      if (own == null || !own.getPath().endsWith(".jar") || roots.size() != 1
          || !roots.get(0).toString().equals("jar:" + own + "!/" + PREFIX)) {
        return;
      }
      Map<String, Set<String>> services = new LinkedHashMap<>();
      try (JarFile jar = new JarFile(Path.of(own.toURI()).toFile())) {
        for (var e = jar.entries(); e.hasMoreElements(); ) {
          JarEntry entry = e.nextElement();
          String name = entry.getName();
          int slash = name.lastIndexOf('/');
          if (entry.isDirectory()) {
            continue;
          }
          if (name.startsWith(PREFIX) && slash > PREFIX.length()) {
            services.computeIfAbsent(name.substring(PREFIX.length(), slash), k -> new LinkedHashSet<>())
                .add(name.substring(slash + 1));
          } else if (name.startsWith(SERVICES) && slash == SERVICES.length() - 1) {
            // Micronaut's scan reads the standard service files too
            try (var in = new BufferedReader(new InputStreamReader(jar.getInputStream(entry), StandardCharsets.UTF_8))) {
              Set<String> types = services.computeIfAbsent(name.substring(slash + 1), k -> new LinkedHashSet<>());
              in.lines().map(l -> l.replaceFirst("#.*", "").trim()).filter(l -> !l.isEmpty()).forEach(types::add);
            }
          }
        }
      }
      // every service the jar lists, and none for the others: no lookup falls back to the scan
      Map<String, SoftServiceLoader.StaticServiceLoader<?>> loaders = new HashMap<>() {
        @Override
        public SoftServiceLoader.StaticServiceLoader<?> get(Object key) {
          return getOrDefault(key, NONE);
        }
      };
      services.forEach((service, types) -> loaders.put(service, new Listed<>(List.copyOf(types), loader)));
      StaticOptimizations.set(new SoftServiceLoader.Optimizations(loaders));
    } catch (IOException | RuntimeException | java.net.URISyntaxException e) {
      // already read by an earlier context, or an unusual class path: Micronaut scans as usual
    }
  }

  /** The service types listed for one service, instantiated as Micronaut would (public no-arg constructor). */
  private record Listed<S>(List<String> types, ClassLoader loader) implements SoftServiceLoader.StaticServiceLoader<S> {
    @Override
    public Stream<SoftServiceLoader.StaticDefinition<S>> findAll(Predicate<String> condition) {
      // a type whose optional dependency is absent (javax.inject here) is skipped, as Micronaut's scan does
      return types.stream().filter(condition).<SoftServiceLoader.StaticDefinition<S>>mapMulti((t, out) -> {
        S service = create(t);
        if (service != null) {
          out.accept(SoftServiceLoader.StaticDefinition.of(t, () -> service));
        }
      });
    }

    @SuppressWarnings("unchecked")
    private S create(String type) {
      try {
        return (S) MethodHandles.publicLookup()
            .findConstructor(Class.forName(type, false, loader), MethodType.methodType(void.class)).invoke();
      } catch (LinkageError | ReflectiveOperationException e) {
        return null;
      } catch (Throwable e) {
        throw new IllegalStateException("cannot load Micronaut service " + type, e);
      }
    }
  }
}
