package com.etoaudiobook.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.IntSummaryStatistics;
import java.util.stream.IntStream;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layering the design promises, checked over every module: this module's test class path holds
 * all of them (the core's and the AWS adapters' tests too), each class known by the module it was
 * compiled in.
 */
class ArchitectureTest {
  private static JavaClasses all;

  @BeforeAll
  static void importAll() {
    all = new ClassFileImporter().importPackages("com.etoaudiobook");
    // a rule over nothing passes whatever it says: make sure the modules it speaks of were seen
    for (String module : new String[] {"shared/core", "shared/formats", "shared/aws", "functions/api",
        "functions/synthesis-worker", "functions/assembler", "functions/inbox", "local"}) {
      assertTrue(all.stream().anyMatch(c -> moduleOf(c).endsWith("/" + module)), "no classes of " + module);
    }
    // the three event-driven functions have handlers for the handler rules to speak of
    assertTrue(all.stream().filter(HANDLERS).count() >= 3, "handlers: " + all.stream().filter(HANDLERS).toList());
  }

  /** The core knows books, voices, audio and jobs; Lambda, the AWS SDK and Micronaut stay outside. */
  @Test
  void theCoreHasNoAwsLambdaOrMicronautDependency() {
    ArchRule rule = noClasses().that(inModule("shared/core")).or(inModule("shared/formats"))
        .should().dependOnClassesThat().resideInAnyPackage(
            "software.amazon..", "com.amazonaws..", "io.micronaut..", "jakarta.inject..")
        .because("the core is the same in a Lambda function, the local runtime and the CLI");
    rule.check(all);
  }

  /** An internal package is its module's own business: other modules use its public seam. */
  @Test
  void internalPackagesAreUsedOnlyInsideTheirModule() {
    ArchRule rule = classes().should(useNoInternalPackageOfAnotherModule())
        .because("a module's internal/ packages may change without notice to the others");
    rule.check(all);
  }

  /**
   * A function's handler turns the Lambda event into calls on the core's and the AWS adapters'
   * services and their answers into the Lambda response: it reaches nothing below those services
   * (no engine, audio, book parsing or storage of its own, no SDK client) and stays short.
   */
  @Test
  void handlersOnlyDelegate() {
    classes().that(HANDLERS).should().onlyDependOnClassesThat(resideInAnyPackage(
            // the JDK, the Lambda runtime and events, logging, JSON, metrics, dependency injection
            "", "java..", "javax..", "jakarta..", "com.amazonaws.services.lambda.runtime..", "org.slf4j..",
            "com.fasterxml.jackson..", "software.amazon.cloudwatchlogs.emf..", "io.micronaut..",
            // the services a handler delegates to, and its own function's package
            "com.etoaudiobook.aws..", "com.etoaudiobook.job..", "com.etoaudiobook.json..",
            "com.etoaudiobook.concurrent..", "com.etoaudiobook.engine",
            "com.etoaudiobook.worker..", "com.etoaudiobook.assembler..", "com.etoaudiobook.inbox.."))
        .because("handlers only delegate: the work is done by services that the CLI and local runtime share")
        .check(all);
  }

  @Test
  void handlersAreShort() {
    classes().that(HANDLERS).should(beShort(HANDLER_LINES, METHOD_LINES)).check(all);
  }

  /** The Lambda handlers of the event-driven functions (the HTTP function's are Micronaut's own). */
  private static final DescribedPredicate<JavaClass> HANDLERS =
      assignableTo("com.amazonaws.services.lambda.runtime.RequestHandler")
          .or(assignableTo("com.amazonaws.services.lambda.runtime.RequestStreamHandler"))
          .and(resideInAnyPackage("com.etoaudiobook.."));

  /** Lines of code from a handler's first to its last: Powertools' handlers are about 30. */
  private static final int HANDLER_LINES = 120;
  /** Lines of one method of a handler. */
  private static final int METHOD_LINES = 50;

  private static DescribedPredicate<JavaClass> inModule(String module) {
    return DescribedPredicate.describe("are in module " + module, c -> moduleOf(c).endsWith("/" + module));
  }

  /**
   * The module a class was compiled in: the folder that holds its target/ (a classes folder, or a
   * jar the reactor built), else the artifact's folder in the local repository.
   */
  static String moduleOf(JavaClass c) {
    return c.getSource().map(s -> moduleOf(s.getUri())).orElse("?");
  }

  static String moduleOf(URI uri) {
    String u = uri.toString();
    int target = u.indexOf("/target/");
    if (target >= 0) {
      return u.substring(0, target).replaceFirst("^[a-z:]*/+", "/");
    }
    int jar = u.indexOf(".jar!");
    String path = jar >= 0 ? u.substring(0, jar) : u;
    // .../repository/com/etoaudiobook/<artifact>/<version>/<artifact>-<version>.jar
    String[] parts = path.split("/");
    return parts.length >= 3 ? "/" + parts[parts.length - 3] : path;
  }

  private static ArchCondition<JavaClass> useNoInternalPackageOfAnotherModule() {
    return new ArchCondition<>("use no internal package of another module") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        String home = moduleOf(origin);
        for (Dependency d : origin.getDirectDependenciesFromSelf()) {
          JavaClass target = d.getTargetClass().getBaseComponentType();
          boolean internal = target.getPackageName().startsWith("com.etoaudiobook.")
              && (target.getPackageName().endsWith(".internal") || target.getPackageName().contains(".internal."));
          if (internal && !moduleOf(target).equals(home)) {
            events.add(SimpleConditionEvent.violated(d, d.getDescription() + " (" + home + " uses an internal class of "
                + moduleOf(target) + ")"));
          }
        }
      }
    };
  }

  private static ArchCondition<JavaClass> beShort(int classLines, int methodLines) {
    return new ArchCondition<>("span at most " + classLines + " lines, no method more than " + methodLines) {
      @Override
      public void check(JavaClass c, ConditionEvents events) {
        IntSummaryStatistics whole = new IntSummaryStatistics();
        for (JavaCodeUnit m : c.getCodeUnits()) {
          IntSummaryStatistics lines = lines(m);
          if (lines.getCount() == 0) {
            continue;
          }
          whole.combine(lines);
          int span = lines.getMax() - lines.getMin() + 1;
          if (span > methodLines) {
            events.add(SimpleConditionEvent.violated(m, m.getFullName() + " spans " + span + " lines (at most "
                + methodLines + ")"));
          }
        }
        int span = whole.getCount() == 0 ? 0 : whole.getMax() - whole.getMin() + 1;
        if (span > classLines) {
          events.add(SimpleConditionEvent.violated(c, c.getName() + " spans " + span + " lines of code (at most "
              + classLines + ")"));
        }
      }
    };
  }

  /** The line numbers a method's code is known at: where it starts, and every access it makes. */
  private static IntSummaryStatistics lines(JavaCodeUnit m) {
    IntStream accesses = m.getAccessesFromSelf().stream().mapToInt(JavaAccess::getLineNumber);
    int start = m.getSourceCodeLocation().getLineNumber();
    return IntStream.concat(start > 0 ? IntStream.of(start) : IntStream.empty(), accesses.filter(n -> n > 0))
        .summaryStatistics();
  }
}
