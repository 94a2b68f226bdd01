package com.etoaudiobook.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RFC 9457 problem details: every error the API gives has this body. */
public final class Problem {
  public static final String CONTENT_TYPE = "application/problem+json";
  public static final MediaType MEDIA_TYPE = MediaType.of(CONTENT_TYPE);

  private Problem() {
  }

  /**
   * The body of every error.
   *
   * @param type   always "about:blank": the status says what kind of problem it is
   * @param title  the status's reason phrase
   * @param detail what was wrong with this request, or null
   */
  public record Details(String type, String title, int status, @Nullable String detail) {
  }

  public static Details body(HttpStatus status, String detail) {
    return new Details("about:blank", status.getReason(), status.getCode(), detail);
  }

  private static final Pattern SOURCE = Pattern.compile("\\s*at \\[Source:.*", Pattern.DOTALL);
  private static final Pattern LOCATION = Pattern.compile("line: (\\d+), column: (\\d+)");
  private static final Pattern CHAIN = Pattern.compile("\\s*\\(through reference chain:[^)]*\\)");
  private static final Pattern QUALIFIED = Pattern.compile("(?:[a-z_][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_]*)(?:\\$[A-Za-z0-9_]+)*");
  private static final Pattern CONVERT = Pattern.compile(
      "(?s)^Failed to convert argument \\[[^]]*] for value \\[.*?] due to: ");

  /**
   * A detail safe to show: Jackson's parser messages become "Malformed JSON: <reason> (line L,
   * column C)" without the "[Source: ...]" excerpt, reference chains or class names; anything
   * else loses package names and is cut to 300 characters.
   */
  public static String clean(String detail) {
    if (detail == null) {
      return null;
    }
    // cut first: the patterns below must never see a client's megabytes
    String d = detail.length() > 2000 ? detail.substring(0, 2000) : detail;
    boolean json = d.contains("[Source:") || d.startsWith("Invalid JSON") || d.contains("JSON");
    Matcher at = LOCATION.matcher(d);
    String where = at.find() ? " (line " + at.group(1) + ", column " + at.group(2) + ")" : "";
    d = CONVERT.matcher(d).replaceFirst("");
    d = SOURCE.matcher(d).replaceAll("");
    d = CHAIN.matcher(d).replaceAll("");
    d = d.replaceFirst("^Invalid JSON:?\\s*", "");
    d = QUALIFIED.matcher(d).replaceAll("$1");
    d = d.replace('`', '\'').replaceAll("\\s+", " ").strip();
    if (json) {
      d = "Malformed JSON: " + (d.isEmpty() ? "the body is not valid JSON" : d) + where;
    }
    return d.length() > 300 ? d.substring(0, 300) + "…" : d;
  }

  private static final Pattern INTERNAL_NOTE = Pattern.compile(
      "\\s*\\([^()]*(?:Exception|Error\\b|\\b[a-z]+\\.[a-z]+\\.[a-z]+\\.[A-Za-z]+)[^()]*\\)");

  /**
   * A refusal's message without what a library said in parentheses ("(org.apache...Exception: ...)"):
   * the words for the user stay, the class names and internals go.
   */
  public static String withoutInternals(String message) {
    if (message == null) {
      return null;
    }
    String m = message.length() > 2000 ? message.substring(0, 2000) : message;
    return INTERNAL_NOTE.matcher(m).replaceAll("").strip();
  }

  public static MutableHttpResponse<Details> response(HttpStatus status, String detail) {
    return HttpResponse.<Details>status(status).body(body(status, detail)).contentType(MEDIA_TYPE);
  }
}
