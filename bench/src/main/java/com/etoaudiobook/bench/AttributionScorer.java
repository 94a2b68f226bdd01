/*
 * Scores speaker attribution on PDNC-style annotated novels, through the Book the parser makes of
 * each novel_text.txt (what `./etoaudiobook parse novel_text.txt --json` prints): a quotation's
 * predicted speaker is the role of the segments covering its spans most.
 *
 *   bench/run.sh AttributionScorer [--errors] [--cast] [--strict] [novelFolder...]
 *
 * Without folders it scores every subfolder of ../shared/data/pdnc-dev relative to the
 * repository root (the working directory, or -Detoaudiobook.root=...). --errors prints every
 * wrong or missed quotation, --cast every role with its line count and gender. A role name is
 * right when it overlaps one of the speaker's names; with --strict it must also name the speaker
 * at least as closely as anyone else ("Oakley" is wrong for either of two Oakley brothers, "Mary
 * Crawford" for her brother Crawford). The Narrator role
 * is right for quotations of a first-person narrator (the character whose aliases hold "_narr").
 */
package com.etoaudiobook.bench;

import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.Role;
import com.etoaudiobook.book.ScriptParser;
import com.etoaudiobook.book.Segment;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class AttributionScorer {

  private static final String NARRATOR = "Narrator";
  private static final List<String> TYPES = List.of("Explicit", "Anaphoric", "Implicit", "");

  /** Correct / total counters per quote type, plus span recall and time. */
  static final class Score {
    final Map<String, int[]> byType = new LinkedHashMap<>();
    int gold;
    int found;
    int predicted;
    long millis;

    Score() {
      for (String t : TYPES) {
        byType.put(t, new int[2]);
      }
    }

    void add(Score o) {
      for (String t : TYPES) {
        byType.get(t)[0] += o.byType.get(t)[0];
        byType.get(t)[1] += o.byType.get(t)[1];
      }
      gold += o.gold;
      found += o.found;
      predicted += o.predicted;
      millis += o.millis;
    }
  }

  record GoldQuote(String id, List<int[]> spans, String speaker, String type, String text) {
  }

  private AttributionScorer() {
  }

  public static void main(String[] args) throws IOException {
    boolean errors = false;
    boolean cast = false;
    List<Path> folders = new ArrayList<>();
    for (String a : args) {
      if (a.equals("--errors")) {
        errors = true;
      } else if (a.equals("--strict")) {
        strict = true;
      } else if (a.equals("--cast")) {
        cast = true;
      } else {
        folders.add(Path.of(a));
      }
    }
    if (folders.isEmpty()) {
      Path root = Path.of(System.getProperty("etoaudiobook.root", "."));
      Path dev = root.resolve("../shared/data/pdnc-dev").normalize();
      File[] dirs = dev.toFile().listFiles(File::isDirectory);
      if (dirs == null) {
        System.err.println("No PDNC folders under " + dev.toAbsolutePath());
        System.exit(2);
      }
      Arrays.sort(dirs);
      for (File d : dirs) {
        folders.add(d.toPath());
      }
    }
    Score total = new Score();
    long chars = 0;
    for (Path f : folders) {
      Score s = scoreBook(f, errors, cast);
      print(f.getFileName().toString(), s);
      total.add(s);
      chars += Files.size(f.resolve("novel_text.txt"));
    }
    print("OVERALL", total);
    System.out.printf(Locale.ROOT, "parse speed: %.2f MB/s (%d characters in %d ms, one thread)%n",
        chars / 1e3 / Math.max(1, total.millis), chars, total.millis);
  }

  private static void print(String name, Score s) {
    int c = 0;
    int n = 0;
    StringBuilder types = new StringBuilder();
    for (Map.Entry<String, int[]> e : s.byType.entrySet()) {
      c += e.getValue()[0];
      n += e.getValue()[1];
      if (e.getValue()[1] > 0) {
        types.append(String.format(Locale.ROOT, "  %s %s", e.getKey().isEmpty() ? "(none)"
            : e.getKey(), pct(e.getValue()[0], e.getValue()[1])));
      }
    }
    System.out.printf(Locale.ROOT, "%-30s accuracy %s |%s | spans found %.1f%% | %d ms%n",
        name, pct(c, n), types, 100.0 * s.found / Math.max(1, s.gold), s.millis);
  }

  private static String pct(int c, int n) {
    return String.format(Locale.ROOT, "%.1f%% (%d/%d)", 100.0 * c / Math.max(1, n), c, n);
  }

  /**
   * Gold quotations scored through the Book the parser makes of novel_text.txt: a quotation's
   * speaker is the role of the segments covering its spans most; a span is "found" when one
   * segment covers it entirely.
   */
  /** A role name must name the speaker at least as closely as any other character. */
  static boolean strict;

  static Score scoreBook(Path folder, boolean errors, boolean cast) throws IOException {
    byte[] bytes = Files.readAllBytes(folder.resolve("novel_text.txt"));
    List<GoldQuote> gold = readQuotes(folder.resolve("quotation_info.csv"));
    Map<String, List<String>> aliases = readAliases(folder.resolve("character_info.csv"));
    long t0 = System.nanoTime();
    Book book = new ScriptParser().parse("novel_text.txt", bytes);
    Score s = new Score();
    s.millis = (System.nanoTime() - t0) / 1_000_000;
    if (cast) {
      for (Role r : book.roles()) {
        System.out.printf(Locale.ROOT, "  role %-32s %5d lines  %s%n", r.name(), r.segments(),
            r.gender() == null ? "-" : r.gender());
      }
    }
    String text = errors ? new String(bytes, StandardCharsets.UTF_8) : null;
    List<Segment> segs = book.segments().toList();
    s.gold = gold.size();
    s.predicted = (int) segs.stream().filter(x -> !x.role().equals("Narrator")).count();
    for (GoldQuote g : gold) {
      Map<String, Integer> overlap = new HashMap<>();
      boolean covered = true;
      for (int[] span : g.spans()) {
        boolean one = false;
        for (Segment x : segs) {
          if (x.start() >= span[1]) {
            break;
          }
          int ov = Math.min(x.end(), span[1]) - Math.max(x.start(), span[0]);
          if (ov > 0) {
            overlap.merge(x.role(), ov, Integer::sum);
            one |= x.start() <= span[0] + 1 && x.end() >= span[1] - 1;
          }
        }
        covered &= one;
      }
      if (covered) {
        s.found++;
      }
      String predicted = overlap.entrySet().stream().max(Map.Entry.comparingByValue())
          .map(Map.Entry::getKey).orElse(null);
      String type = TYPES.contains(g.type()) ? g.type() : "";
      s.byType.get(type)[1]++;
      List<String> names = aliasesOf(aliases, g.speaker());
      boolean ok = predicted != null && (predicted.equals(NARRATOR) ? names.contains("_narr")
          : matches(predicted, g.speaker(), names)
          && (!strict || identifies(predicted, names, aliases)));
      if (ok) {
        s.byType.get(type)[0]++;
      } else if (errors) {
        int at = g.spans().get(0)[0];
        System.out.printf(Locale.ROOT, "  %s %s @%d gold=%s pred=%s | %s%n", g.id(),
            type.isEmpty() ? "-" : type, at, g.speaker(), predicted, oneLine(text, at));
      }
    }
    return s;
  }

  /**
   * The aliases of the gold speaker. The speaker column usually holds a main name but sometimes
   * one of the aliases ("Henry" for "Mr. Wilcox"); any alias counts, so an alias that belongs to
   * exactly one character brings that character's other names (shared ones stay alone).
   */
  static List<String> aliasesOf(Map<String, List<String>> aliases, String speaker) {
    List<String> direct = aliases.get(speaker);
    if (direct != null) {
      return direct;
    }
    List<String> found = null;
    for (Map.Entry<String, List<String>> e : aliases.entrySet()) {
      if (e.getValue().contains(speaker)) {
        if (found != null) {
          return List.of();
        }
        found = new ArrayList<>(e.getValue());
        found.add(e.getKey());
      }
    }
    return found == null ? List.of() : found;
  }

  private static String oneLine(String text, int at) {
    String ctx = text.substring(Math.max(0, at - 60), Math.min(text.length(), at + 100));
    return ctx.replace('\n', ' ');
  }

  static boolean matches(String predicted, String gold, List<String> aliases) {
    List<String> names = new ArrayList<>(aliases);
    names.add(gold);
    String p = bare(predicted);
    for (String a : names) {
      String l = bare(a);
      if (l.isEmpty()) {
        continue;
      }
      if (l.equals(p) || containsWord(l, p) || containsWord(p, l)) {
        return true;
      }
    }
    return false;
  }

  /** A name in lower case without a leading article: "A Student" and "The Student" are one. */
  static String bare(String name) {
    String l = name.toLowerCase(Locale.ROOT).trim();
    for (String article : List.of("the ", "a ", "an ")) {
      if (l.startsWith(article) && l.length() > article.length()) {
        return l.substring(article.length()).trim();
      }
    }
    return l;
  }

  /**
   * The predicted role names the gold character at least as closely as any other: an exact
   * name beats a contained one ("Mary Crawford" is not her brother, whose alias "Crawford" it
   * contains), and a partial name ("Oakley" for one of two Oakley brothers) must fit only one.
   */
  static boolean identifies(String predicted, List<String> goldNames,
                            Map<String, List<String>> all) {
    int own = closeness(predicted, goldNames);
    int best = -1;
    int atBest = 0;
    for (Map.Entry<String, List<String>> e : all.entrySet()) {
      List<String> names = new ArrayList<>(e.getValue());
      names.add(e.getKey());
      int c = closeness(predicted, names);
      if (c > best) {
        best = c;
        atBest = 1;
      } else if (c == best) {
        atBest++;
      }
    }
    return own >= best && (own > 0 || atBest <= 1);
  }

  /** 1000 for an exact name, the length of the longest name inside the prediction, 0 for a
   * prediction inside a name, -1 for no match. */
  private static int closeness(String predicted, List<String> names) {
    String p = predicted.toLowerCase(Locale.ROOT).trim();
    int best = -1;
    for (String a : names) {
      String l = a.toLowerCase(Locale.ROOT).trim();
      if (l.isEmpty()) {
        continue;
      }
      if (l.equals(p)) {
        return 1000;
      }
      if (containsWord(p, l)) {
        best = Math.max(best, l.length());
      } else if (containsWord(l, p)) {
        best = Math.max(best, 0);
      }
    }
    return best;
  }

  /** True when {@code part} occurs in {@code whole} bounded by non-letters. */
  static boolean containsWord(String whole, String part) {
    int from = 0;
    while (true) {
      int i = whole.indexOf(part, from);
      if (i < 0) {
        return false;
      }
      int e = i + part.length();
      boolean left = i == 0 || !java.lang.Character.isLetterOrDigit(whole.charAt(i - 1));
      boolean right = e == whole.length() || !java.lang.Character.isLetterOrDigit(whole.charAt(e));
      if (left && right) {
        return true;
      }
      from = i + 1;
    }
  }

  // ---------------------------------------------------------------- CSV

  static List<GoldQuote> readQuotes(Path csv) throws IOException {
    List<List<String>> rows = parseCsv(Files.readString(csv, StandardCharsets.UTF_8));
    List<String> head = rows.get(0);
    int id = head.indexOf("quoteID");
    int spans = head.indexOf("quoteByteSpans");
    int speaker = head.indexOf("speaker");
    int type = head.indexOf("quoteType");
    int text = head.indexOf("quoteText");
    List<GoldQuote> out = new ArrayList<>();
    Pattern pair = Pattern.compile("\\[\\s*(\\d+)\\s*,\\s*(\\d+)\\s*]");
    for (List<String> r : rows.subList(1, rows.size())) {
      if (r.size() <= Math.max(spans, Math.max(speaker, type))) {
        continue;
      }
      List<int[]> list = new ArrayList<>();
      Matcher m = pair.matcher(r.get(spans));
      while (m.find()) {
        list.add(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
      }
      if (!list.isEmpty()) {
        out.add(new GoldQuote(r.get(id), list, r.get(speaker), r.get(type).trim(), r.get(text)));
      }
    }
    return out;
  }

  /** Main name -> aliases; the aliases column is a Python set or list literal of strings. */
  static Map<String, List<String>> readAliases(Path csv) throws IOException {
    List<List<String>> rows = parseCsv(Files.readString(csv, StandardCharsets.UTF_8));
    List<String> head = rows.get(0);
    int main = head.indexOf("Main Name");
    int al = head.indexOf("Aliases");
    Map<String, List<String>> out = new HashMap<>();
    for (List<String> r : rows.subList(1, rows.size())) {
      if (r.size() <= Math.max(main, al)) {
        continue;
      }
      out.put(r.get(main), pythonStrings(r.get(al)));
    }
    return out;
  }

  /** The string items of a Python literal like {'A', "B's"} or ['A, B']. */
  static List<String> pythonStrings(String literal) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < literal.length()) {
      char c = literal.charAt(i);
      if (c == '\'' || c == '"') {
        StringBuilder sb = new StringBuilder();
        int j = i + 1;
        while (j < literal.length() && literal.charAt(j) != c) {
          if (literal.charAt(j) == '\\' && j + 1 < literal.length()) {
            j++;
          }
          sb.append(literal.charAt(j));
          j++;
        }
        out.add(sb.toString());
        i = j + 1;
      } else {
        i++;
      }
    }
    return out;
  }

  /** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
  static List<List<String>> parseCsv(String s) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < n && s.charAt(i + 1) == '"') {
            field.append('"');
            i += 2;
            continue;
          }
          quoted = false;
        } else {
          field.append(c);
        }
        i++;
        continue;
      }
      if (c == '"' && field.length() == 0) {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
          i++;
        }
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        field.append(c);
      }
      i++;
    }
    if (field.length() > 0 || !row.isEmpty()) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }
}
