package com.etoaudiobook.book.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a stretch of text (a chapter, or the whole document) is a labelled script or
 * prose, by what carries its dialogue: speaker labels ({@code ROLE: text}) or quotation marks in
 * the unlabelled lines. A title page ("PRIDE AND PREJUDICE:"), an imprint ("London:") or a
 * "Yes: there was..." sentence is one label against hundreds of quotations, so prose stays prose.
 */
public final class DialogueForm {

  private int labels;
  private int playLabels;
  private int quotations;
  private int lines;

  /** Counts a line the reader accepted as a speaker label; bold markup is explicit, worth four. */
  private void label(boolean bold) {
    labels += bold ? 4 : 1;
    lines++;
  }

  /**
   * Counts a play's label ("ROPER.", "Nora (busy). Yes"): worth half a script's, for prose opens
   * paragraphs with a word and a stop too ("Stille." in a German novel, whose nouns are capitals).
   */
  void label(Label label) {
    if (label.play() && !label.bold()) { // (a play's name in emphasis alone on its line is explicit)
      playLabels++;
      lines++;
    } else {
      label(label.bold());
    }
  }

  /** Counts the quotations opened in an unlabelled line. */
  public void text(String body) {
    quotations += quotations(body);
    lines++;
  }

  public boolean hasDialogue() {
    return labels > 0 || playLabels > 0 || quotations > 0;
  }

  /** The labels' weight, in halves of a script's plain label. */
  private int labelHalves() {
    return 2 * labels + playLabels;
  }

  /**
   * Labels carry most of the dialogue: at least as many as quotations, and at least two (one
   * when the whole document is a script, or when it is a short labelled note without quotations).
   */
  public boolean script(boolean documentIsScript) {
    if (labelHalves() == 0 || labelHalves() < 2 * quotations) {
      return false;
    }
    return labels + playLabels >= 2 || documentIsScript || quotations == 0 && labels * 4 >= lines;
  }

  /**
   * For one chapter of a document: in a prose document a chapter needs two labels of its own (a
   * title page "DAISY MILLER: A STUDY" is one label on a short page, not a script).
   */
  public boolean chapterScript(boolean documentIsScript) {
    return documentIsScript ? script(true) : labels + playLabels >= 2 && labelHalves() >= 2 * quotations;
  }

  /**
   * Quotations opened in one line: curly openings (“, „), half the straight double quotes or the
   * guillemets, a line opened by a dash. Single quotes are left out (apostrophes are far more common
   * than single-quoted speech).
   */
  static int quotations(String body) {
    int curly = 0;
    int straight = 0;
    int guillemets = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\u201C' || c == '\u201E') {
        curly++;  // “ and German „
      } else if (c == '"') {
        straight++;
      } else if (c == '\u00AB' || c == '\u00BB') {
        guillemets++;  // «…» and »…«, whichever way round
      }
    }
    // a speech opened by a dash ("— Oui, dit-il."), as French, Spanish and Russian novels write it
    char first = body.isEmpty() ? ' ' : body.charAt(0);
    int dash = first == '\u2014' || first == '\u2013' || first == '\u2015' ? 1 : 0;
    return curly + (straight + 1) / 2 + (guillemets + 1) / 2 + dash;
  }

  /**
   * Script or prose, by what carries the dialogue of each chapter (of the whole document for a
   * chapter without dialogue): in prose, label-like lines become text ("DAISY MILLER: A STUDY").
   *
   * @return per chapter (0 before the first heading): whether its dialogue is in quotation marks
   */
  static List<Boolean> decide(List<ScriptLine> entries) {
    DialogueForm whole = new DialogueForm();
    List<DialogueForm> chapters = new ArrayList<>(List.of(new DialogueForm()));
    for (ScriptLine e : entries) {
      if (e.kind == ScriptLine.Kind.HEADING) {
        chapters.add(new DialogueForm());
      } else if (e.kind == ScriptLine.Kind.LABEL) {
        whole.label(e.label);
        chapters.get(chapters.size() - 1).label(e.label);
      } else if (e.kind == ScriptLine.Kind.TEXT) {
        whole.text(e.body);
        chapters.get(chapters.size() - 1).text(e.body);
      }
    }
    boolean script = whole.script(false);
    List<Boolean> proseChapter = new ArrayList<>();
    for (DialogueForm c : chapters) {
      proseChapter.add(!(c.hasDialogue() ? c.chapterScript(script) : script));
    }
    int chapterIndex = 0;
    for (ScriptLine e : entries) {
      if (e.kind == ScriptLine.Kind.HEADING) {
        chapterIndex++;
      } else if (e.kind == ScriptLine.Kind.LABEL && proseChapter.get(chapterIndex)) {
        e.kind = ScriptLine.Kind.TEXT;
        e.label = null;
      }
    }
    return proseChapter;
  }
}
