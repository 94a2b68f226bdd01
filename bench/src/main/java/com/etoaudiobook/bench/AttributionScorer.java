/*
 * Scores speaker attribution on PDNC-style annotated novels, through the Book the parser makes of
 * each novel_text.txt (what `./etoaudiobook parse novel_text.txt --json` prints): a quotation's
 * predicted speaker is the role of the segments covering its spans most.
 *
 *   bench/run.sh AttributionScorer [--errors] [--cast] [--strict] [--verdicts] [novelFolder...]
 *
 * Without folders it scores every subfolder of ../shared/data/pdnc-dev relative to the
 * repository root (the working directory, or -Detoaudiobook.root=...). --errors prints every
 * wrong or missed quotation, --verdicts every quotation's verdict by its first offset (to join
 * with the rule labels -Dattribution.steps=true prints), --cast every role with its line count
 * and gender. A role name is right when it overlaps one of the speaker's names; with --strict it
 * must also name the speaker at least as closely as anyone else ("Oakley" is wrong for either of
 * two Oakley brothers, "Mary Crawford" for her brother Crawford). The Narrator role is right for
 * quotations of a first-person narrator (the character whose aliases hold "_narr").
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
      } else if (a.equals("--verdicts")) {
        verdicts = true;
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

  /** Print every quotation's verdict (to join with -Dattribution.steps=true's rule labels). */
  static boolean verdicts;

  /** A role name must name the speaker at least as closely as any other character. */
  static boolean strict;

  /**
   * Gold quotations scored through the Book the parser makes of novel_text.txt: a quotation's
   * speaker is the role of the segments covering its spans most; a span is "found" when one
   * segment covers it entirely.
   */
  static Score scoreBook(Path folder, boolean errors, boolean cast) throws IOException {
    byte[] bytes = Files.readAllBytes(folder.resolve("novel_text.txt"));
    List<PdncGold.Quote> gold = PdncGold.readQuotes(folder.resolve("quotation_info.csv"));
    Map<String, List<String>> aliases = PdncGold.readAliases(folder.resolve("character_info.csv"));
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
    for (PdncGold.Quote g : gold) {
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
      List<String> names = SpeakerNames.aliasesOf(aliases, g.speaker());
      boolean ok = predicted != null && (predicted.equals(NARRATOR) ? names.contains("_narr")
          : SpeakerNames.matches(predicted, g.speaker(), names)
          && (!strict || SpeakerNames.identifies(predicted, names, aliases)));
      if (verdicts) {
        System.out.printf(Locale.ROOT, "VERDICT %s %d %s %s %s|%s%n", folder.getFileName(),
            g.spans().get(0)[0], ok ? "ok" : "bad", type.isEmpty() ? "-" : type,
            g.speaker().replace(' ', '_'), predicted == null ? "-" : predicted.replace(' ', '_'));
      }
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

  private static String oneLine(String text, int at) {
    String ctx = text.substring(Math.max(0, at - 60), Math.min(text.length(), at + 100));
    return ctx.replace('\n', ' ');
  }

}
