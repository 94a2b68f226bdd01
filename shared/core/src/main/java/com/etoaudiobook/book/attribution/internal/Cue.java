package com.etoaudiobook.book.attribution.internal;

/** The phrase next to a quotation that names who speaks it: a name, a pronoun or a description. */
final class Cue {
  static final int NAME = 0;
  static final int PRONOUN = 1;
  static final int DESC = 2;
  /** "I said" in first-person narration: the narrator. */
  static final int FIRST = 3;
  /** A bare word after a speech verb: a lone title ("said Mademoiselle"), a lowercase
   * common name ("said nanny"): the character so called. */
  static final int WORD = 4;

  final int kind;
  /** Index of the name mention for {@link #NAME}, else -1. */
  final int mention;
  final String gender;
  final int tok;
  /** "she said to herself", "he thought": no addressee, so no turn-taking. */
  boolean self;
  /** For {@link #DESC}: the token after the description that starts at {@link #tok}. */
  int descEnd;
  /** For {@link #DESC}: one of several ("said one of the gentlemen"), someone new as "a gentleman" is. */
  boolean partitive;

  Cue(int kind, int mention, String gender, int tok) {
    this.kind = kind;
    this.mention = mention;
    this.gender = gender;
    this.tok = tok;
  }
}
