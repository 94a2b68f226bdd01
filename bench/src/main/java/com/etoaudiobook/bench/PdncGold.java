package com.etoaudiobook.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gold of a PDNC novel folder: quotation_info.csv (each quotation's spans, speaker and type)
 * and character_info.csv (each character's main name and aliases).
 */
final class PdncGold {
  private PdncGold() {
  }

  /** One annotated quotation: its [start, end) spans in novel_text.txt, speaker and type. */
  record Quote(String id, List<int[]> spans, String speaker, String type, String text) {
  }

  static List<Quote> readQuotes(Path csv) throws IOException {
    List<List<String>> rows = parseCsv(Files.readString(csv, StandardCharsets.UTF_8));
    List<String> head = rows.get(0);
    int id = head.indexOf("quoteID");
    int spans = head.indexOf("quoteByteSpans");
    int speaker = head.indexOf("speaker");
    int type = head.indexOf("quoteType");
    int text = head.indexOf("quoteText");
    List<Quote> out = new ArrayList<>();
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
        out.add(new Quote(r.get(id), list, r.get(speaker), r.get(type).trim(), r.get(text)));
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
