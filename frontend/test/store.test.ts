import { describe, expect, it } from 'vitest';
import { Eta } from '../src/progress';
import { addBookmark, bookmarks, removeBookmark, removeFromShelf, shelfEntries, shelfEntry, updateShelf } from '../src/store';
import type { KeyValueStore } from '../src/position';

function memStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

describe('the library of this browser', () => {
  it('keeps one entry per job, newest first, and merges updates', () => {
    const s = memStore();
    updateShelf({ jobId: 'a', title: 'Alice', state: 'RUNNING', casting: { Narrator: { voiceId: 'en-us' } } }, s, 1);
    updateShelf({ jobId: 'b', title: 'Bob', state: 'DONE' }, s, 2);
    updateShelf({ jobId: 'a', state: 'DONE', durationMs: 9000, title: undefined }, s, 3);
    const list = shelfEntries(s);
    expect(list.map((e) => e.jobId)).toEqual(['a', 'b']);
    expect(list[0]).toMatchObject({ title: 'Alice', state: 'DONE', durationMs: 9000, casting: { Narrator: { voiceId: 'en-us' } } });
  });
  it('deletes an entry with its position and bookmarks', () => {
    const s = memStore();
    updateShelf({ jobId: 'a', title: 'Alice' }, s);
    addBookmark('a', 1000, 'x', s);
    s.setItem('eab:pos:a', '{}');
    removeFromShelf('a', s);
    expect(shelfEntry('a', s)).toBeUndefined();
    expect(bookmarks('a', s)).toEqual([]);
    expect(s.data.has('eab:pos:a')).toBe(false);
  });
  it('survives a broken store', () => {
    const s = memStore();
    s.setItem('eab:library', '{not json');
    expect(shelfEntries(s)).toEqual([]);
    expect(updateShelf({ jobId: 'z', title: 'Z' }, s).title).toBe('Z');
  });
});

describe('bookmarks', () => {
  it('are sorted by time; one within a second of another replaces it; deleting removes only that one', () => {
    const s = memStore();
    addBookmark('j', 50_000, 'later', s, 1);
    addBookmark('j', 10_000, 'early', s, 2);
    addBookmark('j', 10_400, 'early again', s, 3);
    expect(bookmarks('j', s).map((b) => b.label)).toEqual(['early again', 'later']);
    expect(removeBookmark('j', 3, s).map((b) => b.label)).toEqual(['later']);
  });
});

describe('time left', () => {
  const job = (state: 'RUNNING' | 'ASSEMBLING' | 'DONE', done: number, total = 100, etaSeconds: number | null = null) =>
    ({ state, parts: { done, total, failed: 0 }, etaSeconds });
  it('adds assembly to the synthesis time, from the rate measured here', () => {
    let now = 0;
    const eta = new Eta(100, () => now); // 100 ms a part: 10 s + 1 s to assemble 100 parts
    expect(eta.update(job('RUNNING', 0, 100, 50))).toBe(61); // before a rate: the server's 50 s + assembly
    now = 10_000;
    const left = eta.update(job('RUNNING', 50)); // 5 parts/s: 10 s of synthesis left
    expect(left).toBeGreaterThan(21);
    expect(left).toBeLessThan(61);
  });
  it('counts down between ticks and moves only part way on a jump', () => {
    let now = 0;
    const eta = new Eta(0, () => now);
    eta.update(job('RUNNING', 0));
    now = 10_000;
    const a = eta.update(job('RUNNING', 10))!; // 1 part/s: 90 s + 1
    now = 11_000;
    const b = eta.update(job('RUNNING', 11))!;
    expect(b).toBe(a - 1);
    now = 12_000;
    const c = eta.update(job('RUNNING', 11, 300))!; // the total trebled: the estimate rises, by at most 15 % a step
    expect(c).toBeGreaterThan(b);
    expect(c).toBeLessThanOrEqual(Math.ceil(b * 1.15));
  });
  it('comes down towards a lower estimate by a third of the gap', () => {
    let now = 0;
    const eta = new Eta(0, () => now);
    eta.update(job('RUNNING', 0, 100, 200)); // the server guesses 200 s
    now = 1000;
    const a = eta.update(job('RUNNING', 50))!; // 50 parts/s: 1 s of work left
    expect(a).toBeLessThan(200);
    expect(a).toBeGreaterThan(100);
  });
  it('during assembly: what is left of the assembly estimate, then nothing when done', () => {
    let now = 0;
    const eta = new Eta(50, () => now); // 100 parts: 5 s + 1 s
    expect(eta.update(job('ASSEMBLING', 100))).toBe(6);
    now = 3000;
    expect(eta.update(job('ASSEMBLING', 100))).toBe(3);
    now = 4000;
    expect(eta.update(job('DONE', 100))).toBeUndefined();
    expect(eta.assemblyMeasured(100)).toBe(40);
  });
});
