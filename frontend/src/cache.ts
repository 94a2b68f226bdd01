import type { KeyValueStore } from './position';

interface Entry<T> {
  value: T;
  storedAt: number;
}

/**
 * A small TTL cache: memory first, optionally persisted to a key/value store (localStorage),
 * so a reload (or a reload while offline) still has the last good answer.
 */
export class TtlCache {
  private mem = new Map<string, Entry<unknown>>();
  constructor(
    private store?: KeyValueStore,
    private prefix = 'eab:cache:',
    private now: () => number = Date.now,
  ) {}

  private read<T>(key: string): Entry<T> | undefined {
    const m = this.mem.get(key) as Entry<T> | undefined;
    if (m) return m;
    if (!this.store) return undefined;
    try {
      const raw = this.store.getItem(this.prefix + key);
      if (!raw) return undefined;
      const e = JSON.parse(raw) as Entry<T>;
      if (typeof e?.storedAt !== 'number') return undefined;
      this.mem.set(key, e);
      return e;
    } catch {
      return undefined;
    }
  }

  /** The value when younger than ttlMs, else undefined. */
  get<T>(key: string, ttlMs: number): T | undefined {
    const e = this.read<T>(key);
    if (!e) return undefined;
    return this.now() - e.storedAt < ttlMs ? e.value : undefined;
  }

  /** The value whatever its age (for a fallback when the network fails). */
  getStale<T>(key: string): { value: T; ageMs: number } | undefined {
    const e = this.read<T>(key);
    return e ? { value: e.value, ageMs: this.now() - e.storedAt } : undefined;
  }

  set<T>(key: string, value: T, persist = true): void {
    const e: Entry<T> = { value, storedAt: this.now() };
    this.mem.set(key, e);
    if (persist && this.store) {
      try {
        this.store.setItem(this.prefix + key, JSON.stringify(e));
      } catch {
        /* quota: memory only */
      }
    }
  }

  delete(key: string): void {
    this.mem.delete(key);
    try {
      this.store?.removeItem(this.prefix + key);
    } catch {
      /* ignore */
    }
  }
}
