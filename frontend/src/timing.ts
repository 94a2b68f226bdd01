import type { Mark } from './types';

/**
 * Index of the last mark whose time (mark[2]) is <= ms, or -1 when ms is before the first mark.
 * Marks are sorted by time (the contract gives them in speaking order). Binary search: O(log n).
 */
export function markIndexAt(marks: readonly Mark[], ms: number): number {
  let lo = 0;
  let hi = marks.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (marks[mid][2] <= ms) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** Index of the mark that contains the character position, or -1. */
export function markIndexForChar(marks: readonly Mark[], char: number): number {
  let lo = 0;
  let hi = marks.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (marks[mid][0] <= char) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  if (found >= 0 && char < marks[found][1]) return found;
  return -1;
}

export interface TextPiece {
  text: string;
  /** index into words, or -1 for text between words */
  word: number;
  /** index into sentences, or -1 */
  sentence: number;
}

/** Splits text into pieces: words (from the word marks) and the gaps between them. */
export function splitByWords(text: string, words: readonly Mark[], sentences: readonly Mark[]): TextPiece[] {
  const pieces: TextPiece[] = [];
  let pos = 0;
  const sentenceOf = (c: number) => markIndexForChar(sentences, c);
  const pushGap = (from: number, to: number) => {
    if (to > from) pieces.push({ text: text.slice(from, to), word: -1, sentence: sentenceOf(from) });
  };
  words.forEach((w, i) => {
    const start = Math.max(pos, Math.min(w[0], text.length));
    const end = Math.max(start, Math.min(w[1], text.length));
    pushGap(pos, start);
    if (end > start) pieces.push({ text: text.slice(start, end), word: i, sentence: sentenceOf(start) });
    pos = end;
  });
  pushGap(pos, text.length);
  return pieces;
}
