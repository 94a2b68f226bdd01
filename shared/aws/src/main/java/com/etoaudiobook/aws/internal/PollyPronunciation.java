package com.etoaudiobook.aws.internal;

import com.etoaudiobook.lexicon.Lexicon;

import java.util.List;

/**
 * How Polly honours a lexicon: each word an entry applies to is sent inside SSML, IPA as
 * {@code <phoneme alphabet="ipa" ph="...">word</phoneme>} and a respelling as
 * {@code <sub alias="...">word</sub>}. The word itself stays in the document, so Polly's word
 * marks point at it and map back to the written word.
 */
public final class PollyPronunciation {
  private PollyPronunciation() {
  }

  /** The spans of {@code text} to send as SSML elements (empty when no entry applies). */
  public static List<PollyText.Span> spans(String text, Lexicon lexicon) {
    if (lexicon == null || lexicon.isEmpty()) {
      return List.of();
    }
    return lexicon.matches(text).stream().map(m -> new PollyText.Span(m.start(), m.end(),
        element(m.entry(), text.substring(m.start(), m.end())))).toList();
  }

  static String element(Lexicon.Entry entry, String written) {
    StringBuilder word = new StringBuilder();
    written.codePoints().forEach(cp -> word.append(PollyText.escape(cp)));
    if (entry.ipa() != null) {
      return "<phoneme alphabet=\"ipa\" ph=\"" + attribute(entry.ipa()) + "\">" + word + "</phoneme>";
    }
    return "<sub alias=\"" + attribute(entry.respelling()) + "\">" + word + "</sub>";
  }

  private static String attribute(String value) {
    StringBuilder out = new StringBuilder();
    value.codePoints().forEach(cp -> out.append(PollyText.escape(cp)));
    return out.toString();
  }
}
