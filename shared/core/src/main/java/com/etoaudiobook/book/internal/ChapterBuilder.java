package com.etoaudiobook.book.internal;

import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.BookFormatException;
import com.etoaudiobook.book.Cancellation;
import com.etoaudiobook.book.Chapter;
import com.etoaudiobook.book.Headings;
import com.etoaudiobook.book.Role;
import com.etoaudiobook.book.Segment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The last pass of {@link ScriptReader}: walks the classified lines with a small state machine
 * deciding who speaks each piece of text, and builds the chapters, segments and roles.
 */
final class ChapterBuilder {

  /** Who the next unlabelled text belongs to. */
  private enum Mode {
    /** narration: each paragraph is its own segment */
    NARRATION,
    /** after {@code Role: text}: the rest of the paragraph is the role's, the next one narration */
    INLINE,
    /** after a label alone on its line: following paragraphs are the role's until the next label */
    ALONE,
    /**
     * after a play's name alone ("HAMLET."): its block, or the paragraphs after it until one that
     * reads as the play's direction ("Enter ...", "ROPER goes out.", a whole [direction])
     */
    NEXT
  }

  private static final class Seg {
    final String role;
    final String delivery;
    final int paragraph;
    final int start;
    int end;
    final StringBuilder text;

    Seg(String role, String delivery, int paragraph, int start, int end, String text) {
      this.role = role;
      this.delivery = delivery;
      this.paragraph = paragraph;
      this.start = start;
      this.end = end;
      this.text = new StringBuilder(text);
    }
  }

  private static final class ChapterDraft {
    final String title;
    final List<Seg> segments = new ArrayList<>();
    boolean prose;

    ChapterDraft(String title) {
      this.title = title;
    }
  }


  private final String source;
  private final List<ScriptLine> entries;
  /** Per chapter (0 before the first heading): whether its dialogue is in quotation marks. */
  private final List<Boolean> proseChapter;
  private final String narrator;
  private final Map<String, String> roleNames = new HashMap<>();
  private final List<ChapterDraft> drafts = new ArrayList<>();
  private int segments;

  // walk state
  private ChapterDraft chapter;
  private Seg open;
  private String speaker;
  private String delivery;
  private Mode mode = Mode.NARRATION;
  /** In {@link Mode#NEXT}: no text of the role's yet. */
  private boolean waiting;
  /** The speech under the play's name may run on over paragraphs ({@link #playDirection}). */
  private boolean runOn;
  /** The last line was a whole [direction] after the speech began: what follows is not the speech's. */
  private boolean afterDirection;
  /** The block being read is one bracketed direction ({@link #directionBlock}). */
  private boolean directionBlock;
  /** The last line of that direction (one left open ends at a sentence's end). */
  private int directionEnd;
  /** That direction is the speaker's own short gesture, its bracket left open as printed: the speech goes on after it. */
  private boolean resumes;
  /** The speaker was named by a play's label: a (parenthesis) in the speech is a direction too. */
  private boolean play;

  /** A [direction] left open at a line's end, to close on a later line of the block. */
  private enum Direction { NONE, OPEN, LEADING }

  private Direction direction = Direction.NONE;
  /** What closes the direction left open: ']' or, in a play's speech, ')'. */
  private char closer = ']';

  ChapterBuilder(String source, List<ScriptLine> entries, List<Boolean> proseChapter, String narrator) {
    this.source = source;
    this.entries = entries;
    this.proseChapter = proseChapter;
    this.narrator = narrator;
    walk();
  }

  /** Walks the classified lines, deciding who speaks each piece of text. */
  private void walk() {
    chapter = new ChapterDraft(null);
    chapter.prose = proseChapter.get(0);
    drafts.add(chapter);
    speaker = narrator;
    int paragraph = -1;
    boolean newBlock = true;
    for (int i = 0; i < entries.size(); i++) {
      ScriptLine e = entries.get(i);
      Cancellation.check();
      if (e.kind == ScriptLine.Kind.BLANK) {
        newBlock = true;
        continue;
      }
      if (e.kind == ScriptLine.Kind.SKIP) {
        continue;
      }
      if (newBlock || e.kind != ScriptLine.Kind.TEXT) {
        paragraph++;
      }
      boolean blockStart = newBlock;
      newBlock = false;
      switch (e.kind) {
        case HEADING -> {
          chapter = new ChapterDraft(e.heading);
          chapter.prose = proseChapter.get(drafts.size());
          drafts.add(chapter);
          narrate();
          newBlock = true;
        }
        case TITLE, BREAK -> {
          narrate();
          newBlock = true;
        }
        case LABEL -> {
          open = null;
          afterDirection = false;
          direction = Direction.NONE;
          speaker = e.label.name();
          delivery = e.label.delivery();
          play = e.label.play();
          // only a name with its stop alone ("ROPER.") runs on over paragraphs; a screenplay's
          // cue has its dialogue in its block, and the action lines after it are the narrator's
          runOn = play && !e.label.cue();
          int textStart = e.bodyStart + e.label.textStart();
          char first = textStart < e.bodyEnd ? source.charAt(textStart) : ' ';
          int close = play && (first == '(' || first == '[')
              ? indexOf(first == '(' ? ')' : ']', textStart, e.bodyEnd) : -1;
          if (close > textStart) {
            // "Helmer (calls out from his room). Is that my little lark?", "NORA [busy]." alone:
            // the direction narrated, and the speech, on this line or under it, the name's
            emit(narrator, "direction", textStart + 1, close, "\n", paragraph);
            textStart = afterDirection(close, e.bodyEnd, true);
          }
          if (!Markup.clean(source.substring(textStart, e.bodyEnd)).isBlank()) {
            mode = Mode.INLINE;
            speak(textStart, e.bodyEnd, "\n", paragraph, true);
          } else {
            mode = play ? Mode.NEXT : Mode.ALONE;
            waiting = true;
          }
        }
        case TEXT -> {
          if (blockStart) {
            // "[_Pulls back, wringing hand._" over its lines, closed or (as printed) not: the play's;
            // the speech under the name goes on after a short one that names nobody else
            String block = mode == Mode.NEXT && runOn ? directionBlock(i) : null;
            directionBlock = block != null;
            // left open, it ends at its first line that ends a sentence; the block's lines after it
            // are the speech ("[Putting down the kettle." / "You are late again, Tom.")
            directionEnd = i;
            while (directionBlock && !block.endsWith("]") && directionEnd + 1 < entries.size()
                && entries.get(directionEnd + 1).kind == ScriptLine.Kind.TEXT && !endsSentence(entries.get(directionEnd).body)) {
              directionEnd++;
            }
            if (directionBlock && !block.endsWith("]")) {
              block = block.substring(0, lineEnd(block, directionEnd - i));
            }
            resumes = directionBlock && !block.endsWith("]") && block.length() <= SPEAKERS_OWN_DIRECTION
                && !namesInCapitals(block) && !STAGE_WORDS.matcher(block.substring(1).replace("_", "")).matches();
            if (directionBlock && !waiting && !resumes && !block.endsWith("]")) {
              narrate();
            }
          }
          if (directionBlock && i > directionEnd && !entries.get(directionEnd).body.endsWith("]")) {
            directionBlock = false; // the speech after a direction left open
            afterDirection = false;
            waiting = false;
            speak(e.bodyStart, e.bodyEnd, "\n", paragraph, mode != Mode.NARRATION);
            continue;
          }
          if (directionBlock) {
            emit(narrator, "direction", e.bodyStart + (blockStart ? 1 : 0),
                e.bodyEnd - (e.body.endsWith("]") ? 1 : 0), blockStart ? "\n\n" : "\n", paragraph);
            afterDirection = !waiting && !resumes;
            continue;
          }
          if (blockStart && (mode == Mode.INLINE
              || mode == Mode.NEXT && !waiting && (afterDirection || !runOn || playDirection(i)))) {
            narrate();
          }
          // "ROPER." / "[Enters.]" / "Um.": a direction does not take the name's speech
          waiting &= wholeDirection(e.body);
          if (blockStart) {
            direction = Direction.NONE;
          }
          if (blockStart && mode == Mode.NARRATION) {
            open = null;
          }
          String sep = blockStart ? "\n\n" : "\n";
          if (wholeDirection(e.body)) {
            emit(narrator, "direction", e.bodyStart + 1, e.bodyEnd - 1, sep, paragraph);
            afterDirection = !waiting;
          } else {
            afterDirection = false;
            speak(e.bodyStart, e.bodyEnd, sep, paragraph, mode != Mode.NARRATION);
          }
        }
        default -> throw new IllegalStateException(e.kind.name());
      }
    }
  }

  /**
   * The block at entries[i] if it is one bracketed direction over its lines: it opens with "[" and has
   * no "]" but maybe at its very end (Project Gutenberg's plays print many with the opening bracket
   * only); else null.
   */
  private String directionBlock(int i) {
    String text = block(i, '\n');
    int close = text.indexOf(']');
    return text.length() > 2 && text.charAt(0) == '[' && text.indexOf('[', 1) < 0
        && (close < 0 || close == text.length() - 1) && text.chars().anyMatch(Character::isLetter) ? text : null;
  }

  /** A line that ends a sentence, a direction's when its bracket is left open: "[Putting down the kettle." */
  private static boolean endsSentence(String line) {
    String t = line.replace("_", "").strip();
    return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") || t.endsWith("]");
  }

  /** Where the block's line {@code n} (from 0) ends in its joined text. */
  private static int lineEnd(String block, int n) {
    int at = -1;
    for (int k = 0; k <= n; k++) {
      at = block.indexOf('\n', at + 1);
      if (at < 0) {
        return block.length();
      }
    }
    return at;
  }

  /** The text lines of the block from entries[i] (its first 2,000 characters or so), joined by {@code sep}. */
  private String block(int i, char sep) {
    StringBuilder block = new StringBuilder();
    for (int k = i; k < entries.size() && block.length() < 2000
        && (entries.get(k).kind == ScriptLine.Kind.TEXT || entries.get(k).kind == ScriptLine.Kind.SKIP); k++) {
      if (entries.get(k).kind == ScriptLine.Kind.TEXT) {
        block.append(entries.get(k).body).append(sep);
      }
    }
    return block.toString().strip();
  }

  /** Longest direction taken for the speaker's own gesture, after which the speech goes on ("[Pulls back, wringing hand."). */
  private static final int SPEAKERS_OWN_DIRECTION = 60;

  /** Words that open a play's direction printed as a paragraph of its own. */
  static final Pattern STAGE_WORDS = Pattern.compile(
      "(?:Enter|Re-enter|Exit|Exeunt|Curtain|CURTAIN|ENTER|EXIT|EXEUNT|The curtain|Scene|SCENE)\\b.*",
      Pattern.DOTALL);

  /**
   * Whether the block at entries[i], after a speech under a play's name alone, is the play's
   * rather than more of the speech: it opens with a stage word, is one italic span ("_He sits._"),
   * names a character as the play's directions do, in capitals ("ROPER goes to the door.";
   * a speech writes "Roper"), or has no sign of speech at all.
   */
  private boolean playDirection(int i) {
    String text = block(i, ' ');
    if (STAGE_WORDS.matcher(text).matches()) {
      return true;
    }
    if (text.length() > 2 && text.charAt(0) == '_'
        && (text.endsWith("_") || text.endsWith("_.")) && text.indexOf('_', 1) >= text.length() - 2) {
      return true;
    }
    // "The clock strikes five." reads as the scene's; a speech's next paragraph speaks to someone
    return namesInCapitals(text) || !SPEECH_SIGNS.matcher(text).find();
  }

  /** What marks a paragraph as somebody's words: a question, an exclamation, "I", "we" or "you". */
  private static final Pattern SPEECH_SIGNS = Pattern.compile(
      "[?!]|\\b(?:I|I'[a-z]+|[Mm]e|[Mm]y|[Ww]e|[Uu]s|[Oo]ur|[Yy]ou|[Yy]our|[Yy]ou'[a-z]+)\\b");

  /**
   * Whether text names a role in capitals ("LADY JANE"), as whole words: each run of words in
   * capitals is looked up, up to four words at a time, so a paragraph costs its length.
   */
  private boolean namesInCapitals(String text) {
    Set<String> names = capitalNames();
    if (names.isEmpty()) {
      return false;
    }
    List<String> run = new ArrayList<>();
    for (String word : (text + " x").split("\\s+")) {
      String bare = capitalsKey(word);
      if (!bare.isEmpty() && !bare.equals(bare.toLowerCase(Locale.ROOT))) {
        run.add(bare);
        continue;
      }
      for (int a = 0; a < run.size(); a++) {
        StringBuilder key = new StringBuilder();
        for (int b = a; b < run.size() && b < a + 4; b++) {
          key.append(b > a ? " " : "").append(run.get(b));
          if (names.contains(key.toString())) {
            return true;
          }
        }
      }
      run.clear();
    }
    return false;
  }

  private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}]");

  /** A word's letters if it is in capitals ("MRS." → "MRS"), else "". */
  private static String capitalsKey(String word) {
    String letters = NOT_LETTERS.matcher(word).replaceAll("");
    return letters.equals(letters.toUpperCase(Locale.ROOT)) ? letters : "";
  }

  private Set<String> capitalNames;

  /** The names of the play's labels written in capitals, of two letters or more, as their words' letters. */
  private Set<String> capitalNames() {
    if (capitalNames == null) {
      capitalNames = new HashSet<>();
      for (ScriptLine e : entries) {
        if (e.kind == ScriptLine.Kind.LABEL && e.label.play()) {
          StringBuilder key = new StringBuilder();
          for (String word : e.label.name().strip().split("\\s+")) {
            String bare = capitalsKey(word);
            if (bare.isEmpty()) {
              key.setLength(0);
              break;
            }
            key.append(key.length() > 0 ? " " : "").append(bare);
          }
          if (key.length() >= 2) {
            capitalNames.add(key.toString());
          }
        }
      }
    }
    return capitalNames;
  }

  /**
   * "[She leaves.]": a line that is one bracketed direction with a letter in it. By hand: the regular
   * expression for it backtracked over every letter of a long unclosed "[aaaa...".
   */
  static boolean wholeDirection(String body) {
    int n = body.length();
    if (n < 3 || body.charAt(0) != '[' || body.charAt(n - 1) != ']') {
      return false;
    }
    boolean letter = false;
    for (int i = 1; i < n - 1; i++) {
      char c = body.charAt(i);
      if (c == '[' || c == ']') {
        return false;
      }
      letter |= Character.isLetter(c) || Character.isHighSurrogate(c) && Character.isLetter(body.codePointAt(i));
    }
    return letter;
  }

  private void narrate() {
    play = false;
    open = null;
    speaker = narrator;
    delivery = null;
    mode = Mode.NARRATION;
  }

  /**
   * Speaks [a,b) as the current speaker; in a role's text, [bracketed] stage directions become
   * the narrator's, so they are never read in the character's voice.
   */
  private void speak(int a, int b, String sep, int paragraph, boolean directions) {
    if (directions && direction != Direction.NONE) {
      // a [direction] wrapped over lines of its block goes on here
      int close = indexOf(closer, a, b);
      int nested = indexOf(closer == ']' ? '[' : '(', a, b);
      if (close < 0 && nested < 0) {
        emit(narrator, "direction", a, b, " ", paragraph);
        return;
      }
      boolean leading = direction == Direction.LEADING;
      direction = Direction.NONE;
      if (close >= 0 && (nested < 0 || close < nested)) {
        emit(narrator, "direction", a, close, " ", paragraph);
        a = afterDirection(close, b, leading);
        sep = " ";
      }
    }
    if (directions) {
      int i = a;
      // the next '[' and '(' from i, each searched again only once passed: a long line stays linear
      int nextBracket = indexOf('[', i, b);
      int nextParen = play ? indexOf('(', i, b) : -1;
      while (i < b) {
        if (nextBracket >= 0 && nextBracket < i) {
          nextBracket = indexOf('[', i, b);
        }
        if (nextParen >= 0 && nextParen < i) {
          nextParen = indexOf('(', i, b);
        }
        // a play's speech has its directions in (parentheses) as often as in [brackets]
        int lb = nextParen >= 0 && (nextBracket < 0 || nextParen < nextBracket) ? nextParen : nextBracket;
        if (lb < 0) {
          break;
        }
        char opener = source.charAt(lb);
        char shut = opener == '[' ? ']' : ')';
        int close = indexOf(shut, lb + 1, b);
        int nested = indexOf(opener, lb + 1, close < 0 ? b : close);
        if (close < 0 && nested < 0 && Markup.hasLetters(source.substring(lb + 1, b))) {
          // "[_Approaching FARNCOMBE and taking him by the lapel_" ... "_]": wrapped, closed on a later line
          boolean leading = open == null && blank(a, lb);
          emit(speaker, delivery, a, lb, sep, paragraph);
          emit(narrator, "direction", lb + 1, b, " ", paragraph);
          direction = leading ? Direction.LEADING : Direction.OPEN;
          closer = shut;
          return;
        }
        if (close < 0 || nested >= 0) {
          break;
        }
        char after = close + 1 < b ? source.charAt(close + 1) : ' ';
        if (after == '(' || after == '[' || after == ':'
            || !Markup.hasLetters(source.substring(lb + 1, close))) {
          i = close + 1;
          continue;
        }
        boolean leading = open == null && blank(a, lb);
        emit(speaker, delivery, a, lb, sep, paragraph);
        emit(narrator, "direction", lb + 1, close, " ", paragraph);
        a = afterDirection(close, b, leading);
        i = a;
        sep = " ";
      }
    }
    emit(speaker, delivery, a, b, sep, paragraph);
  }

  /** Whether [a, b) of the source is blank: scanned once per direction emitted, the text before it. */
  private boolean blank(int a, int b) {
    for (int k = a; k < b; k++) {
      if (!Character.isWhitespace(source.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  /** Where the speech goes on after a direction closed at close: "Nora [busy]. Yes" skips the label's stop. */
  private int afterDirection(int close, int b, boolean leading) {
    int a = close + 1;
    if (leading && a < b && (source.charAt(a) == '.' || source.charAt(a) == ':')) {
      a++;
    }
    return a;
  }

  /** Like String.indexOf but bounded, so scanning each line stays linear in the line. */
  private int indexOf(char c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (source.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  /** Adds [a,b) (markup removed) to the open segment when the speaker is the same, else starts one. */
  private void emit(String role, String how, int a, int b, String sep, int paragraph) {
    while (a < b && Character.isWhitespace(source.charAt(a))) {
      a++;
    }
    while (b > a && Character.isWhitespace(source.charAt(b - 1))) {
      b--;
    }
    if (a >= b) {
      return;
    }
    String text = Markup.clean(source.substring(a, b)).strip();
    if (text.isEmpty()) {
      return;
    }
    if (open != null && Label.key(open.role).equals(Label.key(role))
        && (open.delivery == null ? how == null : open.delivery.equalsIgnoreCase(String.valueOf(how)))) {
      open.text.append(sep).append(text);
      open.end = b;
      return;
    }
    if (++segments > Book.MAX_SEGMENTS) {
      throw Book.tooManySegments();
    }
    String name = roleNames.computeIfAbsent(Label.key(role), k -> role);
    open = new Seg(name, how, paragraph, a, b, text);
    chapter.segments.add(open);
  }

  /** The chapters and roles of the walked lines. */
  ScriptReader.Result finish(String title, String author) {
    List<Chapter> chapters = new ArrayList<>();
    int index = 0;
    Map<String, RoleTally> tallies = new LinkedHashMap<>();
    java.util.Set<Integer> prose = new java.util.TreeSet<>();
    // "ACT 1" over nothing but "Scene 1": the act is said with its first scene, not lost
    String division = null;
    for (ChapterDraft draft : drafts) {
      List<Segment> segments = new ArrayList<>();
      for (Seg s : draft.segments) {
        // Lines were cleaned one by one: an emphasis that spans two leaves a mark at each end.
        String text = Markup.dropStrayMarks(s.text.toString());
        if (!Markup.isSpeakable(text)) {
          continue;
        }
        segments.add(new Segment(index++, chapters.size(), s.paragraph, s.role, s.delivery, text,
            s.start, s.end));
        tallies.computeIfAbsent(Label.key(s.role), k -> new RoleTally(s.role)).add(s.delivery, text);
      }
      if (!segments.isEmpty()) {
        if (draft.prose) {
          prose.add(chapters.size());
        }
        String heading = draft.title == null ? title : draft.title;
        if (division != null && draft.title != null) {
          heading = Headings.underDivision(division, heading);
        }
        chapters.add(new Chapter(chapters.size(), heading, segments));
        division = null;
      } else if (draft.title != null) {
        division = Headings.isDivision(draft.title) ? draft.title : null;
      }
    }
    if (chapters.isEmpty()) {
      throw new BookFormatException("no-speech",
          "The file has no text to speak (no letters or digits were found)");
    }
    List<Role> roles = tallies.values().stream().map(r -> r.role(null)).toList();
    boolean labelled = entries.stream().anyMatch(e -> e.kind == ScriptLine.Kind.LABEL);
    return new ScriptReader.Result(title, author, chapters, roles, labelled, prose);
  }
}
