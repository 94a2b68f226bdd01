import { describe, expect, it } from 'vitest';
import { markIndexAt, markIndexForChar, splitByWords } from '../src/timing';
import type { Mark } from '../src/types';

const text = 'Bar the door, Wren. The sea wants in.';
const words: Mark[] = [[0, 3, 0], [4, 7, 180], [8, 13, 350], [14, 19, 700], [20, 23, 1100], [24, 27, 1250], [28, 33, 1500], [34, 37, 1800]];
const sentences: Mark[] = [[0, 19, 0], [20, 37, 1100]];

describe('markIndexAt', () => {
  it('is -1 before the first mark and for no marks', () => {
    expect(markIndexAt([], 500)).toBe(-1);
    expect(markIndexAt([[0, 3, 100]], 99)).toBe(-1);
  });
  it('finds the last mark at or before the time', () => {
    expect(markIndexAt(words, 0)).toBe(0);
    expect(markIndexAt(words, 179)).toBe(0);
    expect(markIndexAt(words, 180)).toBe(1);
    expect(markIndexAt(words, 1000)).toBe(3);
    expect(markIndexAt(words, 1100)).toBe(4);
    expect(markIndexAt(words, 99_999)).toBe(7);
    expect(markIndexAt(sentences, 1099)).toBe(0);
    expect(markIndexAt(sentences, 1100)).toBe(1);
  });
  it('agrees with a linear scan on random sorted marks', () => {
    const marks: Mark[] = [];
    let t = 0;
    for (let i = 0; i < 500; i++) {
      t += Math.floor(Math.random() * 3) * 50; // duplicates allowed
      marks.push([i, i + 1, t]);
    }
    for (let k = 0; k < 200; k++) {
      const ms = Math.random() * (t + 100) - 50;
      let lin = -1;
      marks.forEach((m, i) => {
        if (m[2] <= ms) lin = i;
      });
      expect(markIndexAt(marks, ms)).toBe(lin);
    }
  });
});

describe('markIndexForChar', () => {
  it('finds the mark containing a character', () => {
    expect(markIndexForChar(sentences, 0)).toBe(0);
    expect(markIndexForChar(sentences, 18)).toBe(0);
    expect(markIndexForChar(sentences, 19)).toBe(-1); // the space between sentences
    expect(markIndexForChar(sentences, 25)).toBe(1);
    expect(markIndexForChar(words, 3)).toBe(-1);
  });
});

describe('splitByWords', () => {
  it('keeps every character and tags words and sentences', () => {
    const pieces = splitByWords(text, words, sentences);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.filter((p) => p.word >= 0).map((p) => p.text)).toEqual(['Bar', 'the', 'door,', 'Wren.', 'The', 'sea', 'wants', 'in.']);
    expect(pieces.find((p) => p.text === 'sea')!.sentence).toBe(1);
    expect(pieces.find((p) => p.text === 'door,')!.sentence).toBe(0);
  });
  it('survives marks out of range or overlapping', () => {
    const pieces = splitByWords('Hi there', [[0, 2, 0], [1, 5, 10], [6, 99, 20]], []);
    expect(pieces.map((p) => p.text).join('')).toBe('Hi there');
  });
  it('returns the text as one piece without marks', () => {
    expect(splitByWords('Hello.', [], [])).toEqual([{ text: 'Hello.', word: -1, sentence: -1 }]);
  });
});
