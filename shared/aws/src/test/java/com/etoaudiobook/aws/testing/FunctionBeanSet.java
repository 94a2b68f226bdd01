package com.etoaudiobook.aws.testing;

import com.etoaudiobook.aws.wiring.LambdaContexts;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextConfiguration;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.DefaultApplicationContext;
import io.micronaut.context.annotation.ConfigurationReader;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.PropertySource;
import io.micronaut.core.type.Argument;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.BeanDefinitionReference;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A function's bean definitions as its Lambda jar lists them: those of the test's class path less
 * the ones its module's shade filters leave out of the jar (the {@code <exclude>}s of its pom.xml
 * under {@code META-INF/micronaut/io.micronaut.inject.BeanDefinitionReference/}) and less any of test
 * code. Micronaut only finds a missing definition when a bean is resolved, which for a provider's
 * bean is the first call that needs it: on Lambda, not at init. {@link #missing} walks the graph
 * instead, so a filter that drops what the function uses fails the build.
 */
public final class FunctionBeanSet {
  private static final String ENTRIES = "META-INF/micronaut/io.micronaut.inject.BeanDefinitionReference/";
  private static final Pattern EXCLUDE = Pattern.compile("<exclude>" + Pattern.quote(ENTRIES) + "([^<]+)</exclude>");
  /** The ones Micronaut registers itself: the context, its environment, a bean's own injection point. */
  private static final Set<String> BUILT_IN = Set.of("io.micronaut.context.ApplicationContext",
      "io.micronaut.context.BeanContext", "io.micronaut.context.env.Environment",
      "io.micronaut.inject.InjectionPoint", "io.micronaut.core.convert.ConversionService");

  private final List<Pattern> excluded;
  /** The bean types of the definitions listed, whatever their conditions say. */
  private final Set<Class<?>> listedTypes = new HashSet<>();

  private FunctionBeanSet(List<Pattern> excluded) {
    this.excluded = excluded;
  }

  /**
   * A function's settings as the template gives them, every endpoint but Polly's on a closed local
   * port (nothing is called at init), with the speech provider, Redis (blank: none) and Polly's
   * stand-in of the case: with Redis, the worker's init asks Polly for its voices.
   */
  public static Map<String, Object> settings(String provider, String redisUrl, java.net.URI pollyEndpoint) {
    return Map.of("SPEECH_PROVIDER", provider, "DATA_BUCKET", "b",
        "SYNTHESIS_QUEUE_URL", "http://127.0.0.1:9/q/s", "ASSEMBLY_QUEUE_URL", "http://127.0.0.1:9/q/a",
        "S3_ENDPOINT", "http://127.0.0.1:9", "SQS_ENDPOINT", "http://127.0.0.1:9", "AWS_REGION", "us-east-1",
        "REDIS_URL", redisUrl, "POLLY_ENDPOINT", pollyEndpoint.toString());
  }

  /** The bean set of the module whose tests run (Maven runs them in the module's folder). */
  public static FunctionBeanSet ofThisModule() {
    try {
      return of(Files.readString(Path.of("pom.xml")));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The shade filters' excludes of a pom (globs: {@code *} is any run of characters). */
  static FunctionBeanSet of(String pom) {
    List<Pattern> patterns = new ArrayList<>();
    Matcher m = EXCLUDE.matcher(pom);
    while (m.find()) {
      StringBuilder regex = new StringBuilder();
      for (String part : m.group(1).strip().split("\\*", -1)) {
        regex.append(regex.isEmpty() ? "" : ".*").append(Pattern.quote(part));
      }
      patterns.add(Pattern.compile(regex.toString()));
    }
    return new FunctionBeanSet(List.copyOf(patterns));
  }

  /** Whether the jar lists this definition (its service entry is the reference's class name). */
  public boolean listed(BeanDefinitionReference<?> reference) {
    String name = reference.getClass().getName();
    if (excluded.stream().anyMatch(p -> p.matcher(name).matches())) {
      return false;
    }
    var source = reference.getClass().getProtectionDomain().getCodeSource();
    String location = source == null ? "" : source.getLocation().toString();
    return !location.contains("/test-classes") && !location.endsWith("-tests.jar");
  }

  /**
   * Started as the handler's no-argument constructor starts it on Lambda ({@link LambdaContexts}),
   * with settings given as environment variables (DATA_BUCKET), over this set's definitions only.
   */
  public ApplicationContext start(Map<String, Object> variables) {
    ApplicationContext context = new DefaultApplicationContext((ApplicationContextConfiguration) LambdaContexts.builder()) {
      @Override
      protected List<BeanDefinitionReference> resolveBeanDefinitionReferences() {
        List<BeanDefinitionReference> listed = super.resolveBeanDefinitionReferences().stream()
            .filter(FunctionBeanSet.this::listed).toList();
        listed.forEach(r -> listedTypes.add(r.getBeanType()));
        return listed;
      }
    };
    // what the builder's build() would add: the settings
    context.getEnvironment().addPropertySource(
        PropertySource.of("variables", variables, PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE));
    return context.start();
  }

  /**
   * What the bean of {@code type} needs, directly or through providers, factories and their
   * needs in turn, that the context has no definition for: empty when the whole graph resolves.
   * An {@code Optional} or a collection may go unmet; a provider's bean may be disabled in these
   * settings (the Polly client where the engine is eSpeak NG) but must be listed.
   */
  public List<String> missing(ApplicationContext context, Class<?> type) {
    List<String> missing = new ArrayList<>();
    Set<BeanDefinition<?>> seen = new HashSet<>();
    Deque<BeanDefinition<?>> next = new ArrayDeque<>(context.getBeanDefinitions(type));
    if (next.isEmpty()) {
      missing.add(type.getName());
    }
    while (!next.isEmpty()) {
      BeanDefinition<?> definition = next.pop();
      if (!seen.add(definition)) {
        continue;
      }
      // a factory's bean needs the factory
      definition.getDeclaringType().filter(t -> !t.equals(definition.getBeanType()) && !t.isMemberClass())
          .ifPresent(factory -> need(context, definition, Argument.of(factory), false, next, missing));
      if (definition.hasStereotype(ConfigurationReader.class)) {
        continue; // settings records: their arguments are properties
      }
      for (Argument<?> argument : arguments(definition)) {
        if (argument.getAnnotationMetadata().hasStereotype(Value.class)
            || argument.getAnnotationMetadata().hasStereotype(Property.class)) {
          continue;
        }
        Class<?> t = argument.getType();
        if (t == jakarta.inject.Provider.class && context.getBeanDefinitions(jakarta.inject.Provider.class).isEmpty()) {
          // Micronaut injects a Provider through a definition of its own, which a jar may leave out
          missing.add("jakarta.inject.Provider (for " + definition.getBeanType().getName() + ")");
        }
        boolean wrapped = t == BeanProvider.class || t == jakarta.inject.Provider.class || t == Optional.class
            || Collection.class.isAssignableFrom(t) || t == Stream.class;
        Argument<?> bean = wrapped ? argument.getFirstTypeVariable().orElse(Argument.OBJECT_ARGUMENT) : argument;
        boolean optional = t == Optional.class || Collection.class.isAssignableFrom(t) || t == Stream.class
            || argument.isNullable() || (wrapped && isListed(bean.getType()));
        need(context, definition, bean, optional, next, missing);
      }
    }
    return missing;
  }

  private boolean isListed(Class<?> type) {
    return listedTypes.stream().anyMatch(type::isAssignableFrom);
  }

  private static void need(ApplicationContext context, BeanDefinition<?> by, Argument<?> bean, boolean optional,
                           Deque<BeanDefinition<?>> next, List<String> missing) {
    if (BUILT_IN.contains(bean.getType().getName())) {
      return;
    }
    Collection<? extends BeanDefinition<?>> found = context.getBeanDefinitions(bean.getType());
    if (found.isEmpty() && !optional) {
      missing.add(bean.getTypeName() + " (for " + by.getBeanType().getName() + ")");
    }
    next.addAll(found);
  }

  private static List<Argument<?>> arguments(BeanDefinition<?> definition) {
    List<Argument<?>> all = new ArrayList<>(List.of(definition.getConstructor().getArguments()));
    definition.getInjectedFields().forEach(f -> all.add(f.asArgument()));
    definition.getInjectedMethods().forEach(m -> all.addAll(List.of(m.getArguments())));
    return all;
  }

  /**
   * A Lambda context for a handler's first invocation (a request id, a minute left), of Lambda's
   * {@code Context} type (the functions' dependency, not this module's).
   */
  public static <T> T lambdaContext(Class<T> contextType) {
    return contextType.cast(Proxy.newProxyInstance(contextType.getClassLoader(), new Class<?>[] {contextType},
        (proxy, method, args) -> switch (method.getName()) {
          case "getRemainingTimeInMillis" -> 60_000;
          case "getMemoryLimitInMB" -> 1024;
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> method.getReturnType() == String.class ? "first-message" : null;
        }));
  }
}
