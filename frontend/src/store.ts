// What this browser remembers about its books: the library of jobs and each job's bookmarks.
import type { KeyValueStore } from './position';
import type { Casting, JobState } from './types';

export function browserStore(): KeyValueStore | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

function readJson<T>(store: KeyValueStore | undefined, key: string, fallback: T): T {
  try {
    const raw = store?.getItem(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

function writeJson(store: KeyValueStore | undefined, key: string, value: unknown): void {
  try {
    store?.setItem(key, JSON.stringify(value));
  } catch {
    /* quota or private mode: the library is a convenience */
  }
}

export interface ShelfEntry {
  jobId: string;
  bookId?: string;
  title: string;
  author?: string;
  coverUrl?: string;
  durationMs?: number;
  state?: JobState;
  /** where the listener is, ms into the whole book */
  positionMs?: number;
  /** the casting this job was started with, so "generate again" starts from it */
  casting?: Casting;
  updatedAt: number;
}

const SHELF = 'eab:library';
const MAX_ENTRIES = 200;

export function shelfEntries(store = browserStore()): ShelfEntry[] {
  const list = readJson<ShelfEntry[]>(store, SHELF, []);
  return Array.isArray(list) ? list.filter((e) => e && typeof e.jobId === 'string').sort((a, b) => b.updatedAt - a.updatedAt) : [];
}

export function shelfEntry(jobId: string, store = browserStore()): ShelfEntry | undefined {
  return shelfEntries(store).find((e) => e.jobId === jobId);
}

/** Adds or updates the entry for a job (fields left undefined keep their old value). */
export function updateShelf(patch: Partial<ShelfEntry> & { jobId: string }, store = browserStore(), now = Date.now()): ShelfEntry {
  const list = shelfEntries(store);
  const old = list.find((e) => e.jobId === patch.jobId);
  const clean = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<ShelfEntry>;
  const entry: ShelfEntry = { title: 'Untitled', ...old, ...clean, jobId: patch.jobId, updatedAt: now };
  writeJson(store, SHELF, [entry, ...list.filter((e) => e.jobId !== patch.jobId)].slice(0, MAX_ENTRIES));
  return entry;
}

export function removeFromShelf(jobId: string, store = browserStore()): void {
  writeJson(store, SHELF, shelfEntries(store).filter((e) => e.jobId !== jobId));
  try {
    store?.removeItem(BOOKMARKS + jobId);
    store?.removeItem('eab:pos:' + jobId);
  } catch {
    /* ignore */
  }
}

export interface Bookmark {
  /** ms into the whole book */
  ms: number;
  label: string;
  createdAt: number;
}

const BOOKMARKS = 'eab:bm:';

export function bookmarks(jobId: string, store = browserStore()): Bookmark[] {
  const list = readJson<Bookmark[]>(store, BOOKMARKS + jobId, []);
  return Array.isArray(list) ? list.filter((b) => typeof b?.ms === 'number').sort((a, b) => a.ms - b.ms) : [];
}

/** Adds a bookmark; one within a second of an existing one replaces it rather than doubling it. */
export function addBookmark(jobId: string, ms: number, label: string, store = browserStore(), now = Date.now()): Bookmark[] {
  const list = bookmarks(jobId, store).filter((b) => Math.abs(b.ms - ms) >= 1000);
  list.push({ ms: Math.max(0, Math.round(ms)), label, createdAt: now });
  list.sort((a, b) => a.ms - b.ms);
  writeJson(store, BOOKMARKS + jobId, list);
  return list;
}

export function removeBookmark(jobId: string, createdAt: number, store = browserStore()): Bookmark[] {
  const list = bookmarks(jobId, store).filter((b) => b.createdAt !== createdAt);
  writeJson(store, BOOKMARKS + jobId, list);
  return list;
}
