import { describe, expect, it } from 'vitest';
import { clearPosition, loadPosition, savePosition, type KeyValueStore } from '../src/position';

function memStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

describe('position storage', () => {
  it('saves and restores segment and time per job', () => {
    const s = memStore();
    savePosition('job1', 3, 12.3456, s, 1000);
    savePosition('job2', 0, 1, s, 2000);
    expect(loadPosition('job1', s)).toEqual({ segment: 3, time: 12.346, savedAt: 1000 });
    expect(loadPosition('job2', s)?.segment).toBe(0);
    expect(loadPosition('job3', s)).toBeNull();
  });
  it('clamps and rounds what it saves', () => {
    const s = memStore();
    savePosition('j', 2.7, -5, s);
    expect(loadPosition('j', s)).toMatchObject({ segment: 2, time: 0 });
  });
  it('ignores corrupt or invalid entries', () => {
    const s = memStore();
    s.setItem('eab:pos:a', '{oops');
    s.setItem('eab:pos:b', '{"segment":"3","time":1}');
    s.setItem('eab:pos:c', '{"segment":-1,"time":1}');
    s.setItem('eab:pos:d', '{"segment":1,"time":null}');
    for (const k of ['a', 'b', 'c', 'd']) expect(loadPosition(k, s)).toBeNull();
  });
  it('clears, and survives a store that throws', () => {
    const s = memStore();
    savePosition('j', 1, 1, s);
    clearPosition('j', s);
    expect(loadPosition('j', s)).toBeNull();
    const bad: KeyValueStore = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('quota'); }, removeItem: () => undefined };
    expect(() => savePosition('j', 1, 1, bad)).not.toThrow();
    expect(loadPosition('j', bad)).toBeNull();
    expect(loadPosition('j', undefined)).toBeNull();
  });
});
