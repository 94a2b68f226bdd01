package com.etoaudiobook.book.attribution.internal;

import java.util.Set;

/**
 * What in the token stream introduces speech: speech verbs ("said", "went on", "called out"),
 * uncommon past tenses in a cue slot ("flashed"), the fillers that may stand between a speaker
 * and the verb ("then", "had"), and the punctuation that ends the phrase around a quote.
 */
final class SpeechVerbs {

  private static final Set<String> OBJECTS = Set.of("him", "her", "them", "me", "us", "you",
      "himself", "herself", "itself", "themselves", "myself", "yourself", "one", "each",
      "everybody", "nobody", "somebody", "anybody", "everyone", "someone", "no-one");


  /** Past tenses that follow a quote without introducing its speaker. */
  private static final Set<String> NOT_SPEECH = Set.of("seemed", "appeared", "looked",
      "turned", "followed", "passed", "remained", "wanted", "needed", "used", "proved",
      "happened", "mattered", "continued", "sounded");


  private final Tokens t;

  SpeechVerbs(Tokens t) {
    this.t = t;
  }

  boolean isTerminator(int k) {
    if (t.isWord[k]) {
      return false;
    }
    String w = t.word[k];
    if (w.equals(".")) {
      // "Mr." does not end the phrase.
      return !(k > 0 && t.isWord[k - 1] && (Tokens.isTitle(t.lower[k - 1])
          || t.word[k - 1].length() == 1 && t.isCap(k - 1)));
    }
    return w.equals("!") || w.equals("?") || w.equals(";") || w.equals(":") || w.equals("(")
        || w.equals(")");
  }

  /** Index after a speech verb starting at k ("said", "went on"), or -1. */
  int at(int k, int limit) {
    if (k >= limit || !t.isWord[k]) {
      return -1;
    }
    String l = t.lower[k];
    if (Lexicon.isSpeechVerb(l)) {
      // "began to cry", "thought to go": an infinitive follows, this is not speech.
      if (k + 2 < limit && t.lower[k + 1].equals("to") && t.isWord[k + 2] && !t.isCap(k + 2)
          && !Lexicon.DETERMINERS.contains(t.lower[k + 2]) && !OBJECTS.contains(t.lower[k + 2])) {
        return -1;
      }
      // "called out Pooh", "spoke up": the particle belongs to the verb, but "said in a
      // whisper" is a manner, not a particle.
      if (k + 1 < limit && (Lexicon.PARTICLES.contains(t.lower[k + 1])
          || t.lower[k + 1].equals("up") || t.lower[k + 1].equals("back"))
          && !(k + 2 < limit && Lexicon.DETERMINERS.contains(t.lower[k + 2]))) {
        return k + 2;
      }
      return k + 1;
    }
    if (Lexicon.PARTICLE_VERBS.contains(l) && k + 1 < limit
        && Lexicon.PARTICLES.contains(t.lower[k + 1])) {
      return k + 2;
    }
    return -1;
  }

  boolean isFiller(int k) {
    if (!t.isWord[k] || t.isCap(k) && t.quote[k] < 0 && !t.sentenceStart[k]) {
      return false;
    }
    String l = t.lower[k];
    return Lexicon.FILLERS.contains(l) || l.endsWith("ly") && l.length() > 4 && (!t.isCap(k) || writtenLower(l));
  }

  /** Lowercase words the text also writes in lower case: an adverb opening a sentence ("Quietly"), not "Milly". */
  private final java.util.Map<String, Boolean> lowerSeen = new java.util.HashMap<>();

  private boolean writtenLower(String lower) {
    return lowerSeen.computeIfAbsent(lower, w -> {
      for (int at : t.positions(w)) {
        if (java.lang.Character.isLowerCase(t.word[at].charAt(0))) {
          return true;
        }
      }
      return false;
    });
  }

  /** A lowercase past tense ("flashed", "hooted"): a speech verb when it sits in a cue slot. */
  boolean loose(int k) {
    if (k + 1 >= t.size || !t.isWord[k] || t.isCap(k)) {
      return false;
    }
    String l = t.lower[k];
    return l.length() > 4 && l.endsWith("ed") && !NOT_SPEECH.contains(l);
  }
}
