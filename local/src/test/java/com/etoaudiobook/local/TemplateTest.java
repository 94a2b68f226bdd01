package com.etoaudiobook.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static com.etoaudiobook.local.TemplateFixture.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Static checks of template.yaml against the code: handlers exist, every environment variable
 * the code reads is configured, queues have dead-letter queues and sane visibility timeouts,
 * SQS event sources report partial batch failures, buckets are private and encrypted, and
 * every function has a log group with retention.
 */
class TemplateTest {

  /** Names the Lambda runtime sets, or that only the local runtime and CLI read. */
  private static final Set<String> ALLOWED_UNSET = Set.of(
      "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_EXECUTION_ENV", "_HANDLER", "_X_AMZN_TRACE_ID",
      "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
      "AWS_SESSION_TOKEN", "TZ", "HOME", "USER", "TMPDIR", "XDG_CACHE_HOME");
  private static final List<String> ALLOWED_UNSET_PREFIXES =
      List.of("AWS_LAMBDA_", "AWS_XRAY_", "LOCAL_", "ETOAUDIOBOOK_");

  /** {@code System.getenv("NAME")} and {@code env("NAME")}. */
  private static final Pattern ENV_READ =
      Pattern.compile("(?:System\\s*\\.\\s*getenv|\\benv)\\s*\\(\\s*\"([A-Za-z_][A-Za-z0-9_]*)\"\\s*\\)");

  private static final int SAM_DEFAULT_TIMEOUT = 3;

  @BeforeAll
  static void load() throws IOException {
    TemplateFixture.load();
  }

  // ------------------------------------------------------------------------------------------
  // Functions
  // ------------------------------------------------------------------------------------------

  @Test
  void templateDeclaresFunctions() {
    assertFalse(resourcesOfType("AWS::Serverless::Function").isEmpty(),
        "template.yaml declares no AWS::Serverless::Function");
  }

  @TestFactory
  Stream<DynamicTest> everyFunctionHasAHandlerThatExists() {
    return resourcesOfType("AWS::Serverless::Function").entrySet().stream()
        .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> checkHandler(e.getKey(), e.getValue())));
  }

  private void checkHandler(String name, Map<String, Object> function) throws Exception {
    Object handlerValue = property(function, "Handler");
    Object codeUriValue = property(function, "CodeUri");
    assertInstanceOf(String.class, handlerValue, name + ": Handler must be a string");
    assertInstanceOf(String.class, codeUriValue, name + ": CodeUri must be a path string");
    String handler = (String) handlerValue;
    String codeUri = (String) codeUriValue;
    assertFalse(handler.isBlank(), name + ": Handler is blank");
    assertTrue(codeUri.endsWith(".jar"), name + ": CodeUri should be a prebuilt jar: " + codeUri);

    Path module = moduleOf(codeUri);
    Assumptions.assumeTrue(Files.isDirectory(module),
        name + ": module " + root.relativize(module) + " does not exist yet");

    String className = handler.split("::", 2)[0];
    if (className.startsWith("io.micronaut.")) {
      // The Micronaut proxy handler comes from a dependency, not from the module itself.
      Path pom = module.resolve("pom.xml");
      assertTrue(Files.isRegularFile(pom), name + ": " + root.relativize(pom) + " is missing");
      assertTrue(declaresDependency(pom, "io.micronaut.aws", "micronaut-function-aws-api-proxy"),
          name + ": handler " + className + " needs io.micronaut.aws:micronaut-function-aws-api-proxy in "
              + root.relativize(pom));
      return;
    }
    String classFile = className.replace('.', '/') + ".class";
    List<String> looked = new ArrayList<>();
    Path compiled = module.resolve("target/classes").resolve(classFile);
    looked.add(root.relativize(compiled).toString());
    if (Files.isRegularFile(compiled)) {
      return;
    }
    Path jar = root.resolve(codeUri);
    looked.add(root.relativize(jar) + "!/" + classFile);
    if (Files.isRegularFile(jar)) {
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        if (zip.getEntry(classFile) != null) {
          return;
        }
      }
    }
    // Not built yet (e.g. `mvn -pl local -am` does not build the function modules): the source.
    Path source = module.resolve("src/main/java").resolve(className.replace('.', '/') + ".java");
    looked.add(root.relativize(source).toString());
    if (Files.isRegularFile(source)) {
      return;
    }
    fail(name + ": handler class " + className + " not found; looked in " + looked);
  }

  /** functions/api/target/api.jar → functions/api. */
  private static Path moduleOf(String codeUri) {
    int target = codeUri.indexOf("/target/");
    String dir = target >= 0 ? codeUri.substring(0, target) : codeUri;
    return root.resolve(dir).normalize();
  }

  private static boolean declaresDependency(Path pom, String groupId, String artifactId) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc = factory.newDocumentBuilder().parse(pom.toFile());
    NodeList dependencies = doc.getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element dependency = (Element) dependencies.item(i);
      if (groupId.equals(childText(dependency, "groupId")) && artifactId.equals(childText(dependency, "artifactId"))) {
        return true;
      }
    }
    return false;
  }

  private static String childText(Element element, String tag) {
    for (org.w3c.dom.Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element child && child.getTagName().equals(tag)) {
        return child.getTextContent().trim();
      }
    }
    return null;
  }

  // ------------------------------------------------------------------------------------------
  // Environment
  // ------------------------------------------------------------------------------------------

  @Test
  void everyEnvironmentVariableTheCodeReadsIsSet() throws IOException {
    Set<String> global = envNames(globalFunction);
    Map<Path, Set<String>> byModule = new LinkedHashMap<>();
    Set<String> anyFunction = new TreeSet<>(global);
    resourcesOfType("AWS::Serverless::Function").forEach((name, function) -> {
      Set<String> names = new TreeSet<>(global);
      names.addAll(envNames(mapOrEmpty(function.get("Properties"))));
      anyFunction.addAll(names);
      if (property(function, "CodeUri") instanceof String codeUri) {
        byModule.put(moduleOf(codeUri), names);
      }
    });

    List<String> missing = new ArrayList<>();
    for (String dir : List.of("functions", "shared")) {
      Path base = root.resolve(dir);
      if (!Files.isDirectory(base)) {
        continue;
      }
      for (Path source : javaSources(base)) {
        // A function module sees its own variables; shared code may run in any function.
        Set<String> available = byModule.entrySet().stream()
            .filter(e -> source.startsWith(e.getKey()))
            .map(Map.Entry::getValue)
            .findFirst().orElse(anyFunction);
        String text = Files.readString(source, StandardCharsets.UTF_8);
        Matcher m = ENV_READ.matcher(text);
        while (m.find()) {
          String var = m.group(1);
          if (!available.contains(var) && !allowedUnset(var)) {
            missing.add(var + " (" + root.relativize(source) + ")");
          }
        }
      }
    }
    assertTrue(missing.isEmpty(), "environment variables read by the code but not set in template.yaml "
        + "(Globals.Function.Environment.Variables or the function's Environment): " + missing);
  }

  private static boolean allowedUnset(String var) {
    return ALLOWED_UNSET.contains(var) || ALLOWED_UNSET_PREFIXES.stream().anyMatch(var::startsWith);
  }

  private static Set<String> envNames(Map<String, Object> functionProperties) {
    Map<String, Object> env = mapOrEmpty(functionProperties.get("Environment"));
    return new TreeSet<>(mapOrEmpty(env.get("Variables")).keySet());
  }

  private static List<Path> javaSources(Path base) throws IOException {
    try (Stream<Path> files = Files.walk(base)) {
      return files.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> {
            String s = root.relativize(p).toString().replace('\\', '/');
            return s.contains("/src/main/") && !s.contains("/target/") && !s.contains("/node_modules/");
          })
          .sorted()
          .toList();
    }
  }

  // ------------------------------------------------------------------------------------------
  // Queues and event sources
  // ------------------------------------------------------------------------------------------

  @Test
  void consumerQueuesHaveADeadLetterQueueAndVisibilityTimeout() {
    Map<String, Map<String, Object>> queues = resourcesOfType("AWS::SQS::Queue");
    Map<String, String> consumers = sqsConsumers();
    assertFalse(consumers.isEmpty(), "no function consumes an SQS queue");
    Object maxReceiveEnv = mapOrEmpty(mapOrEmpty(globalFunction.get("Environment")).get("Variables"))
        .get("MAX_RECEIVE_COUNT");

    consumers.forEach((queueName, functionName) -> {
      Map<String, Object> queue = queues.get(queueName);
      assertNotNull(queue, functionName + " consumes " + queueName + ", which is not an AWS::SQS::Queue here");
      Map<String, Object> props = mapOrEmpty(queue.get("Properties"));

      Map<String, Object> redrive = mapOrEmpty(props.get("RedrivePolicy"));
      assertFalse(redrive.isEmpty(), queueName + " has no RedrivePolicy");
      String dlq = logicalId(redrive.get("deadLetterTargetArn"));
      assertNotNull(dlq, queueName + ": deadLetterTargetArn must be !GetAtt <Queue>.Arn");
      assertTrue(queues.containsKey(dlq) && !dlq.equals(queueName),
          queueName + ": dead-letter target " + dlq + " is not another queue in the template");
      int maxReceive = number(redrive.get("maxReceiveCount"), queueName + ".maxReceiveCount");
      assertTrue(maxReceive >= 5, queueName + ": maxReceiveCount " + maxReceive + " < 5");
      if (maxReceiveEnv != null) {
        assertEquals(String.valueOf(maxReceive), String.valueOf(maxReceiveEnv),
            "MAX_RECEIVE_COUNT must equal " + queueName + "'s maxReceiveCount");
      }

      int visibility = props.containsKey("VisibilityTimeout")
          ? number(props.get("VisibilityTimeout"), queueName + ".VisibilityTimeout") : 30;
      int timeout = functionTimeout(resource(functionName));
      assertTrue(visibility >= 6 * timeout, queueName + ": VisibilityTimeout " + visibility
          + " < 6 x " + functionName + " Timeout " + timeout);
    });
  }

  @Test
  void sqsEventSourcesReportBatchItemFailuresAndCapConcurrency() {
    int sources = 0;
    for (var fn : resourcesOfType("AWS::Serverless::Function").entrySet()) {
      for (var event : mapOrEmpty(mapOrEmpty(fn.getValue().get("Properties")).get("Events")).entrySet()) {
        Map<String, Object> e = mapOrEmpty(event.getValue());
        if (!"SQS".equals(e.get("Type"))) {
          continue;
        }
        sources++;
        String where = fn.getKey() + "." + event.getKey();
        Map<String, Object> props = mapOrEmpty(e.get("Properties"));
        assertTrue(listOrEmpty(props.get("FunctionResponseTypes")).contains("ReportBatchItemFailures"),
            where + ": FunctionResponseTypes must include ReportBatchItemFailures");
        Object max = mapOrEmpty(props.get("ScalingConfig")).get("MaximumConcurrency");
        assertNotNull(max, where + ": ScalingConfig.MaximumConcurrency is not set");
        int value = number(max, where + ".ScalingConfig.MaximumConcurrency");
        assertTrue(value >= 2 && value <= 1000, where + ": MaximumConcurrency " + value + " outside 2..1000");
        Object minValue = parameterOf(max).map(p -> p.get("MinValue")).orElse(null);
        if (minValue != null) {
          assertTrue(number(minValue, "MinValue") >= 2, where + ": parameter MinValue must be >= 2");
        }
      }
    }
    assertTrue(sources > 0, "no SQS event sources");
  }

  /** queue logical id → consuming function logical id. */
  private static Map<String, String> sqsConsumers() {
    Map<String, String> consumers = new LinkedHashMap<>();
    resourcesOfType("AWS::Serverless::Function").forEach((fn, function) ->
        mapOrEmpty(mapOrEmpty(function.get("Properties")).get("Events")).values().forEach(ev -> {
          Map<String, Object> event = mapOrEmpty(ev);
          if ("SQS".equals(event.get("Type"))) {
            String queue = logicalId(mapOrEmpty(event.get("Properties")).get("Queue"));
            assertNotNull(queue, fn + ": SQS event Queue must reference a queue in the template");
            consumers.put(queue, fn);
          }
        }));
    return consumers;
  }

  private static int functionTimeout(Map<String, Object> function) {
    Object timeout = mapOrEmpty(function.get("Properties")).get("Timeout");
    if (timeout == null) {
      timeout = globalFunction.get("Timeout");
    }
    return timeout == null ? SAM_DEFAULT_TIMEOUT : number(timeout, "Timeout");
  }

  // ------------------------------------------------------------------------------------------
  // Buckets
  // ------------------------------------------------------------------------------------------

  @Test
  void dataBucketIsPrivateEncryptedAndRequiresTls() {
    String data = dataBucket();
    Map<String, Object> props = mapOrEmpty(resource(data).get("Properties"));

    Map<String, Object> block = mapOrEmpty(props.get("PublicAccessBlockConfiguration"));
    for (String key : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
      assertEquals(Boolean.TRUE, block.get(key), data + ": PublicAccessBlockConfiguration." + key + " must be true");
    }
    List<Object> sse = listOrEmpty(mapOrEmpty(props.get("BucketEncryption")).get("ServerSideEncryptionConfiguration"));
    assertFalse(sse.isEmpty(), data + " is not encrypted");
    Object algorithm = mapOrEmpty(mapOrEmpty(sse.get(0)).get("ServerSideEncryptionByDefault")).get("SSEAlgorithm");
    assertTrue("AES256".equals(algorithm) || "aws:kms".equals(algorithm) || "aws:kms:dsse".equals(algorithm),
        data + ": unexpected SSEAlgorithm " + algorithm);

    boolean denyInsecure = resourcesOfType("AWS::S3::BucketPolicy").values().stream()
        .map(p -> mapOrEmpty(p.get("Properties")))
        .filter(p -> data.equals(logicalId(p.get("Bucket"))))
        .flatMap(p -> listOrEmpty(mapOrEmpty(p.get("PolicyDocument")).get("Statement")).stream())
        .map(TemplateFixture::mapOrEmpty)
        .anyMatch(s -> "Deny".equals(s.get("Effect"))
            && "false".equals(String.valueOf(mapOrEmpty(mapOrEmpty(s.get("Condition")).get("Bool"))
                .get("aws:SecureTransport"))));
    assertTrue(denyInsecure, data + ": no bucket policy denying aws:SecureTransport false");
  }

  /** The bucket an S3 event reads from, else the resource called DataBucket. */
  private static String dataBucket() {
    for (Map<String, Object> function : resourcesOfType("AWS::Serverless::Function").values()) {
      for (Object ev : mapOrEmpty(mapOrEmpty(function.get("Properties")).get("Events")).values()) {
        Map<String, Object> event = mapOrEmpty(ev);
        if ("S3".equals(event.get("Type"))) {
          String bucket = logicalId(mapOrEmpty(event.get("Properties")).get("Bucket"));
          if (bucket != null) {
            return bucket;
          }
        }
      }
    }
    assertTrue(resources.containsKey("DataBucket"), "no data bucket found");
    return "DataBucket";
  }

  // ------------------------------------------------------------------------------------------
  // Logs
  // ------------------------------------------------------------------------------------------

  @TestFactory
  Stream<DynamicTest> everyFunctionHasALogGroupWithRetention() {
    Map<String, Map<String, Object>> logGroups = resourcesOfType("AWS::Logs::LogGroup");
    return resourcesOfType("AWS::Serverless::Function").entrySet().stream()
        .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
          Map<String, Object> props = mapOrEmpty(e.getValue().get("Properties"));
          Object functionName = props.get("FunctionName");
          String group = logicalId(mapOrEmpty(props.get("LoggingConfig")).get("LogGroup"));
          if (group == null && functionName != null) {
            // No LoggingConfig: the group Lambda writes to by default, /aws/lambda/<FunctionName>.
            group = logGroups.entrySet().stream()
                .filter(g -> sameText(mapOrEmpty(g.getValue().get("Properties")).get("LogGroupName"),
                    "/aws/lambda/", functionName))
                .map(Map.Entry::getKey).findFirst().orElse(null);
          }
          assertNotNull(group, e.getKey() + " has no AWS::Logs::LogGroup (set FunctionName and a log group "
              + "/aws/lambda/<FunctionName>, or LoggingConfig.LogGroup)");
          Map<String, Object> groupProps = mapOrEmpty(mapOrEmpty(logGroups.get(group)).get("Properties"));
          assertFalse(groupProps.isEmpty(), e.getKey() + ": " + group + " is not an AWS::Logs::LogGroup");
          Object retention = groupProps.get("RetentionInDays");
          assertNotNull(retention, group + " has no RetentionInDays");
          assertTrue(number(retention, group + ".RetentionInDays") > 0, group + ": RetentionInDays must be > 0");
          if (functionName != null) {
            assertTrue(sameText(groupProps.get("LogGroupName"), "/aws/lambda/", functionName),
                group + " should be named /aws/lambda/<FunctionName of " + e.getKey() + ">");
          }
        }));
  }
}
