import { describe, expect, it } from 'vitest';
import { announcement, percent, pollDelay } from '../src/progress';
import { formatHash, parseHash } from '../src/route';
import { TtlCache } from '../src/cache';
import type { JobView } from '../src/types';

const job = (state: JobView['state'], done: number, total = 100, failed = 0): JobView =>
  ({ id: 'j', bookId: 'b', title: 't', state, parts: { done, total, failed } });

describe('polling', () => {
  it('polls every second and backs off on errors up to 30 s', () => {
    expect(pollDelay(0)).toBe(1000);
    expect(pollDelay(1)).toBe(2000);
    expect(pollDelay(3)).toBe(8000);
    expect(pollDelay(50)).toBe(30_000);
  });
  it('computes percent', () => {
    expect(percent(job('RUNNING', 0, 0))).toBe(0);
    expect(percent(job('RUNNING', 33, 100))).toBe(33);
    expect(percent(job('DONE', 3, 100))).toBe(100);
  });
  it('announces state changes, failures and quarters, not every tick', () => {
    expect(announcement(undefined, job('RUNNING', 0))).toMatch(/Generating/);
    expect(announcement(job('RUNNING', 10), job('RUNNING', 11))).toBeNull();
    expect(announcement(job('RUNNING', 24), job('RUNNING', 26))).toBe('26% done.');
    expect(announcement(job('RUNNING', 26), job('RUNNING', 30, 100, 1))).toBe('1 part failed.');
    expect(announcement(job('RUNNING', 99), job('ASSEMBLING', 100))).toMatch(/assembling/);
    expect(announcement(job('ASSEMBLING', 100), job('DONE', 100))).toBe('The audiobook is ready.');
    expect(announcement(job('DONE', 100), job('DONE', 100))).toBeNull();
  });
});

describe('deep link', () => {
  it('parses and formats #job= and #book=', () => {
    expect(parseHash('#job=0123abcd')).toEqual({ job: '0123abcd' });
    expect(parseHash('#book=ff')).toEqual({ book: 'ff' });
    expect(parseHash('#job=<script>')).toEqual({});
    expect(parseHash('')).toEqual({});
    expect(formatHash({ job: 'abc' })).toBe('#job=abc');
    expect(formatHash({})).toBe('');
  });
});

describe('TtlCache', () => {
  it('expires after the TTL but keeps a stale copy', () => {
    let now = 0;
    const c = new TtlCache(undefined, 'x:', () => now);
    c.set('k', 1);
    now = 999;
    expect(c.get('k', 1000)).toBe(1);
    now = 1000;
    expect(c.get('k', 1000)).toBeUndefined();
    expect(c.getStale('k')).toEqual({ value: 1, ageMs: 1000 });
  });
});
