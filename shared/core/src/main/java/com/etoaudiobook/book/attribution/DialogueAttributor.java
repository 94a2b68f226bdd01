package com.etoaudiobook.book.attribution;

import com.etoaudiobook.book.attribution.internal.Engine;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the quotations of ordinary English prose and guesses who speaks each one, with rules
 * only (no model, no dependency): speech verbs next to names ("explicit"), pronouns and
 * descriptions resolved to the most recent fitting character ("anaphoric"), and turn-taking,
 * action beats and vocatives for the rest ("implicit"). Linear in the length of the text.
 */
public final class DialogueAttributor {

  /** Speaker name given to a first-person narrator ("I said"). */
  public static final String NARRATOR = Engine.NARRATOR;

  public Attribution attribute(String text) {
    Engine.Output out = Engine.run(text == null ? "" : text);
    List<Quote> quotes = new ArrayList<>(out.quotes().size());
    for (Engine.Result r : out.quotes()) {
      quotes.add(new Quote(r.start(), r.end(), r.speaker(), r.type()));
    }
    List<Character> characters = new ArrayList<>(out.people().size());
    for (Engine.Person p : out.people()) {
      characters.add(new Character(p.name(), p.aliases(), p.gender()));
    }
    return new Attribution(quotes, characters);
  }
}
