package com.etoaudiobook.book.attribution.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who a quotation names: those it addresses ("Thank you, Tom.", "Alice, come here") and anyone
 * it names at all. Neither is, as a rule, its speaker; the one addressed is likely the next.
 */
final class Vocatives {
  private final Tokens t;
  private final Names names;
  private final List<QuoteScanner.Span> spans;

  Vocatives(Tokens t, Names names, List<QuoteScanner.Span> spans) {
    this.t = t;
    this.names = names;
    this.spans = spans;
  }

  /** Characters addressed by name inside quotes [from, to): "…, Alice?" or "Alice, …". */
  Set<Integer> addressed(int from, int to) {
    Set<Integer> out = new HashSet<>();
    for (int q = from; q < to && q < spans.size(); q++) {
      for (int k = t.quoteFirst[q]; k < t.quoteLast[q]; k++) {
        int m = names.mentionStart[k];
        if (m < 0 || names.mentions.get(m).character < 0) {
          continue;
        }
        Names.Mention mm = names.mentions.get(m);
        int before = mm.first - 1;
        int after = mm.last;
        // "To the Fischbaums--Mrs Fischbaum, not…": a name after a dash is an apposition.
        boolean prevBreak = before < t.quoteFirst[q] + 1 || !t.isWord[before]
            && !t.word[before].startsWith("-") && !t.word[before].startsWith("\u2014")
            || t.lower[before].equals("dear") || t.lower[before].equals("my");
        boolean nextBreak = after >= t.quoteLast[q] || !t.isWord[after];
        boolean afterComma = before >= 0 && t.word[before].equals(",");
        // "Thank you, Mrs. Pargeter." / "Alice, come here" / "…, Alice?"
        if (prevBreak && nextBreak && (afterComma || after >= t.size
            || !t.word[after].equals("."))
            || prevBreak && after < t.size && t.word[after].equals(",")) {
          out.add(mm.character);
        }
      }
    }
    return out;
  }

  /** Characters named anywhere inside quotes [from, to): people rarely say their own name. */
  Set<Integer> named(int from, int to) {
    Set<Integer> out = new HashSet<>();
    for (int q = from; q < to && q < spans.size(); q++) {
      for (int k = t.quoteFirst[q]; k < t.quoteLast[q]; k++) {
        int m = names.mentionStart[k];
        if (m >= 0 && names.mentions.get(m).character >= 0) {
          out.add(names.mentions.get(m).character);
        }
      }
    }
    return out;
  }
}
