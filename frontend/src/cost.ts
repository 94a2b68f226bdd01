import type { Casting, Role, Voice } from './types';

/** USD per million characters, by engine: only a fallback for when the server sends no `prices` table. */
export const PRICE_PER_MILLION: Record<string, number> = {
  standard: 4.8,
  neural: 19.2,
  'long-form': 120,
  generative: 36,
  espeak: 0,
  local: 0,
};

/** Engine → USD per million characters (the server's table, from the book response). */
export type Prices = Record<string, number>;

/** The price of an engine: the server's table first (case-insensitive), else the built-in fallback, else 0. */
export function pricePerMillion(engine: string | undefined, prices?: Prices): number {
  if (!engine) return 0;
  const key = engine.toLowerCase();
  if (prices) {
    for (const [k, v] of Object.entries(prices)) {
      if (k.toLowerCase() === key && typeof v === 'number' && isFinite(v)) return v;
    }
  }
  const p = PRICE_PER_MILLION[key];
  return p === undefined ? 0 : p;
}

/** True when any of these voices can use an engine that costs money. */
export function anyPriced(voices: readonly Voice[], prices?: Prices): boolean {
  return voices.some((v) => v.engines.some((e) => pricePerMillion(e, prices) > 0));
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
  voiceId: string | undefined;
  characters: number;
  engine: string | undefined;
  usd: number;
}

export interface CostEstimate {
  characters: number;
  usd: number;
  lines: CostLine[];
}

export function estimateCost(roles: readonly Role[], casting: Casting, voices: readonly Voice[], prices?: Prices): CostEstimate {
  const lines = roles.map((r) => {
    const engine = engineFor(casting[r.name], voices);
    const usd = (r.characters * pricePerMillion(engine, prices)) / 1_000_000;
    return { role: r.name, voiceId: casting[r.name]?.voiceId, characters: r.characters, engine, usd };
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

/** "$19.20/M chars" or "free". */
export function formatPrice(engine: string | undefined, prices?: Prices): string {
  const p = pricePerMillion(engine, prices);
  return p ? `$${p.toFixed(2)}/M chars` : 'free';
}
