package com.etoaudiobook.book.internal;

/** One source line of a script or plain text, with what the reader decided it is. */
final class ScriptLine {

  enum Kind { BLANK, SKIP, BREAK, TITLE, HEADING, LABEL, TEXT }

  final SourceLine line;
  Kind kind = Kind.TEXT;
  int bodyStart;
  int bodyEnd;
  String body;
  String heading;
  int markdownLevel;
  Label label;

  ScriptLine(SourceLine line) {
    this.line = line;
  }

  boolean empty() {
    return kind == Kind.BLANK || kind == Kind.SKIP;
  }
}
