import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, cache, cachedGet, parseProblem, statusMessage } from '../src/api';

describe('parseProblem', () => {
  it('uses detail from application/problem+json', () => {
    const e = parseProblem(415, 'application/problem+json',
      JSON.stringify({ type: 'about:blank', title: 'Unsupported Media Type', status: 415, detail: 'EPUB is not supported yet.' }));
    expect(e).toBeInstanceOf(ApiError);
    expect(e.message).toBe('EPUB is not supported yet.');
    expect(e.status).toBe(415);
    expect(e.problem?.title).toBe('Unsupported Media Type');
  });
  it('falls back to title, then message/error fields', () => {
    expect(parseProblem(400, 'application/problem+json', '{"title":"Bad Request","status":400}').message).toBe('Bad Request');
    expect(parseProblem(500, 'application/json', '{"message":"boom"}').message).toBe('boom');
    expect(parseProblem(500, 'application/json', '{"error":"kaput"}').message).toBe('kaput');
    expect(parseProblem(400, 'application/problem+json', '{"detail":"  ","title":"Bad Request"}').message).toBe('Bad Request');
  });
  it('reads JSON even with a wrong content type, and survives broken bodies', () => {
    expect(parseProblem(413, 'text/html', '{"detail":"Too big"}').message).toBe('Too big');
    expect(parseProblem(502, 'application/json', '{not json').message).toBe(statusMessage(502));
    expect(parseProblem(503, null, '').message).toBe(statusMessage(503));
  });
  it('uses short plain text, never HTML pages', () => {
    expect(parseProblem(429, 'text/plain', 'slow down').message).toBe('slow down');
    expect(parseProblem(500, 'text/html', '<html><body>Error</body></html>').message).toBe(statusMessage(500));
  });
  it('has words for unknown statuses', () => {
    expect(parseProblem(418, null, '', "I'm a teapot").message).toBe("I'm a teapot (HTTP 418)");
    expect(parseProblem(499, null, '').message).toBe('Request failed (HTTP 499)');
  });
});

describe('cachedGet', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    cache.delete('/api/test');
  });
  const ok = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

  it('serves from the cache within the TTL and refetches when forced', async () => {
    const f = vi.fn().mockResolvedValueOnce(ok({ n: 1 })).mockResolvedValueOnce(ok({ n: 2 }));
    vi.stubGlobal('fetch', f);
    expect((await cachedGet('/api/test', 60_000)).value).toEqual({ n: 1 });
    expect((await cachedGet('/api/test', 60_000)).value).toEqual({ n: 1 });
    expect(f).toHaveBeenCalledTimes(1);
    expect((await cachedGet('/api/test', 60_000, true)).value).toEqual({ n: 2 });
    expect(f).toHaveBeenCalledTimes(2);
  });
  it('falls back to a stale copy when the network fails, but not on a 4xx', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValueOnce(ok({ n: 1 })).mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(new Response('{"detail":"gone"}', { status: 404, headers: { 'Content-Type': 'application/problem+json' } })));
    await cachedGet('/api/test', 60_000);
    const stale = await cachedGet('/api/test', 0);
    expect(stale.stale).toBe(true);
    expect(stale.value).toEqual({ n: 1 });
    await expect(cachedGet('/api/test', 0)).rejects.toMatchObject({ status: 404, message: 'gone' });
  });
  it('turns a network failure into words', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await expect(cachedGet('/api/test', 1000)).rejects.toMatchObject({ status: 0, message: statusMessage(0) });
  });
});

describe('createJob', () => {
  afterEach(() => vi.unstubAllGlobals());
  it('sends an Idempotency-Key, and the same one with the retry of a lost answer', async () => {
    const keys: (string | null)[] = [];
    let calls = 0;
    vi.stubGlobal('fetch', vi.fn(async (_path: string, init: RequestInit) => {
      keys.push(new Headers(init.headers).get('Idempotency-Key'));
      if (calls++ === 0) throw new TypeError('network down');
      return new Response(JSON.stringify({ id: 'j1' }), { status: 201, headers: { 'Content-Type': 'application/json' } });
    }));
    const { api } = await import('../src/api');
    const job = await api.createJob('b1', {});
    expect(job.id).toBe('j1');
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(keys[1]).toBe(keys[0]);
  });
  it('a new click is a new job: another key', async () => {
    const keys: (string | null)[] = [];
    vi.stubGlobal('fetch', vi.fn(async (_path: string, init: RequestInit) => {
      keys.push(new Headers(init.headers).get('Idempotency-Key'));
      return new Response(JSON.stringify({ id: 'j' + keys.length }), { status: 201, headers: { 'Content-Type': 'application/json' } });
    }));
    const { api } = await import('../src/api');
    await api.createJob('b1', {});
    await api.createJob('b1', {});
    expect(keys[0]).not.toBe(keys[1]);
  });
});

describe('createBook', () => {
  afterEach(() => vi.unstubAllGlobals());
  const reply = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } });
  it('waits for a book the server parses in the background (202 PARSING) and returns it', async () => {
    const paths: string[] = [];
    const answers = [
      reply(202, { id: 'b9', state: 'PARSING', file: 'big.pdf', since: 1 }),
      reply(202, { id: 'b9', state: 'PARSING', file: 'big.pdf', since: 1 }),
      reply(200, { id: 'b9', version: 1, book: { title: 'Big' } }),
    ];
    vi.stubGlobal('fetch', vi.fn(async (path: string) => {
      paths.push(path);
      return answers.shift()!;
    }));
    const { api } = await import('../src/api');
    const book = await api.createBook('u1', 1);
    expect(book.id).toBe('b9');
    expect(book.book.title).toBe('Big');
    expect(paths).toEqual(['/api/books', '/api/books/b9', '/api/books/b9']);
  });
  it('says why when the background parse refuses the file', async () => {
    const answers = [
      reply(202, { id: 'b8', state: 'PARSING', file: 'x.pdf', since: 1 }),
      reply(422, { status: 422, title: 'Unprocessable Entity', detail: 'The PDF has no text layer' }),
    ];
    vi.stubGlobal('fetch', vi.fn(async () => answers.shift()!));
    const { api } = await import('../src/api');
    await expect(api.createBook('u2', 1)).rejects.toMatchObject({ status: 422, message: 'The PDF has no text layer' });
  });
});
