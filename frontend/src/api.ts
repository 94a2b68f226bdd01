import { TtlCache } from './cache';
import type { BookResponse, Casting, JobView, ParsingBook, SegmentsResponse, UploadResponse, Voice } from './types';

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
}

/** An API error with a message fit to show a user. */
export class ApiError extends Error {
  constructor(
    message: string,
    public readonly status: number,
    public readonly problem?: Problem,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const STATUS_WORDS: Record<number, string> = {
  0: 'The server could not be reached. Check your connection and try again.',
  400: 'The request was not accepted.',
  404: 'Not found.',
  408: 'The server took too long to answer.',
  409: 'Not ready yet.',
  413: 'The file is too large.',
  415: 'This file type is not supported.',
  429: 'Too many requests; wait a moment and try again.',
  500: 'The server had a problem.',
  502: 'The server is unavailable.',
  503: 'The server is busy or unavailable.',
  504: 'The server took too long to answer.',
};

/** The words for an HTTP status when the body says nothing useful. */
export function statusMessage(status: number, statusText = ''): string {
  return STATUS_WORDS[status] ?? (statusText ? `${statusText} (HTTP ${status})` : `Request failed (HTTP ${status})`);
}

/**
 * Turns an error response into an ApiError. Reads application/problem+json (detail, else
 * title), tolerates plain JSON with message/error, plain text, and empty or broken bodies.
 */
export function parseProblem(status: number, contentType: string | null, body: string, statusText = ''): ApiError {
  const ct = (contentType || '').toLowerCase();
  let problem: Problem | undefined;
  let message: string | undefined;
  const text = body.trim();
  if (text && (ct.includes('json') || text.startsWith('{'))) {
    try {
      const j = JSON.parse(text) as Record<string, unknown>;
      const str = (k: string) => (typeof j[k] === 'string' && (j[k] as string).trim() ? (j[k] as string).trim() : undefined);
      problem = {
        type: str('type'),
        title: str('title'),
        status: typeof j.status === 'number' ? j.status : status,
        detail: str('detail'),
      };
      message = problem.detail ?? str('message') ?? (typeof j.error === 'string' ? str('error') : undefined) ?? problem.title;
    } catch {
      /* not JSON after all */
    }
  } else if (text && ct.startsWith('text/plain') && text.length <= 300) {
    message = text;
  }
  return new ApiError(message || statusMessage(status, statusText), status, problem);
}

async function toError(res: Response): Promise<ApiError> {
  let body = '';
  try {
    body = await res.text();
  } catch {
    /* ignore */
  }
  return parseProblem(res.status, res.headers.get('content-type'), body, res.statusText);
}

async function request(path: string, init: RequestInit = {}): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch (e) {
    if ((e as Error)?.name === 'AbortError') throw e;
    throw new ApiError(statusMessage(0), 0);
  }
  if (!res.ok) throw await toError(res);
  return res;
}

async function json<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await request(path, init);
  return (await res.json()) as T;
}

function post<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  return json<T>(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

function newKey(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return Array.from(c.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Starts a job once per click: the same Idempotency-Key goes with the one retry a lost answer gets,
 * so a request that reached the server before the network failed does not start (and bill) a second job.
 */
async function createJobOnce(bookId: string, casting: Casting): Promise<JobView> {
  const headers = { 'Idempotency-Key': newKey() };
  try {
    return await post<JobView>('/api/jobs', { bookId, casting }, headers);
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 0) throw e;
    return post<JobView>('/api/jobs', { bookId, casting }, headers);
  }
}

function safeStorage() {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export const cache = new TtlCache(safeStorage());

export const TTL = {
  voices: 10 * 60_000,
  book: 30 * 60_000,
  segments: 4 * 60_000, // presigned URLs are short-lived
};

export interface Cached<T> {
  value: T;
  /** true when the network failed and this is an older copy */
  stale: boolean;
  ageMs: number;
}

/** GET with a client-side TTL cache; force skips the cache; a failed fetch falls back to the last copy. */
export async function cachedGet<T>(path: string, ttlMs: number, force = false, persist = true): Promise<Cached<T>> {
  if (!force) {
    const hit = cache.get<T>(path, ttlMs);
    if (hit !== undefined) return { value: hit, stale: false, ageMs: cache.getStale<T>(path)!.ageMs };
  }
  try {
    const value = await json<T>(path, { headers: { Accept: 'application/json' }, cache: force ? 'no-cache' : 'default' });
    cache.set(path, value, persist);
    return { value, stale: false, ageMs: 0 };
  } catch (e) {
    const old = cache.getStale<T>(path);
    if (old && e instanceof ApiError && (e.status === 0 || e.status >= 500)) return { value: old.value, stale: true, ageMs: old.ageMs };
    throw e;
  }
}

export const api = {
  voices: (force = false) => cachedGet<{ voices: Voice[]; count: number }>('/api/voices', TTL.voices, force),
  createUpload: (fileName: string, contentType: string, size: number) =>
    post<UploadResponse>('/api/uploads', { fileName, contentType, size }),
  /**
   * Parses the upload into a book. A large file is parsed by the server in the background (202,
   * state PARSING): then its URL is asked again until the book is there or the file is refused.
   */
  createBook: async (uploadId: string, pollMs = 1500, timeoutMs = 15 * 60_000) => {
    const res = await request('/api/books', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ uploadId }),
    });
    let b = (await res.json()) as BookResponse | ParsingBook;
    const until = Date.now() + timeoutMs;
    while (res.status === 202 || (b as ParsingBook).state === 'PARSING') {
      if (Date.now() > until) throw new ApiError('The book is taking too long to read; try a smaller file.', 504);
      await new Promise((r) => setTimeout(r, pollMs));
      const again = await request(`/api/books/${encodeURIComponent(b.id)}`, { headers: { Accept: 'application/json' }, cache: 'no-store' });
      b = (await again.json()) as BookResponse | ParsingBook;
      if (again.status !== 202) break;
    }
    cache.set(`/api/books/${b.id}`, b);
    return b as BookResponse;
  },
  book: (id: string, force = false) => cachedGet<BookResponse>(`/api/books/${encodeURIComponent(id)}`, TTL.book, force),
  previewVoice: async (voiceName: string, text: string): Promise<Blob> => {
    const res = await request('/api/preview-voice', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'audio/mpeg' },
      body: JSON.stringify({ voiceName, text }),
    });
    return res.blob();
  },
  createJob: (bookId: string, casting: Casting) => createJobOnce(bookId, casting),
  job: (id: string, signal?: AbortSignal) =>
    json<JobView>(`/api/jobs/${encodeURIComponent(id)}`, { headers: { Accept: 'application/json' }, cache: 'no-store', signal }),
  retryJob: (id: string) => post<JobView>(`/api/jobs/${encodeURIComponent(id)}/retry`, {}),
  cancelJob: (id: string) => json<JobView>(`/api/jobs/${encodeURIComponent(id)}`, { method: 'DELETE', headers: { Accept: 'application/json' } }),
  /** One chapter's segments (the first with audio at or after the book chapter index) and the whole outline. */
  segments: (id: string, chapter: number, force = false) =>
    cachedGet<SegmentsResponse>(`/api/jobs/${encodeURIComponent(id)}/segments?chapter=${chapter}`, TTL.segments, force, false),
};

/** PUTs the bytes to a presigned URL with XMLHttpRequest, reporting progress (0..1). */
export function putWithProgress(
  url: string,
  file: Blob,
  headers: Record<string, string>,
  onProgress: (fraction: number) => void,
  method = 'PUT',
): { promise: Promise<void>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<void>((resolve, reject) => {
    xhr.open(method || 'PUT', url);
    for (const [k, v] of Object.entries(headers || {})) {
      if (k.toLowerCase() !== 'content-length' && k.toLowerCase() !== 'host') xhr.setRequestHeader(k, v);
    }
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve();
      } else {
        reject(parseProblem(xhr.status, xhr.getResponseHeader('content-type'), xhr.responseText || '', xhr.statusText));
      }
    };
    xhr.onerror = () => reject(new ApiError('The upload could not reach the storage server. Check your connection and try again.', 0));
    xhr.onabort = () => reject(new ApiError('The upload was cancelled.', 0));
    xhr.send(file);
  });
  return { promise, abort: () => xhr.abort() };
}

export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}
