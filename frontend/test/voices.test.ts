import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounce, facets, filterVoices } from '../src/voices';
import type { Voice } from '../src/types';

const V: Voice[] = [
  { id: 'Joanna', name: 'Joanna', language: 'en-US', languageName: 'English (US)', gender: 'Female', engines: ['standard', 'neural'], provider: 'polly' },
  { id: 'Brian', name: 'Brian', language: 'en-GB', languageName: 'English (UK)', gender: 'Male', engines: ['standard'], provider: 'polly' },
  { id: 'Léa', name: 'Léa', language: 'fr-FR', languageName: 'French', gender: 'Female', engines: ['neural'], provider: 'polly' },
  { id: 'en-us+f3', name: 'English (America) F3', language: 'en-US', gender: 'female', engines: ['espeak'], provider: 'espeak' },
];
const ids = (vs: Voice[]) => vs.map((v) => v.id);

describe('filterVoices', () => {
  it('returns everything with no filter', () => {
    expect(filterVoices(V, {})).toHaveLength(4);
  });
  it('matches language by prefix and exactly', () => {
    expect(ids(filterVoices(V, { language: 'en' }))).toEqual(['Joanna', 'Brian', 'en-us+f3']);
    expect(ids(filterVoices(V, { language: 'en-GB' }))).toEqual(['Brian']);
    expect(filterVoices(V, { language: 'e' })).toHaveLength(0);
  });
  it('filters gender case-insensitively and engine exactly', () => {
    expect(ids(filterVoices(V, { gender: 'female' }))).toEqual(['Joanna', 'Léa', 'en-us+f3']);
    expect(ids(filterVoices(V, { engine: 'neural' }))).toEqual(['Joanna', 'Léa']);
    expect(ids(filterVoices(V, { engine: 'espeak', gender: 'female' }))).toEqual(['en-us+f3']);
  });
  it('searches all words, ignoring case and accents', () => {
    expect(ids(filterVoices(V, { q: 'lea' }))).toEqual(['Léa']);
    expect(ids(filterVoices(V, { q: 'english uk' }))).toEqual(['Brian']);
    expect(ids(filterVoices(V, { q: '  JOANNA ' }))).toEqual(['Joanna']);
    expect(filterVoices(V, { q: 'nobody' })).toHaveLength(0);
  });
  it('lists facets', () => {
    expect(facets(V)).toEqual({ languages: ['en-GB', 'en-US', 'fr-FR'], genders: ['female', 'male'], engines: ['espeak', 'neural', 'standard'] });
  });
});

describe('debounce', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('calls once, 250 ms after the last call, with the last arguments', () => {
    const fn = vi.fn();
    const d = debounce(fn, 250);
    d('a');
    vi.advanceTimersByTime(200);
    d('ab');
    vi.advanceTimersByTime(200);
    d('abc');
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(249);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(fn).toHaveBeenCalledWith('abc');
  });
  it('can be cancelled and flushed', () => {
    const fn = vi.fn();
    const d = debounce(fn, 250);
    d(1);
    d.cancel();
    vi.advanceTimersByTime(1000);
    expect(fn).not.toHaveBeenCalled();
    d(2);
    d.flush();
    expect(fn).toHaveBeenCalledWith(2);
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});
