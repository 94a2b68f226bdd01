import { describe, expect, it } from 'vitest';
import { anyPriced, engineFor, estimateCost, formatPrice, formatUsd, pricePerMillion } from '../src/cost';
import type { Role, Voice } from '../src/types';

const role = (name: string, characters: number): Role => ({ name, characters, segments: 1 });
const voices: Voice[] = [
  { id: 'Joanna', name: 'Joanna', language: 'en-US', engines: ['neural', 'standard'] },
  { id: 'en-us', name: 'English', language: 'en-US', engines: ['espeak'] },
];

describe('cost', () => {
  it('prices engines per million characters', () => {
    expect(pricePerMillion('standard')).toBe(4.8);
    expect(pricePerMillion('neural')).toBe(19.2);
    expect(pricePerMillion('long-form')).toBe(120);
    expect(pricePerMillion('generative')).toBe(36);
    expect(pricePerMillion('espeak')).toBe(0);
    expect(pricePerMillion('local')).toBe(0);
    expect(pricePerMillion('Neural')).toBe(19.2);
    expect(pricePerMillion(undefined)).toBe(0);
    expect(pricePerMillion('unknown')).toBe(0);
  });

  it('sums characters per role times the engine price', () => {
    const est = estimateCost([role('Narrator', 1_000_000), role('Wren', 500_000), role('Witch', 250_000)], {
      Narrator: { voiceId: 'Joanna', engine: 'neural' },
      Wren: { voiceId: 'Joanna', engine: 'long-form' },
      Witch: { voiceId: 'en-us' },
    }, voices);
    expect(est.characters).toBe(1_750_000);
    expect(est.lines.map((l) => l.engine)).toEqual(['neural', 'long-form', 'espeak']);
    expect(est.usd).toBeCloseTo(19.2 + 60 + 0, 6);
  });

  it('uses the voice first engine when the casting names none, and 0 for uncast roles', () => {
    expect(engineFor({ voiceId: 'Joanna' }, voices)).toBe('neural');
    expect(engineFor(undefined, voices)).toBeUndefined();
    const est = estimateCost([role('Nobody', 1000)], {}, voices);
    expect(est.usd).toBe(0);
  });

  it('formats dollars', () => {
    expect(formatUsd(0)).toBe('$0.00');
    expect(formatUsd(0.004)).toBe('< $0.01');
    expect(formatUsd(12.345)).toBe('$12.35');
  });
});

describe('cost with the server price table', () => {
  const prices = { standard: 5, neural: 20, espeak: 0, premium: 100 };
  it('prefers the server table, case-insensitively, and falls back to the built-in one', () => {
    expect(pricePerMillion('neural', prices)).toBe(20);
    expect(pricePerMillion('PREMIUM', prices)).toBe(100);
    expect(pricePerMillion('generative', prices)).toBe(36);
    expect(pricePerMillion('espeak', { espeak: 0 })).toBe(0);
  });
  it('names the voice per role and uses the table', () => {
    const est = estimateCost([role('Narrator', 1_000_000)], { Narrator: { voiceId: 'Joanna', engine: 'neural' } }, voices, prices);
    expect(est.lines[0]).toMatchObject({ role: 'Narrator', voiceId: 'Joanna', engine: 'neural', usd: 20 });
  });
  it('knows when every offered engine is free', () => {
    expect(anyPriced([voices[1]], prices)).toBe(false);
    expect(anyPriced(voices, prices)).toBe(true);
    expect(anyPriced(voices, { neural: 0, standard: 0 })).toBe(false);
    expect(formatPrice('neural', prices)).toBe('$20.00/M chars');
    expect(formatPrice('espeak', prices)).toBe('free');
  });
});
