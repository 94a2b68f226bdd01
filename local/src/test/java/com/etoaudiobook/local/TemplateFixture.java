package com.etoaudiobook.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** template.yaml as TemplateTest reads it: loaded once, CloudFormation's short tags in long form. */
final class TemplateFixture {
  static Path root;
  static Map<String, Object> template;
  static Map<String, Object> resources;
  static Map<String, Object> globalFunction;

  private TemplateFixture() {
  }

  static void load() throws IOException {
    root = repositoryRoot();
    template = loadTemplate(root.resolve("template.yaml"));
    resources = map(template.get("Resources"), "Resources");
    Map<String, Object> globals = mapOrEmpty(template.get("Globals"));
    globalFunction = mapOrEmpty(globals.get("Function"));
  }

  /** Whether {@code value} is {@code prefix + other}, comparing plain strings or !Sub strings. */
  static boolean sameText(Object value, String prefix, Object other) {
    return text(value) != null && text(value).equals(text(other) == null ? null : prefix + text(other));
  }

  static String text(Object value) {
    if (value instanceof String s) {
      return s;
    }
    Object sub = mapOrEmpty(value).get("Fn::Sub");
    return sub instanceof String s ? s : null;
  }

  // ------------------------------------------------------------------------------------------
  // Template access
  // ------------------------------------------------------------------------------------------

  static Map<String, Map<String, Object>> resourcesOfType(String type) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    resources.forEach((name, value) -> {
      Map<String, Object> resource = mapOrEmpty(value);
      if (type.equals(resource.get("Type"))) {
        out.put(name, resource);
      }
    });
    return out;
  }

  static Map<String, Object> resource(String logicalId) {
    Map<String, Object> resource = mapOrEmpty(resources.get(logicalId));
    assertFalse(resource.isEmpty(), "no resource " + logicalId);
    return resource;
  }

  /** A function property, falling back to Globals.Function. */
  static Object property(Map<String, Object> function, String key) {
    Object value = mapOrEmpty(function.get("Properties")).get(key);
    return value != null ? value : globalFunction.get(key);
  }

  /** Logical id of {@code !Ref X}, {@code !GetAtt X.Attr} or {@code !GetAtt [X, Attr]}. */
  static String logicalId(Object value) {
    Map<String, Object> m = mapOrEmpty(value);
    if (m.get("Ref") instanceof String ref) {
      return ref;
    }
    Object getAtt = m.get("Fn::GetAtt");
    if (getAtt instanceof List<?> parts && !parts.isEmpty() && parts.get(0) instanceof String id) {
      return id;
    }
    return null;
  }

  /** A number, or a !Ref to a parameter resolved to its Default. */
  static int number(Object value, String what) {
    if (value instanceof Number n) {
      return n.intValue();
    }
    if (value instanceof String s && s.matches("\\d+")) {
      return Integer.parseInt(s);
    }
    Object def = parameterOf(value).map(p -> p.get("Default")).orElse(null);
    if (def != null && def != value) {
      return number(def, what);
    }
    throw new AssertionError(what + ": expected a number or a parameter with a Default, got " + value);
  }

  static java.util.Optional<Map<String, Object>> parameterOf(Object value) {
    String ref = mapOrEmpty(value).get("Ref") instanceof String s ? s : null;
    Map<String, Object> parameters = mapOrEmpty(template.get("Parameters"));
    return ref == null || !parameters.containsKey(ref)
        ? java.util.Optional.empty() : java.util.Optional.of(mapOrEmpty(parameters.get(ref)));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value, String what) {
    assertInstanceOf(Map.class, value, what + " must be a mapping");
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> mapOrEmpty(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  @SuppressWarnings("unchecked")
  static List<Object> listOrEmpty(Object value) {
    return value instanceof List<?> l ? (List<Object>) l : List.of();
  }

  // ------------------------------------------------------------------------------------------
  // Loading
  // ------------------------------------------------------------------------------------------

  /** Walks up from the working directory to the directory holding template.yaml. */
  static Path repositoryRoot() {
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("template.yaml"))) {
        return dir;
      }
    }
    throw new IllegalStateException("template.yaml not found above " + Paths.get("").toAbsolutePath());
  }

  static Map<String, Object> loadTemplate(Path file) throws IOException {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    Yaml yaml = new Yaml(new CloudFormationConstructor(options));
    try (InputStream in = Files.newInputStream(file);
         Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
      return map(yaml.load(reader), file.getFileName().toString());
    }
  }

  /**
   * A safe constructor that turns CloudFormation short tags ({@code !Ref x}, {@code !Sub ...},
   * {@code !GetAtt A.B}) into their long forms ({@code {Ref: x}}, {@code {Fn::Sub: ...}},
   * {@code {Fn::GetAtt: [A, B]}}), in scalar, sequence and mapping forms.
   */
  static final class CloudFormationConstructor extends SafeConstructor {
    static final List<String> FUNCTIONS = List.of(
        "Ref", "Condition", "GetAtt", "Sub", "Join", "If", "Equals", "Not", "Select", "Split",
        "FindInMap", "Base64", "ImportValue", "And", "Or", "GetAZs", "Cidr", "Transform", "Length",
        "ToJsonString");

    CloudFormationConstructor(LoaderOptions options) {
      super(options);
      for (String fn : FUNCTIONS) {
        String longName = fn.equals("Ref") || fn.equals("Condition") ? fn : "Fn::" + fn;
        yamlConstructors.put(new Tag("!" + fn), new ShortForm(longName));
      }
    }

    private final class ShortForm extends AbstractConstruct {
      private final String longName;

      ShortForm(String longName) {
        this.longName = longName;
      }

      @Override
      public Object construct(Node node) {
        Object value;
        if (node instanceof ScalarNode scalar) {
          String s = constructScalar(scalar);
          value = longName.equals("Fn::GetAtt") ? List.of(s.split("\\.", 2)) : s;
        } else if (node instanceof SequenceNode sequence) {
          value = constructSequence(sequence);
        } else {
          value = constructMapping((MappingNode) node);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(longName, value);
        return out;
      }
    }
  }
}
