package com.etoaudiobook.book.attribution.internal;

import com.etoaudiobook.book.Cancellation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The attribution pipeline, in linear stages over the token stream: 1. finding quotations
 * ({@link QuoteScanner}) and names ({@link Names}); 2. candidate speakers: the speech cue next to
 * each quotation ({@link CueFinder}); 3. building the cast, knowing which names speak
 * ({@link CastBuilder}); 4. resolving every quotation to a speaker ({@link Resolver}).
 */
public final class Engine {

  public static final String NARRATOR = "_narr";

  /** One attributed span, in the internal form the public facade converts. */
  public record Result(int start, int end, String speaker, String type) {
  }

  /** A discovered character, in the internal form. */
  public record Person(String name, List<String> aliases, String gender) {
  }

  public record Output(List<Result> quotes, List<Person> people) {
  }

  private final List<QuoteScanner.Span> spans;
  private final Tokens t;
  private final Names names;
  private final boolean firstPerson;

  private Engine(String text) {
    // A stop (the parse's deadline) is honoured between the stages and every few quotes, so a
    // stopped parse ends within a stage's time, not the whole attribution's.
    List<QuoteScanner.Paragraph> paras = QuoteScanner.paragraphs(text);
    Cancellation.check();
    spans = QuoteScanner.scan(text, paras);
    Cancellation.check();
    t = Tokens.of(text, paras, spans);
    Cancellation.check();
    names = new Names(t);
    Cancellation.check();
    firstPerson = isFirstPerson();
  }

  public static Output run(String text) {
    return run(text, TurnWeights.get(), TurnWeights.anaphor());
  }

  /** With the {@link TurnRanker}'s weights given (null: the rules alone), for tests. */
  static Output run(String text, double[] weights) {
    return run(text, weights, null);
  }

  /** With both rankers' weights given (null: the rules alone), for tests. */
  static Output run(String text, double[] weights, double[] anaphorWeights) {
    Engine e = new Engine(text);
    return e.attribute(weights, anaphorWeights);
  }

  /** First-person narration: "I" is common outside quotations. */
  private boolean isFirstPerson() {
    int words = 0;
    int i = 0;
    int iSaid = 0;
    for (int k = 0; k < t.size; k++) {
      if (t.quote[k] >= 0 || !t.isWord[k]) {
        continue;
      }
      words++;
      if (t.word[k].equals("I")) {
        i++;
        if (k + 1 < t.size && Lexicon.SPEECH_VERBS.contains(t.lower[k + 1])
            || k > 0 && Lexicon.SPEECH_VERBS.contains(t.lower[k - 1])) {
          iSaid++;
        }
      }
    }
    return words > 0 && (i * 200 >= words || iSaid >= 3);
  }

  /** Name particles are joined by no-break spaces inside the stages; readers see spaces. */
  private static String shown(String name) {
    return name.replace('\u00A0', ' ');
  }

  private Output attribute(double[] weights, double[] anaphorWeights) {
    int n = spans.size();
    Cue[] cues = new Cue[n];
    CueFinder finder = new CueFinder(t, names, spans, firstPerson);
    Map<String, Integer> speakerForms = new HashMap<>();
    for (int q = 0; q < n; q++) {
      if ((q & 63) == 0) {
        Cancellation.check();
      }
      cues[q] = finder.find(q);
      if (cues[q] != null && cues[q].kind == Cue.NAME) {
        speakerForms.merge(names.mentions.get(cues[q].mention).form, 1, Integer::sum);
      }
    }
    if (Boolean.getBoolean("attribution.debug")) {
      for (int q = 0; q < n; q++) {
        if (cues[q] != null && cues[q].kind == Cue.NAME) {
          System.err.println("cue " + names.mentions.get(cues[q].mention).form + " @"
              + t.start[cues[q].tok]);
        }
      }
    }
    names.buildCharacters(speakerForms);
    // A name cue that did not become a character (filtered) is no cue at all.
    for (int q = 0; q < n; q++) {
      if (cues[q] != null && cues[q].kind == Cue.NAME
          && names.mentions.get(cues[q].mention).character < 0) {
        cues[q] = null;
      }
    }
    Cancellation.check();
    Resolver resolver = new Resolver(t, names, spans, firstPerson, cues, weights,
        anaphorWeights);
    resolver.resolveAll();
    Cancellation.check();
    int[] speaker = resolver.speaker;
    String[] type = resolver.type;
    List<Result> out = new ArrayList<>(n);
    int[] speechCount = new int[names.people.size()];
    for (int q = 0; q < n; q++) {
      QuoteScanner.Span s = spans.get(q);
      String name = null;
      if (speaker[q] == -1) {
        name = NARRATOR;
      } else if (speaker[q] >= 0) {
        name = shown(names.people.get(speaker[q]).name);
        speechCount[speaker[q]]++;
      }
      out.add(new Result(s.start(), s.end(), name, name == null ? "none" : type[q]));
    }
    List<Names.Person> sorted = new ArrayList<>(names.people);
    sorted.sort((a, b) -> Integer.compare(speechCount[b.id], speechCount[a.id]));
    List<Person> people = new ArrayList<>();
    for (Names.Person p : sorted) {
      if (p.dropped) {
        continue;
      }
      List<String> aliases = new ArrayList<>();
      p.aliases.forEach(a -> aliases.add(shown(a)));
      people.add(new Person(shown(p.name), aliases, p.gender));
    }
    return new Output(out, people);
  }
}
