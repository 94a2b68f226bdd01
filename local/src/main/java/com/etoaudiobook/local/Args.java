package com.etoaudiobook.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parsed arguments: the command, positionals, and --name value / --flag options. */
record Args(String command, List<String> positionals, Map<String, List<String>> options) {
  private static final java.util.Set<String> FLAGS = java.util.Set.of("json", "verbose", "no-chapter-titles", "segments");
  private static final java.util.Set<String> KNOWN = java.util.Set.of("json", "verbose", "voice", "out", "pause-ms",
      "paragraph-pause-ms", "chapter-pause-ms", "threads", "lexicon", "language", "gender", "q", "port", "data", "engine",
      "edits", "no-chapter-titles", "segments");

  static Args parse(String[] argv) {
    List<String> pos = new ArrayList<>();
    Map<String, List<String>> opts = new LinkedHashMap<>();
    for (int i = 1; i < argv.length; i++) {
      String a = argv[i];
      if (a.startsWith("--")) {
        String name = a.substring(2);
        String value = null;
        int eq = name.indexOf('=');
        if (eq >= 0) {
          value = name.substring(eq + 1);
          name = name.substring(0, eq);
        }
        if (!KNOWN.contains(name)) {
          throw new IllegalArgumentException("unknown option --" + name);
        }
        if (FLAGS.contains(name)) {
          value = "true";
        } else if (value == null) {
          if (i + 1 >= argv.length) {
            throw new IllegalArgumentException("--" + name + " needs a value");
          }
          value = argv[++i];
        }
        opts.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      } else {
        pos.add(a);
      }
    }
    return new Args(argv[0], pos, opts);
  }

  String single(String what) {
    if (positionals.size() != 1) {
      throw new Main.UsageException(command + " needs exactly one " + what
          + (positionals.isEmpty() ? "" : ", got " + positionals.size()));
    }
    return positionals.get(0);
  }

  String option(String name) {
    List<String> v = options.get(name);
    return v == null ? null : v.get(v.size() - 1);
  }

  List<String> all(String name) {
    return options.getOrDefault(name, List.of());
  }

  boolean flag(String name) {
    return options.containsKey(name);
  }

  int intOption(String name, int fallback) {
    String v = option(name);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new Main.UsageException("--" + name + " expects a whole number, got '" + v + "'");
    }
  }
}
