import { describe, expect, it } from 'vitest';
import { chapterAtMs, chapterOfSegment, lastAtOrBefore, spokenTime, timelineText } from '../src/book';
import { actionFor } from '../src/keys';
import { rowsToDraw } from '../src/seglist';
import { parseSleep, sleepDue, sleepText } from '../src/sleep';
import type { ChapterOutline } from '../src/types';

const ch = (index: number, startMs: number, endMs: number, firstSegment: number, segments: number): ChapterOutline =>
  ({ index, title: `c${index}`, startMs, endMs, firstSegment, segments });
// book chapter 0 has no audio: the outline starts at book chapter 1
const chapters = [ch(1, 0, 60_000, 0, 10), ch(2, 60_000, 200_000, 10, 30), ch(4, 200_000, 250_000, 40, 5)];

describe('whole-book time', () => {
  it('finds the chapter playing at a time, the boundaries included', () => {
    expect(chapterAtMs(chapters, 0)).toBe(0);
    expect(chapterAtMs(chapters, 59_999)).toBe(0);
    expect(chapterAtMs(chapters, 60_000)).toBe(1);
    expect(chapterAtMs(chapters, 249_000)).toBe(2);
    expect(chapterAtMs(chapters, 999_999)).toBe(2);
  });
  it('finds the chapter of a segment by its first segment', () => {
    expect(chapterOfSegment(chapters, 9)).toBe(0);
    expect(chapterOfSegment(chapters, 10)).toBe(1);
    expect(chapterOfSegment(chapters, 44)).toBe(2);
  });
  it('binary search: the last item at or before the value, 0 before the first', () => {
    const starts = [0, 1500, 3000, 4500].map((startMs) => ({ startMs }));
    expect(lastAtOrBefore(starts, 2999, (s) => s.startMs)).toBe(1);
    expect(lastAtOrBefore(starts, 3000, (s) => s.startMs)).toBe(2);
    expect(lastAtOrBefore(starts, -5, (s) => s.startMs)).toBe(0);
  });
  it('says a time in words for the slider', () => {
    expect(spokenTime(0)).toBe('0 seconds');
    expect(spokenTime(61)).toBe('1 minute 1 second');
    expect(spokenTime(3725.9)).toBe('1 hour 2 minutes 5 seconds');
    expect(timelineText(664, 3600)).toBe('11 minutes 4 seconds of 1 hour');
  });
});

describe('keyboard shortcuts', () => {
  const key = (k: string, mods: Partial<KeyboardEvent> = {}) => actionFor({ key: k, altKey: false, ctrlKey: false, metaKey: false, ...mods });
  it('maps keys to actions, case-insensitively', () => {
    expect(key(' ')).toBe('toggle');
    expect(key('K')).toBe('toggle');
    expect(key('ArrowLeft')).toBe('back');
    expect(key('l')).toBe('forward');
    expect(key('.')).toBe('nextSegment');
    expect(key(']')).toBe('nextChapter');
    expect(key('+')).toBe('faster');
    expect(key('b')).toBe('bookmark');
  });
  it('leaves browser shortcuts and other keys alone', () => {
    expect(key('b', { ctrlKey: true })).toBeUndefined();
    expect(key('ArrowLeft', { altKey: true })).toBeUndefined();
    expect(key('x')).toBeUndefined();
    expect(key('Tab')).toBeUndefined();
  });
});

describe('virtual rows', () => {
  it('draws the window and some either side, never the whole list', () => {
    const rows = rowsToDraw(5000, 64 * 1000, 640, 1005, 64, 6);
    expect(rows[0]).toBe(994);
    expect(rows[rows.length - 1]).toBe(1016);
    expect(rows.length).toBeLessThan(30);
  });
  it('keeps the row holding the tab stop, in order, even when scrolled away', () => {
    expect(rowsToDraw(5000, 0, 640, 3000, 64, 2).slice(-1)).toEqual([3000]);
    expect(rowsToDraw(5000, 64 * 2000, 640, 7, 64, 2)[0]).toBe(7);
  });
  it('copes with an empty list and a short one', () => {
    expect(rowsToDraw(0, 0, 600, 0)).toEqual([]);
    expect(rowsToDraw(3, 0, 600, 0)).toEqual([0, 1, 2]);
  });
});

describe('sleep timer', () => {
  it('counts minutes down and is due at the end', () => {
    const m = parseSleep('15', 1000);
    expect(sleepText(m, 1000)).toBe('Stops in 15:00');
    expect(sleepText(m, 1000 + 61_000)).toBe('Stops in 13:59');
    expect(sleepDue(m, 1000 + 15 * 60_000 - 1)).toBe(false);
    expect(sleepDue(m, 1000 + 15 * 60_000)).toBe(true);
  });
  it('"end of chapter" is due only when a chapter ends; off never is', () => {
    const c = parseSleep('chapter', 0);
    expect(sleepDue(c, 10 ** 12)).toBe(false);
    expect(sleepDue(c, 0, true)).toBe(true);
    expect(sleepDue(parseSleep('', 0), 10 ** 12, true)).toBe(false);
    expect(parseSleep('nonsense', 0)).toEqual({ kind: 'off' });
  });
});
