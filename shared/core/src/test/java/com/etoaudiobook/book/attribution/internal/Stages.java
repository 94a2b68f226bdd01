package com.etoaudiobook.book.attribution.internal;

import java.util.List;

/** The first stages run on a small text, for tests of one stage at a time. */
final class Stages {
  final String text;
  final List<QuoteScanner.Span> spans;
  final Tokens tokens;
  final Names names;

  Stages(String text) {
    this.text = text;
    List<QuoteScanner.Paragraph> paras = QuoteScanner.paragraphs(text);
    spans = QuoteScanner.scan(text, paras);
    tokens = Tokens.of(text, paras, spans);
    names = new Names(tokens);
  }

  /** The cue of every quotation, in order. */
  Cue[] cues(boolean firstPerson) {
    CueFinder finder = new CueFinder(tokens, names, spans, firstPerson);
    Cue[] cues = new Cue[spans.size()];
    for (int q = 0; q < cues.length; q++) {
      cues[q] = finder.find(q);
    }
    return cues;
  }

  String quoted(int q) {
    return text.substring(spans.get(q).start(), spans.get(q).end());
  }

  /** The name form of a NAME cue. */
  String form(Cue c) {
    return names.mentions.get(c.mention).form;
  }
}
