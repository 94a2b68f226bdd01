import type { Casting, Role, Voice } from './types';

/** USD per million characters, by engine. */
export const PRICE_PER_MILLION: Record<string, number> = {
  standard: 4.8,
  neural: 19.2,
  'long-form': 120,
  generative: 36,
  espeak: 0,
  local: 0,
};

export function pricePerMillion(engine: string | undefined): number {
  if (!engine) return 0;
  const p = PRICE_PER_MILLION[engine.toLowerCase()];
  return p === undefined ? 0 : p;
}

/** The engine a cast entry will use: its own, else the voice's first engine. */
export function engineFor(entry: { voiceId: string; engine?: string } | undefined, voices: readonly Voice[]): string | undefined {
  if (!entry) return undefined;
  if (entry.engine) return entry.engine;
  const v = voices.find((x) => x.id === entry.voiceId || x.name === entry.voiceId);
  return v?.engines?.[0];
}

export interface CostLine {
  role: string;
  characters: number;
  engine: string | undefined;
  usd: number;
}

export interface CostEstimate {
  characters: number;
  usd: number;
  lines: CostLine[];
}

export function estimateCost(roles: readonly Role[], casting: Casting, voices: readonly Voice[]): CostEstimate {
  const lines = roles.map((r) => {
    const engine = engineFor(casting[r.name], voices);
    const usd = (r.characters * pricePerMillion(engine)) / 1_000_000;
    return { role: r.name, characters: r.characters, engine, usd };
  });
  return {
    characters: lines.reduce((s, l) => s + l.characters, 0),
    usd: lines.reduce((s, l) => s + l.usd, 0),
    lines,
  };
}

export function formatUsd(usd: number): string {
  if (usd === 0) return '$0.00';
  if (usd < 0.01) return '< $0.01';
  return '$' + usd.toFixed(2);
}
