import type { Voice } from './types';

export interface VoiceFilter {
  q?: string;
  language?: string;
  gender?: string;
  engine?: string;
}

function norm(s: string | undefined): string {
  return (s || '').toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** Filters voices: language matches by prefix ("en" matches "en-US"), gender and engine exactly, q over the words of id/name/language. */
export function filterVoices(voices: readonly Voice[], f: VoiceFilter): Voice[] {
  const terms = norm(f.q).split(/\s+/).filter(Boolean);
  const lang = norm(f.language);
  const gender = norm(f.gender);
  const engine = norm(f.engine);
  return voices.filter((v) => {
    if (lang) {
      const vl = norm(v.language);
      if (!(vl === lang || vl.startsWith(lang + '-') || vl.startsWith(lang + '_'))) return false;
    }
    if (gender && norm(v.gender) !== gender) return false;
    if (engine && !v.engines.some((e) => norm(e) === engine)) return false;
    if (terms.length) {
      const hay = norm([v.id, v.name, v.language, v.languageName, v.gender, v.provider, ...v.engines].join(' '));
      if (!terms.every((t) => hay.includes(t))) return false;
    }
    return true;
  });
}

/** Distinct, sorted values for a filter select. */
export function facets(voices: readonly Voice[]): { languages: string[]; genders: string[]; engines: string[] } {
  const l = new Set<string>();
  const g = new Set<string>();
  const e = new Set<string>();
  for (const v of voices) {
    if (v.language) l.add(v.language);
    if (v.gender) g.add(v.gender.toLowerCase());
    v.engines.forEach((x) => e.add(x));
  }
  const sort = (s: Set<string>) => [...s].sort((a, b) => a.localeCompare(b));
  return { languages: sort(l), genders: sort(g), engines: sort(e) };
}

export interface Debounced<A extends unknown[]> {
  (...args: A): void;
  cancel(): void;
  flush(): void;
}

/** Trailing-edge debounce: fn runs once, wait ms after the last call, with the last arguments. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, wait = 250): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last: A | undefined;
  const d = ((...args: A) => {
    last = args;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      const a = last!;
      last = undefined;
      fn(...a);
    }, wait);
  }) as Debounced<A>;
  d.cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    last = undefined;
  };
  d.flush = () => {
    if (timer !== undefined && last) {
      clearTimeout(timer);
      timer = undefined;
      const a = last;
      last = undefined;
      fn(...a);
    }
  };
  return d;
}
