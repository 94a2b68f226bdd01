// A tiny mock of the EtoAudioBook HTTP API (docs/API.md) for frontend development and the e2e.
// Serves dist/ at / with the production CSP, the API under /api, a fake "S3" for presigned PUTs
// on a second port (cross-origin, with CORS, like S3Proxy), and a real tiny MP3 made by ffmpeg.
//
//   node e2e/mock-server.mjs            PORT=8080, S3 on PORT+1
//   MOCK_PART_MS=300                    time per synthesized part
//   MOCK_FAIL_PART=3                    part 3 fails for good until retried
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { randomBytes, createHash } from 'node:crypto';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const DIST = join(here, '..', 'dist');
const ART = join(here, 'artifacts');
const PORT = Number(process.env.PORT || 8080);
const S3_PORT = Number(process.env.S3_PORT || PORT + 1);
const HOST = process.env.HOST || '127.0.0.1';
const PART_MS = Number(process.env.MOCK_PART_MS || 300);
const FAIL_PART = process.env.MOCK_FAIL_PART ? Number(process.env.MOCK_FAIL_PART) : -1;
const SEG_MS = 2000;

mkdirSync(ART, { recursive: true });
const MP3_PATH = join(ART, 'tone.mp3');
if (!existsSync(MP3_PATH)) {
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', `sine=f=440:d=${SEG_MS / 1000}`,
    '-ar', '22050', '-ac', '1', '-b:a', '48k', MP3_PATH]);
}
const MP3 = readFileSync(MP3_PATH);

const CSP = "default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob: http://127.0.0.1:* http://localhost:* https:; " +
  "connect-src 'self' http://127.0.0.1:* http://localhost:* https:; style-src 'self'; script-src 'self'; frame-ancestors 'none'";

const id = () => randomBytes(16).toString('hex');
const uploads = new Map();
const books = new Map();
const jobs = new Map();
// parts made so far, by book, segment and voice: a new job of the same book reuses them (cachedParts)
const made = new Set();
const partKey = (j, s) => `${j.bookId}:${s.index}:${j.casting[s.role]?.voiceId}`;
const remember = (j, n) => j.segments.slice(0, n).forEach((s) => made.add(partKey(j, s)));

const VOICES = [
  ['en-us', 'English (America)', 'en-US', 'English (US)', 'male', ['espeak'], 'espeak'],
  ['en-us+f3', 'English (America) F3', 'en-US', 'English (US)', 'female', ['espeak'], 'espeak'],
  ['en-gb', 'English (Great Britain)', 'en-GB', 'English (UK)', 'male', ['espeak'], 'espeak'],
  ['en-gb+f2', 'English (Great Britain) F2', 'en-GB', 'English (UK)', 'female', ['espeak'], 'espeak'],
  ['fr-fr', 'French', 'fr-FR', 'French', 'male', ['espeak'], 'espeak'],
  ['Joanna', 'Joanna', 'en-US', 'English (US)', 'female', ['standard', 'neural', 'long-form', 'generative'], 'polly'],
  ['Matthew', 'Matthew', 'en-US', 'English (US)', 'male', ['standard', 'neural', 'generative'], 'polly'],
  ['Danielle', 'Danielle', 'en-US', 'English (US)', 'female', ['neural', 'long-form', 'generative'], 'polly'],
  ['Gregory', 'Gregory', 'en-US', 'English (US)', 'male', ['neural', 'long-form'], 'polly'],
  ['Amy', 'Amy', 'en-GB', 'English (UK)', 'female', ['standard', 'neural', 'generative'], 'polly'],
  ['Brian', 'Brian', 'en-GB', 'English (UK)', 'male', ['standard', 'neural'], 'polly'],
  ['Léa', 'Léa', 'fr-FR', 'French', 'female', ['standard', 'neural', 'generative'], 'polly'],
  ['Hans', 'Hans', 'de-DE', 'German', 'male', ['standard'], 'polly'],
].map(([vid, name, language, languageName, gender, engines, provider]) =>
  ({ id: vid, name, language, languageName, gender, engines, sampleRate: 22050, provider }));

function send(res, status, body, headers = {}) {
  const isBuf = Buffer.isBuffer(body);
  const data = isBuf ? body : typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': isBuf ? 'application/octet-stream' : typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json',
    'Content-Length': Buffer.byteLength(data),
    ...headers,
  });
  res.end(data);
}
const problem = (res, status, title, detail) =>
  send(res, status, { type: 'about:blank', title, status, detail }, { 'Content-Type': 'application/problem+json' });

function readBody(req, limit = 25 * 1024 * 1024) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let n = 0;
    req.on('data', (c) => {
      n += c.length;
      if (n > limit) reject(new Error('too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
async function readJson(req) {
  const b = await readBody(req, 1024 * 1024);
  try {
    return JSON.parse(b.toString('utf8') || '{}');
  } catch {
    return null;
  }
}

// ---- a small parser for the `**Role:** text` script format ----
function parseBook(text, fileName) {
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let title = fileName.replace(/\.[^.]+$/, '');
  const chapters = [];
  let chapter = null;
  const segments = [];
  let paragraph = 0;
  for (const raw of text.split(/\n\s*\n/)) {
    const line = raw.trim();
    if (!line) continue;
    let m;
    if ((m = /^#\s+(.+)$/.exec(line))) { title = m[1].trim(); continue; }
    if ((m = /^##\s+(.+)$/.exec(line))) { chapter = { index: chapters.length, title: m[1].trim(), segments: [] }; chapters.push(chapter); continue; }
    if (!chapter) { chapter = { index: 0, title: 'Chapter 1', segments: [] }; chapters.push(chapter); }
    m = /^\*\*([^*:]+):\*\*\s*([\s\S]+)$/.exec(line) || /^([A-Z][\p{L} .'-]{0,40}):\s+([\s\S]+)$/u.exec(line);
    const role = m ? m[1].trim() : 'Narrator';
    const body = (m ? m[2] : line).replace(/\s+/g, ' ').trim();
    const seg = { index: segments.length, chapter: chapter.index, paragraph: paragraph++, role, delivery: null, text: body, start: 0, end: body.length };
    segments.push(seg);
    chapter.segments.push(seg);
  }
  return { title, author: null, language: 'en', chapters, roles: rolesOf(segments), source: { fileName }, warnings: [] };
}

function rolesOf(segments) {
  const roles = [];
  for (const s of segments) {
    let r = roles.find((x) => x.name === s.role);
    if (!r) roles.push((r = { name: s.role, segments: 0, characters: 0, sample: s.text, deliveries: [], gender: null }));
    r.segments++;
    r.characters += s.text.length;
  }
  return roles;
}

/** PATCH /api/books/{id}, as the backend does it (BookEditor): all or nothing; an error string or the edited book. */
function editBook(book, operations) {
  if (!Array.isArray(operations) || !operations.length) return 'operations is empty: nothing to apply';
  const segs = book.chapters.flatMap((c) => c.segments).map((s) => ({ ...s }));
  const names = () => [...new Set(segs.map((s) => s.role))];
  const find = (n) => names().find((x) => x.toLowerCase() === String(n || '').trim().toLowerCase());
  for (const [i, o] of operations.entries()) {
    const at = `operation ${i + 1} (${o?.op})`;
    const to = typeof o?.to === 'string' ? o.to.trim().replace(/\s+/g, ' ') : '';
    if (o?.op === 'rename' || o?.op === 'merge') {
      const from = find(o.op === 'rename' ? o.role : o.from);
      const into = o.op === 'rename' ? to : find(o.into);
      if (!from) return `${at}: unknown role '${o.op === 'rename' ? o.role : o.from}'; roles are ${names().join(', ')}`;
      if (!into) return o.op === 'rename' ? `${at}: to is empty: a role needs a name` : `${at}: unknown role '${o.into}'; roles are ${names().join(', ')}`;
      if (o.op === 'rename' && find(into) && find(into) !== from) return `${at}: role '${find(into)}' already exists; merge '${from}' into it instead`;
      if (o.op === 'merge' && from === into) return `${at}: cannot merge '${from}' into itself`;
      segs.forEach((s) => { if (s.role === from) s.role = into; });
    } else if (o?.op === 'move' || o?.op === 'narrate') {
      if (!Array.isArray(o.segments) || !o.segments.length) return `${at}: segments is empty: name the lines (indexes from 0) to move`;
      const bad = o.segments.find((n) => !Number.isInteger(n) || n < 0 || n >= segs.length);
      if (bad !== undefined) return `${at}: segment ${bad} is out of range: the book has segments 0 to ${segs.length - 1}`;
      if (o.op === 'move' && !to) return `${at}: to is empty: a role needs a name`;
      const role = o.op === 'narrate' ? 'Narrator' : find(to) || to;
      o.segments.forEach((n) => { segs[n].role = role; if (o.op === 'narrate') segs[n].delivery = null; });
    } else return `${at}: unknown op '${o?.op}'; use rename, merge, move or narrate`;
  }
  let k = 0;
  const chapters = book.chapters.map((c) => ({ ...c, segments: c.segments.map(() => segs[k++]) }));
  return { ...book, chapters, roles: rolesOf(segs) };
}

function autoCast(book) {
  const picks = [['Matthew', 'neural'], ['Brian', 'standard'], ['en-us+f3', 'espeak'], ['Joanna', 'generative'], ['en-gb', 'espeak'], ['Amy', 'neural']];
  const casting = {};
  book.roles.forEach((r, i) => {
    const [voiceId, engine] = picks[i % picks.length];
    casting[r.name] = { voiceId, engine, rate: null, pitch: null };
  });
  return casting;
}

const PRICE = { standard: 4.8, neural: 19.2, 'long-form': 120, generative: 36, espeak: 0 };

function bookBody(b) {
  const chars = b.book.roles.reduce((s, r) => s + r.characters, 0);
  const segs = b.book.chapters.reduce((s, c) => s + c.segments.length, 0);
  const words = b.book.chapters.flatMap((c) => c.segments).reduce((s, x) => s + x.text.split(/\s+/).length, 0);
  const usd = b.book.roles.reduce((s, r) => s + (r.characters * (PRICE[b.casting[r.name]?.engine] || 0)) / 1e6, 0);
  return {
    id: b.id, version: b.version || 1, book: b.book,
    stats: { chapters: b.book.chapters.length, segments: segs, roles: b.book.roles.length, characters: chars, words, estimatedMinutes: words / 150 },
    casting: b.casting,
    cost: { characters: chars, usd: Math.round(usd * 10000) / 10000, byEngine: { mixed: chars } },
    prices: PRICE,
  };
}

function jobView(j, origin) {
  const now = Date.now();
  if (j.state === 'RUNNING') {
    const done = Math.min(j.total, Math.floor((now - j.startedAt) / PART_MS));
    j.done = done;
    const failing = j.failPart >= 0 && j.failPart < done;
    j.failed = failing ? 1 : 0;
    if (done >= j.total) {
      if (failing) { j.state = 'FAILED'; j.finishedAt = Date.now(); }
      else { j.state = 'ASSEMBLING'; j.assembleAt = now; }
    }
  }
  if (j.state === 'ASSEMBLING' && now - j.assembleAt > 600) { j.state = 'DONE'; j.finishedAt = Date.now(); remember(j, j.total); }
  const failures = j.failed ? [{ part: j.failPart, segment: j.failPart, role: j.segments[j.failPart]?.role || '?', reason: 'ThrottlingException: Rate exceeded (mock)', attempts: 3, dead: j.state === 'FAILED' || j.done >= j.total }] : [];
  const okParts = j.done - j.failed;
  const v = {
    id: j.id, bookId: j.bookId, title: j.title, state: j.state,
    parts: { done: j.state === 'DONE' ? j.total : okParts, total: j.total, failed: j.failed },
    etaSeconds: j.state === 'RUNNING' ? Math.max(0, Math.round(((j.total - j.done) * PART_MS) / 1000) + 1) : j.state === 'ASSEMBLING' ? 1 : null,
    failures, billedCharacters: j.chars, createdAt: j.createdAt, finishedAt: j.finishedAt || null,
  };
  if (j.state === 'DONE') {
    v.cachedParts = j.cachedParts;
    v.outputs = {
      audiobook: `${origin}/mock-files/${j.id}/audiobook.mp3?X-Amz-Signature=mock`,
      captions: `${origin}/mock-files/${j.id}/captions.vtt?X-Amz-Signature=mock`,
      chapters: `${origin}/mock-files/${j.id}/chapters.json?X-Amz-Signature=mock`,
      manifest: `${origin}/mock-files/${j.id}/manifest.json?X-Amz-Signature=mock`,
    };
  }
  return v;
}

function marks(text, re, dur) {
  const out = [];
  for (const m of text.matchAll(re)) out.push([m.index, m.index + m[0].trimEnd().length]);
  const n = Math.max(1, out.length);
  return out.map(([s, e], i) => [s, e, Math.round((i * dur * 0.9) / n)]);
}

// The player's view (docs/API.md): the whole outline, and with ?chapter=N only the first chapter with segments at or after N.
function segmentsBody(j, origin, chapter = null) {
  let t = 0;
  const segments = j.segments.map((s) => {
    const seg = {
      index: s.index, chapter: s.chapter, role: s.role, delivery: s.delivery, voice: j.casting[s.role]?.voiceId || 'en-us',
      text: s.text, startMs: t, endMs: t + SEG_MS,
      audioUrl: `${origin}/mock-files/${j.id}/parts/${s.index}.mp3?X-Amz-Signature=mock`,
      words: marks(s.text, /\S+/g, SEG_MS),
      sentences: marks(s.text, /[^.!?]+[.!?]*\s*/g, SEG_MS),
    };
    t += SEG_MS + 300;
    return seg;
  });
  const chapters = j.chapters.filter((c) => c.segments.length).map((c) => {
    const first = segments.findIndex((s) => s.chapter === c.index);
    const segs = segments.filter((s) => s.chapter === c.index);
    return { index: c.index, title: c.title, startMs: segs[0].startMs, endMs: segs.at(-1).endMs, firstSegment: first, segments: segs.length };
  });
  const body = { jobId: j.id, title: j.title, durationMs: t, segmentCount: segments.length, chapters, segments };
  if (chapter === null) return body;
  const chosen = chapters.find((c) => c.index >= chapter);
  if (!chosen) return null;
  return { ...body, chapter: chosen.index, segments: segments.filter((s) => s.chapter === chosen.index) };
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png', '.ico': 'image/x-icon' };

function serveStatic(req, res, path) {
  let p = normalize(decodeURIComponent(path)).replace(/^(\.\.[/\\])+/, '');
  let file = join(DIST, p);
  if (!file.startsWith(DIST) || !existsSync(file) || statSync(file).isDirectory()) file = join(DIST, 'index.html');
  if (!existsSync(file)) return send(res, 500, 'dist/ missing: run npm run build');
  const ext = extname(file);
  const hashed = p.startsWith('/assets/');
  res.writeHead(200, {
    'Content-Type': TYPES[ext] || 'application/octet-stream',
    'Content-Security-Policy': CSP,
    'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(req.method === 'HEAD' ? undefined : readFileSync(file));
}

const ALLOWED = new Set(['.md', '.markdown', '.txt', '.html', '.htm']);
const KNOWN = new Set([...ALLOWED, '.epub', '.pdf', '.docx']);

async function api(req, res, url, origin) {
  const p = url.pathname;
  const m = (re) => re.exec(p);
  let g;
  if (p === '/api/voices' && req.method === 'GET') {
    const q = (url.searchParams.get('q') || '').toLowerCase();
    const lang = (url.searchParams.get('language') || '').toLowerCase();
    const list = VOICES.filter((v) => (!q || v.name.toLowerCase().includes(q)) && (!lang || v.language.toLowerCase().startsWith(lang)));
    const body = JSON.stringify({ voices: list, count: list.length });
    const etag = '"' + createHash('sha1').update(body).digest('hex').slice(0, 16) + '"';
    if (req.headers['if-none-match'] === etag) { res.writeHead(304, { ETag: etag }); return res.end(); }
    return send(res, 200, body, { 'Content-Type': 'application/json', ETag: etag, 'Cache-Control': 'public, max-age=300' });
  }
  if (p === '/api/uploads' && req.method === 'POST') {
    const b = await readJson(req);
    if (!b || typeof b.fileName !== 'string' || typeof b.size !== 'number') return problem(res, 400, 'Bad Request', 'fileName, contentType and size are required.');
    const ext = extname(b.fileName).toLowerCase();
    if (!KNOWN.has(ext) || !ALLOWED.has(ext)) return problem(res, 415, 'Unsupported Media Type', `Files of type ${ext || '(none)'} are not supported yet; upload .md, .markdown or .txt.`);
    if (b.size > 20 * 1024 * 1024) return problem(res, 413, 'Payload Too Large', 'The file is larger than the 20 MB limit.');
    const uploadId = id();
    uploads.set(uploadId, { fileName: b.fileName, contentType: b.contentType, size: b.size, data: null });
    const key = `uploads/${uploadId}/${b.fileName.replace(/[^\w.-]+/g, '_')}`;
    return send(res, 201, { uploadId, key, url: `http://${HOST}:${S3_PORT}/data/${key}?X-Amz-Signature=mock`, method: 'PUT', headers: { 'Content-Type': b.contentType }, expiresAt: new Date(Date.now() + 900_000).toISOString() });
  }
  if (p === '/api/books' && req.method === 'POST') {
    const b = await readJson(req);
    const up = b && uploads.get(b.uploadId);
    if (!up) return problem(res, 404, 'Not Found', 'No such upload.');
    if (!up.data) return problem(res, 409, 'Conflict', 'The file has not been uploaded yet.');
    const book = parseBook(up.data.toString('utf8'), up.fileName);
    if (!book.roles.length) return problem(res, 422, 'Unprocessable Entity', 'No text was found in the file.');
    const bid = id();
    const rec = { id: bid, book, casting: autoCast(book) };
    books.set(bid, rec);
    return send(res, 201, bookBody(rec));
  }
  if ((g = m(/^\/api\/books\/([0-9a-f]{32})$/)) && req.method === 'GET') {
    const b = books.get(g[1]);
    return b ? send(res, 200, bookBody(b)) : problem(res, 404, 'Not Found', 'No such book.');
  }
  if ((g = m(/^\/api\/books\/([0-9a-f]{32})$/)) && req.method === 'PATCH') {
    const b = books.get(g[1]);
    if (!b) return problem(res, 404, 'Not Found', 'No such book.');
    const body = await readJson(req);
    if (!body || !Array.isArray(body.operations)) return problem(res, 400, 'Bad Request', 'The body must be an object with an operations list');
    if (body.baseVersion != null && body.baseVersion !== (b.version || 1)) return problem(res, 409, 'Conflict', `the book is at version ${b.version || 1}, not ${body.baseVersion}; read it again and redo the edit on it`);
    const edited = editBook(b.book, body.operations);
    if (typeof edited === 'string') return problem(res, 400, 'Bad Request', `${edited}; nothing was changed`);
    const casting = autoCast(edited);
    Object.assign(b, { book: edited, version: (b.version || 1) + 1, casting });
    return send(res, 200, bookBody(b));
  }
  if ((g = m(/^\/api\/books\/([0-9a-f]{32})\/lexicon$/)) && (req.method === 'GET' || req.method === 'PUT')) {
    const b = books.get(g[1]);
    if (!b) return problem(res, 404, 'Not Found', 'No such book.');
    if (req.method === 'PUT') {
      const body = await readJson(req);
      if (!Array.isArray(body?.entries)) return problem(res, 400, 'Bad Request', 'entries is required');
      const bad = body.entries.findIndex((e) => !e?.word?.trim() || !!e.respelling === !!e.ipa);
      if (bad >= 0) return problem(res, 400, 'Bad Request', `entries[${bad}]: a word and exactly one pronunciation are needed`);
      b.lexicon = body.entries;
    }
    return send(res, 200, { entries: b.lexicon || [] });
  }
  if (p === '/api/preview-voice' && req.method === 'POST') {
    const b = await readJson(req);
    if (!b?.voiceName) return problem(res, 400, 'Bad Request', 'voiceName is required.');
    if (!VOICES.some((v) => v.id === b.voiceName || v.name === b.voiceName)) return problem(res, 404, 'Not Found', `Unknown voice ${b.voiceName}.`);
    if (b.text && b.text.length > 300) return problem(res, 400, 'Bad Request', 'text is limited to 300 characters.');
    return send(res, 200, MP3, { 'Content-Type': 'audio/mpeg' });
  }
  if (p === '/api/jobs' && req.method === 'POST') {
    const b = await readJson(req);
    const book = b && books.get(b.bookId);
    if (!book) return problem(res, 404, 'Not Found', 'No such book.');
    const casting = { ...book.casting, ...(b.casting || {}) };
    for (const [role, c] of Object.entries(casting)) {
      if (!VOICES.some((v) => v.id === c.voiceId)) return problem(res, 400, 'Bad Request', `Unknown voice "${c.voiceId}" for ${role}.`);
    }
    const segs = book.book.chapters.flatMap((c) => c.segments);
    const j = {
      id: id(), bookId: book.id, title: book.book.title, state: 'RUNNING', startedAt: Date.now(), createdAt: Date.now(),
      total: segs.length, done: 0, failed: 0, failPart: FAIL_PART < segs.length ? FAIL_PART : -1, chars: segs.reduce((s, x) => s + x.text.length, 0),
      segments: segs, chapters: book.book.chapters, casting,
    };
    j.cachedParts = segs.filter((s) => made.has(partKey(j, s))).length;
    jobs.set(j.id, j);
    return send(res, 202, jobView(j, origin), { Location: `/api/jobs/${j.id}` });
  }
  if ((g = m(/^\/api\/jobs\/([0-9a-f]{32})(\/segments|\/retry)?$/))) {
    const j = jobs.get(g[1]);
    if (!j) return problem(res, 404, 'Not Found', 'No such job.');
    if (!g[2] && req.method === 'GET') return send(res, 200, jobView(j, origin), { 'Cache-Control': 'no-store' });
    if (!g[2] && req.method === 'DELETE') {
      jobView(j, origin);
      if (j.state === 'RUNNING' || j.state === 'ASSEMBLING') { j.state = 'CANCELLED'; j.finishedAt = Date.now(); remember(j, j.done); }
      return send(res, 200, jobView(j, origin));
    }
    if (g[2] === '/retry' && req.method === 'POST') {
      jobView(j, origin);
      if (j.state !== 'FAILED') return problem(res, 409, 'Conflict', 'Only a failed job can be retried.');
      j.failPart = -1; j.failed = 0; j.state = 'RUNNING'; j.startedAt = Date.now() - j.total * PART_MS + PART_MS; j.finishedAt = null;
      return send(res, 202, jobView(j, origin));
    }
    if (g[2] === '/segments' && req.method === 'GET') {
      jobView(j, origin);
      if (j.state !== 'DONE') return problem(res, 409, 'Conflict', `The job is ${j.state}; segments are available when it is DONE.`);
      const q = url.searchParams.get('chapter');
      const body = segmentsBody(j, origin, q === null ? null : Number(q));
      return body ? send(res, 200, body) : problem(res, 404, 'Not Found', `The job has no chapter ${q} or later.`);
    }
  }
  return problem(res, 404, 'Not Found', `No route for ${req.method} ${p}.`);
}

function files(req, res, url) {
  const g = /^\/mock-files\/([0-9a-f]{32})\/(.+)$/.exec(url.pathname);
  const j = g && jobs.get(g[1]);
  if (!j || j.state !== 'DONE') return problem(res, 404, 'Not Found', 'No such file.');
  const name = g[2];
  const cors = { 'Access-Control-Allow-Origin': '*', 'Accept-Ranges': 'bytes' };
  if (name.endsWith('.mp3')) {
    const range = /bytes=(\d+)-(\d*)/.exec(req.headers.range || '');
    if (range) {
      const start = Number(range[1]);
      const end = range[2] ? Math.min(Number(range[2]), MP3.length - 1) : MP3.length - 1;
      const chunk = MP3.subarray(start, end + 1);
      res.writeHead(206, { ...cors, 'Content-Type': 'audio/mpeg', 'Content-Length': chunk.length, 'Content-Range': `bytes ${start}-${end}/${MP3.length}` });
      return res.end(chunk);
    }
    // like the real storage: the whole book's MP3 is named after the book
    const disposition = name === 'audiobook.mp3' ? { 'Content-Disposition': `attachment; filename="${j.title.replace(/[^A-Za-z0-9 _-]+/g, '').trim().replace(/ +/g, '-') || 'audiobook'}.mp3"` } : {};
    return send(res, 200, MP3, { ...cors, 'Content-Type': 'audio/mpeg', ...disposition });
  }
  if (name === 'captions.vtt') {
    const body = 'WEBVTT\n\n' + segmentsBody(j, '').segments.map((s, i) =>
      `${i + 1}\n${vtt(s.startMs)} --> ${vtt(s.endMs)}\n<v ${s.role}>${s.text}\n`).join('\n');
    return send(res, 200, body, { ...cors, 'Content-Type': 'text/vtt; charset=utf-8' });
  }
  if (name === 'chapters.json') return send(res, 200, segmentsBody(j, '').chapters.map(({ index, title, startMs, endMs }) => ({ index, title, startMs, endMs })), cors);
  if (name === 'manifest.json') return send(res, 200, { jobId: j.id, title: j.title }, cors);
  return problem(res, 404, 'Not Found', 'No such file.');
}
function vtt(ms) {
  const d = new Date(ms).toISOString();
  return d.slice(11, 23);
}

const server = createServer(async (req, res) => {
  const origin = `http://${req.headers.host || `${HOST}:${PORT}`}`;
  const url = new URL(req.url, origin);
  try {
    if (url.pathname === '/health') return send(res, 200, { status: 'ok', service: 'etoaudiobook', version: '1.0.0-mock' });
    if (url.pathname.startsWith('/api/')) return await api(req, res, url, origin);
    if (url.pathname.startsWith('/mock-files/')) return files(req, res, url);
    if (req.method === 'GET' || req.method === 'HEAD') return serveStatic(req, res, url.pathname);
    return problem(res, 405, 'Method Not Allowed', 'Only GET here.');
  } catch (e) {
    console.error(e);
    if (!res.headersSent) problem(res, 500, 'Internal Server Error', 'The mock failed.');
  }
});

// The "S3" for presigned PUTs: another origin, so the browser does a CORS preflight as with S3Proxy.
const s3 = createServer(async (req, res) => {
  const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'PUT, GET, HEAD', 'Access-Control-Allow-Headers': '*', 'Access-Control-Expose-Headers': 'ETag' };
  if (req.method === 'OPTIONS') { res.writeHead(204, cors); return res.end(); }
  const g = /^\/data\/uploads\/([0-9a-f]{32})\//.exec(req.url || '');
  const up = g && uploads.get(g[1]);
  if (req.method !== 'PUT' || !up) { res.writeHead(403, { ...cors, 'Content-Type': 'application/xml' }); return res.end('<Error><Code>AccessDenied</Code></Error>'); }
  const data = await readBody(req);
  if (up.contentType && req.headers['content-type'] !== up.contentType) {
    res.writeHead(403, { ...cors, 'Content-Type': 'application/xml' });
    return res.end('<Error><Code>SignatureDoesNotMatch</Code></Error>');
  }
  up.data = data;
  res.writeHead(200, { ...cors, ETag: '"' + createHash('md5').update(data).digest('hex') + '"' });
  res.end();
});

server.listen(PORT, HOST, () => console.log(`mock API + dist on http://${HOST}:${PORT} (S3 on ${S3_PORT})`));
s3.listen(S3_PORT, HOST);
