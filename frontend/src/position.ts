/** Remembers where the listener was in a job: segment index + time in seconds. */
export interface Position {
  segment: number;
  time: number;
  savedAt: number;
  /** the book chapter index of the segment, so a long book opens with that chapter alone */
  chapter?: number;
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const PREFIX = 'eab:pos:';

function defaultStore(): KeyValueStore | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export function savePosition(jobId: string, segment: number, time: number, store = defaultStore(), now = Date.now(), chapter?: number): void {
  if (!store || !jobId) return;
  const p: Position = { segment: Math.max(0, Math.floor(segment)), time: Math.max(0, Math.round(time * 1000) / 1000), savedAt: now, chapter };
  try {
    store.setItem(PREFIX + jobId, JSON.stringify(p));
  } catch {
    /* quota or private mode: position is a convenience */
  }
}

export function loadPosition(jobId: string, store = defaultStore()): Position | null {
  if (!store || !jobId) return null;
  try {
    const raw = store.getItem(PREFIX + jobId);
    if (!raw) return null;
    const p = JSON.parse(raw) as Partial<Position>;
    if (typeof p.segment !== 'number' || typeof p.time !== 'number' || !isFinite(p.segment) || !isFinite(p.time) || p.segment < 0 || p.time < 0) {
      return null;
    }
    const chapter = typeof p.chapter === 'number' && p.chapter >= 0 ? p.chapter : undefined;
    return { segment: p.segment, time: p.time, savedAt: typeof p.savedAt === 'number' ? p.savedAt : 0, ...(chapter === undefined ? {} : { chapter }) };
  } catch {
    return null;
  }
}

export function clearPosition(jobId: string, store = defaultStore()): void {
  try {
    store?.removeItem(PREFIX + jobId);
  } catch {
    /* ignore */
  }
}
