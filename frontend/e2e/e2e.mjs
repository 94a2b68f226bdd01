// End-to-end check of the web app against a running server (the real backend or e2e/mock-server.mjs).
//   BASE_URL=http://127.0.0.1:8080 SAMPLE_FILE=../../shared/samples/demo-story.md WIDTH=1280 node e2e/e2e.mjs
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const frontend = resolve(here, '..');
const BASE_URL = (process.env.BASE_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
const SAMPLE_FILE = resolve(frontend, process.env.SAMPLE_FILE || '../../shared/samples/demo-story.md');
const WIDTH = Number(process.env.WIDTH || 1280);
const HEIGHT = Number(process.env.HEIGHT || (WIDTH < 600 ? 780 : 900));
const EXPECTED_ROLES = Number(process.env.EXPECTED_ROLES || 4);
const DONE_TIMEOUT = Number(process.env.DONE_TIMEOUT_MS || 120_000);
const LOAD_BUDGET_MS = Number(process.env.LOAD_BUDGET_MS || 1000);
const ART = join(here, 'artifacts');
mkdirSync(ART, { recursive: true });

let passed = 0;
let failed = 0;
const results = [];
function check(name, ok, info = '') {
  if (ok) passed++;
  else failed++;
  results.push({ name, ok });
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${info ? ` — ${info}` : ''}`);
  return ok;
}
async function step(name, fn) {
  try {
    await fn();
  } catch (e) {
    check(name, false, String(e?.message || e).split('\n')[0]);
  }
}

const consoleErrors = [];
// Errors the test provokes on purpose (the browser logs every 4xx/5xx response as a console error).
const expectedErrors = [];
let shot = 0;
// chromium.launch() always starts from a fresh temporary user-data-dir (Playwright creates and
// deletes it), so no profile state leaks between runs.
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext({ viewport: { width: WIDTH, height: HEIGHT }, serviceWorkers: 'allow' });
const page = await context.newPage();
page.on('console', (m) => {
  if (m.type() === 'error') consoleErrors.push(`${m.text()} @ ${m.location()?.url || ''}`);
});
page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));

// Every control has an accessible name; buttons are <button> (or links styled as buttons).
async function a11yCheck(where) {
  const bad = await page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('input, select, textarea, button')) {
      if (el.closest('[hidden]') || el.type === 'hidden') continue;
      const name = el.getAttribute('aria-label') || (el.labels && [...el.labels].map((l) => l.textContent).join(' ').trim()) ||
        (el.tagName === 'BUTTON' ? el.textContent.trim() : '');
      if (!name) out.push(el.id || el.outerHTML.slice(0, 60));
    }
    for (const el of document.querySelectorAll('[onclick], div[role=button], span[role=button]')) out.push('fake button: ' + el.outerHTML.slice(0, 60));
    const seen = new Set();
    for (const el of document.querySelectorAll('[id]')) {
      if (seen.has(el.id)) out.push('duplicate id ' + el.id);
      seen.add(el.id);
    }
    return out;
  });
  check(`controls labelled (${where})`, bad.length === 0, bad.join(', '));
}

async function screenshot(name) {
  shot++;
  const file = join(ART, `${String(shot).padStart(2, '0')}-${name}-${WIDTH}.png`);
  await page.screenshot({ path: file, fullPage: true });
}
const visible = (sel) => page.locator(sel).isVisible();

try {
  // 1. First load
  await step('first load', async () => {
    // Warm the browser's network stack on another URL so the number is the app's, not Chromium's start-up.
    await page.goto(BASE_URL + '/health').catch(() => undefined);
    const requests = [];
    const onRequest = (r) => requests.push(r.url().replace(BASE_URL, ''));
    page.on('request', onRequest);
    const t0 = Date.now();
    await page.goto(BASE_URL + '/', { waitUntil: 'load' });
    await page.waitForFunction(() => /\d+ voices/.test(document.getElementById('voices-info')?.textContent || ''), null, { timeout: 10_000 });
    const wall = Date.now() - t0;
    page.off('request', onRequest);
    const voiceFetches = requests.filter((u) => u.startsWith('/api/voices')).length;
    check('first load fetches the voices once', voiceFetches === 1, `${voiceFetches}× /api/voices; requests: ${requests.join(', ')}`);
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0];
      const ready = performance.getEntriesByName('app-ready')[0];
      return { origin: performance.timeOrigin, load: Math.round(n?.loadEventEnd || 0), dcl: Math.round(n?.domContentLoadedEventEnd || 0), ready: Math.round(ready?.startTime || 0) };
    });
    // The budgeted figure: from the test asking for the page (t0) to the app marking itself ready (voices shown,
    // performance.mark('app-ready')), both on the machine's wall clock. The harness's own wall clock adds
    // Playwright's post-load polling (its injected script in the new document: 300+ ms on a busy machine);
    // it is printed, not budgeted. Without the mark (voices failed), the harness figure counts.
    const appReady = nav.ready ? Math.round(nav.origin + nav.ready - t0) : wall;
    console.log(`first load: ${appReady} ms from request to a usable page with voices (navigation: DOMContentLoaded ${nav.dcl} ms, load ${nav.load} ms, app ready ${nav.ready} ms; harness wall clock ${wall} ms)`);
    check('first load under budget', appReady < LOAD_BUDGET_MS, `${appReady} ms < ${LOAD_BUDGET_MS} ms`);
    check('voices loaded', true, await page.textContent('#voices-info'));
    await screenshot('load');
  });

  // 2. An unsupported file shows the server's words
  await step('unsupported file message', async () => {
    expectedErrors.push(/status of 415 .*\/api\/uploads/);
    await page.setInputFiles('#file-input', { name: 'song.mp3', mimeType: 'audio/mpeg', buffer: Buffer.from('ID3 not a book') });
    const err = page.locator('#upload-error');
    await err.waitFor({ state: 'visible', timeout: 10_000 });
    const text = (await err.textContent()) || '';
    check('unsupported file message', text.length > 5 && !/HTTP \d+$/.test(text), text);
  });

  // 3. Upload the sample
  let book; // the server's book response: roles, casting, prices
  await step('upload', async () => {
    const bookResponse = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/books' && r.request().method() === 'POST', { timeout: 30_000 });
    await page.setInputFiles('#file-input', SAMPLE_FILE);
    book = await (await bookResponse).json();
    await page.locator('#cast-step').waitFor({ state: 'visible', timeout: 30_000 });
    const roles = await page.locator('#roles article.role').count();
    const names = await page.locator('#roles article.role h3').allTextContents();
    check(`${EXPECTED_ROLES} roles appear`, roles === EXPECTED_ROLES, names.join(', '));
    check('upload error cleared', !(await visible('#upload-error')));
    await a11yCheck('cast');
    check('title shown', ((await page.textContent('#book-title')) || '').length > 0, await page.textContent('#book-title'));
    await screenshot('cast');
  });

  // 4. Cast: change a voice, see the cost change, auto-cast restores it, preview plays
  await step('cast', async () => {
    const costText = () => page.innerText('#cost').then((t) => (t || '').replace(/\s+/g, ' ').trim());
    const before = await costText();
    const card = page.locator('#roles article.role').first();
    const roleName = (await card.locator('h3').textContent()) || '';
    const sel = card.locator('select[id$="-voice"]');
    const current = await sel.inputValue();
    const voices = (await (await context.request.get(BASE_URL + '/api/voices')).json()).voices || [];
    const prices = book?.prices || {};
    const price = (e) => Number(prices[e] ?? prices[String(e).toLowerCase()] ?? 0);
    const offered = new Set(await sel.locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean)));
    const offeredVoices = voices.filter((v) => offered.has(v.id));
    const priced = offeredVoices.some((v) => v.engines.some((e) => price(e) > 0));
    const engineOf = (id) => voices.find((v) => v.id === id)?.engines?.[0];
    // With a priced engine on offer, pick a voice whose (first) engine costs something else, so the total must move.
    const other = priced
      ? offeredVoices.find((v) => v.id !== current && price(v.engines[0]) !== price(engineOf(current)))?.id
      : offeredVoices.find((v) => v.id !== current)?.id;
    await sel.selectOption(other);
    // wait on state: the breakdown names the newly chosen voice for this role
    await page.waitForFunction(([role, id]) => [...document.querySelectorAll('#cost li')].some((li) => li.dataset.role === role && li.dataset.voice === id), [roleName, other], { timeout: 5000 });
    const changed = await costText();
    const chars = (book?.book?.roles || []).reduce((n, r) => n + r.characters, 0);
    const charsRe = new RegExp(`\\b${String(chars).replace(/\B(?=(\d{3})+$)/g, '[,.\u00a0\u202f ]?')} characters`);
    const roleLine = await page.locator('#cost li', { has: page.locator('.cost-role', { hasText: roleName }) }).first().textContent();
    if (priced) {
      check('cost changes with the voice', changed !== before && /\$\d/.test(changed), `${before} → ${changed}`);
    } else {
      check('cost: all engines free — $0.00 for the character count', /Estimated cost: \$0\.00 for/.test(changed) && charsRe.test(changed), changed);
      check('cost re-rendered with the new voice for the role', changed !== before && (roleLine || '').includes(other) &&
        (roleLine || '').includes(engineOf(other) || '?'), `${roleName}: ${current} → ${other}; ${roleLine}`);
    }
    check('voice shown in full under the select', ((await card.locator('.voice-desc').textContent()) || '').includes(other));
    // search filter (debounced): wait on the count, not on the clock
    const q = card.locator('input[type=search]');
    const countSel = '#' + (await card.locator('[id$="-count"]').getAttribute('id'));
    await q.fill('zzzz-no-such-voice');
    check('voice search filters', await page.waitForFunction((s) => /\(0 of \d+\)/.test(document.querySelector(s)?.textContent || ''), countSel, { timeout: 3000 }).then(() => true, () => false),
      await page.textContent(countSel));
    await q.fill('');
    await page.waitForFunction((s) => /\((\d+) of \1\)/.test(document.querySelector(s)?.textContent || ''), countSel, { timeout: 3000 });
    await page.click('#autocast');
    check('auto-cast restores the suggestion', (await costText()) === before && (await sel.inputValue()) === current, await costText());
    await page.locator('#roles article.role').first().locator('button.preview').click();
    await page.waitForFunction(() => {
      const a = document.getElementById('preview-audio');
      return a.currentSrc.startsWith('blob:') && (a.currentTime > 0 || a.ended);
    }, null, { timeout: 10_000 });
    check('voice preview plays', true);
    check('no cast error', !(await visible('#cast-error')), await page.textContent('#cast-error'));
  });

  // 5. Generate
  let jobId = '';
  await step('generate', async () => {
    await page.click('#generate');
    await page.locator('#generate-step').waitFor({ state: 'visible', timeout: 10_000 });
    await page.waitForFunction(() => location.hash.startsWith('#job='), null, { timeout: 10_000 });
    jobId = new URLSearchParams((await page.evaluate(() => location.hash)).slice(1)).get('job');
    check('job deep link in the URL', /^[0-9a-zA-Z_-]+$/.test(jobId || ''), jobId);
    await page.waitForFunction(() => /\d+ of \d+ parts/.test(document.getElementById('job-status')?.textContent || ''));
    await screenshot('generating');
    const t0 = Date.now();
    await page.waitForFunction(() => ['DONE', 'FAILED'].includes(document.getElementById('job-status')?.dataset.state), null, { timeout: DONE_TIMEOUT });
    if ((await page.getAttribute('#job-status', 'data-state')) === 'FAILED') {
      // A part failed for good (the mock does this with MOCK_FAIL_PART=n): the reasons show and Retry recovers.
      const reasons = await page.locator('#failure-list li').allTextContents();
      check('failed parts listed with reasons', reasons.length > 0, reasons.join(' | '));
      await screenshot('failed');
      await page.click('#retry');
      await page.waitForFunction(() => ['DONE', 'FAILED'].includes(document.getElementById('job-status')?.dataset.state) &&
        document.getElementById('job-status')?.dataset.state !== 'FAILED', null, { timeout: Math.max(1000, DONE_TIMEOUT - (Date.now() - t0)) });
      check('retry recovers', true);
    }
    await page.waitForFunction(() => document.getElementById('job-status')?.dataset.state === 'DONE', null, { timeout: Math.max(1000, DONE_TIMEOUT - (Date.now() - t0)) });
    check('job DONE', true, await page.textContent('#job-status'));
    check('progress announced', ((await page.textContent('#live')) || '').length > 0, await page.textContent('#live'));
  });

  // 6. Player
  await step('player', async () => {
    await page.locator('#listen-step').waitFor({ state: 'visible', timeout: 15_000 });
    await page.locator('button.seg').first().waitFor({ timeout: 15_000 });
    const segs = await page.locator('button.seg').count();
    check('segments listed', segs > 0, `${segs} segments`);
    await page.click('#play');
    await page.waitForFunction(() => {
      const a = document.getElementById('audio');
      return !a.paused && a.currentTime > 0;
    }, null, { timeout: 10_000 });
    check('plays', true);
    const target = Math.min(2, segs - 1);
    await page.locator('button.seg').nth(target).click();
    await page.waitForFunction((i) => document.querySelector(`button.seg[data-index="${i}"]`)?.getAttribute('aria-current') === 'true', target);
    check('click a segment jumps to it', true, `segment ${target + 1}`);
    // sample the highlighted word on every animation frame until two different words have been lit
    const seenWords = await page.waitForFunction(() => {
      const seen = (window.__eabSeenWords ||= new Set());
      const w = document.getElementById('readalong').dataset.word;
      if (w !== undefined && w !== '-1') seen.add(w);
      return seen.size >= 2 ? seen.size : false;
    }, null, { timeout: 10_000 }).then((h) => h.jsonValue(), () => 0);
    check('highlighted word changes over time', seenWords >= 2, `${seenWords} distinct words highlighted`);
    check('one word is highlighted', (await page.locator('#readalong .w.on').count()) === 1);
    await screenshot('playing');
    await a11yCheck('player');
    // keyboard: → next segment (focus on the page body, not in an input)
    const audioState = () => page.evaluate(() => {
      const a = document.getElementById('audio');
      return { paused: a.paused, t: a.currentTime, seg: Number(document.querySelector('button.seg[aria-current]')?.dataset.index), button: document.getElementById('play').dataset.playing };
    });
    const isPlaying = () => page.waitForFunction(() => { const a = document.getElementById('audio'); return !a.paused && a.currentTime > 0; }, null, { timeout: 10_000 });
    const isPaused = () => page.waitForFunction(() => document.getElementById('audio').paused && document.getElementById('play').dataset.playing === 'false', null, { timeout: 3000 });
    await page.evaluate(() => (document.activeElement instanceof HTMLElement) && document.activeElement.blur());
    // start from a segment that is not the last, so → has somewhere to go (real segments are 1.5–5 s and auto-advance)
    const total = await page.locator('button.seg').count();
    await page.locator('button.seg').nth(Math.max(0, total - 3)).click();
    await isPlaying();
    await page.evaluate(() => (document.activeElement instanceof HTMLElement) && document.activeElement.blur());
    const cur = (await audioState()).seg;
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((c) => Number(document.querySelector('button.seg[aria-current]')?.dataset.index) === c + 1, cur, { timeout: 3000 });
    check('→ goes to the next segment', true);
    // the next segment loads, then plays: wait for that, then Space must pause it
    await isPlaying();
    await page.keyboard.press('Space');
    await isPaused();
    check('space pauses', true);
    await page.keyboard.press('Space');
    await isPlaying();
    check('space plays again', true);
    // Space on a focused segment button toggles play/pause; it must not "click" the button (which would restart the segment)
    const segNow = (await audioState()).seg;
    await page.locator(`button.seg[data-index="${segNow}"]`).focus();
    await page.keyboard.press('Space');
    await isPaused();
    const s1 = await audioState();
    check('space on a focused segment button pauses, not restarts', s1.paused && s1.seg === segNow && s1.t > 0, JSON.stringify(s1));
    // Space while the next segment is still loading cancels its autoplay: it stays paused once loaded
    await page.locator(`button.seg[data-index="${Math.max(0, segNow - 1)}"]`).focus();
    await page.keyboard.press('Space'); // play
    await isPlaying();
    await page.evaluate(() => (document.activeElement instanceof HTMLElement) && document.activeElement.blur());
    // ← then Space in one task, so the new source cannot have loaded in between; then wait for it to load
    const stayedPaused = await page.evaluate(() => new Promise((resolve) => {
      const a = document.getElementById('audio');
      const key = (k, code) => document.body.dispatchEvent(new KeyboardEvent('keydown', { key: k, code, bubbles: true, cancelable: true }));
      const before = a.src;
      key('ArrowLeft', 'ArrowLeft');
      key(' ', 'Space');
      if (a.src === before) return resolve('source did not change');
      a.addEventListener('loadeddata', () => setTimeout(() => resolve(a.paused), 50), { once: true });
      setTimeout(() => resolve('timeout'), 10_000);
    }));
    check('space during loading cancels autoplay', stayedPaused === true && (await audioState()).button === 'false', String(stayedPaused));
  });

  // 7. Downloads
  await step('downloads', async () => {
    const mp3 = await page.getAttribute('#dl-audiobook', 'href');
    const vtt = await page.getAttribute('#dl-captions', 'href');
    check('download links exist', !!mp3 && !!vtt);
    const r1 = await context.request.get(new URL(mp3, BASE_URL).href);
    check('audiobook MP3 downloads', r1.status() === 200 && /audio\/mpeg/.test(r1.headers()['content-type'] || ''), `${r1.status()} ${r1.headers()['content-type']}`);
    const r2 = await context.request.get(new URL(vtt, BASE_URL).href);
    check('captions download', r2.status() === 200, `${r2.status()} ${r2.headers()['content-type']}`);
  });

  // 8. Position remembered across a reload
  await step('position', async () => {
    const cur = await page.evaluate(() => Number(document.querySelector('button.seg[aria-current]')?.dataset.index));
    await page.reload({ waitUntil: 'load' });
    await page.locator('button.seg[aria-current]').waitFor({ timeout: 15_000 });
    const after = await page.evaluate(() => Number(document.querySelector('button.seg[aria-current]')?.dataset.index));
    check('position restored after reload', after === cur, `segment ${cur + 1} → ${after + 1}`);
    await screenshot('restored');
  });

  // 9. Offline: the shell and the voice list still show
  await step('offline', async () => {
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
      return !!reg.active;
    });
    // make sure the voices come from the service worker's cache, not only from localStorage
    await page.evaluate(() => localStorage.removeItem('eab:cache:/api/voices'));
    await page.evaluate(() => fetch('/api/voices').then((r) => r.ok));
    await page.evaluate(() => localStorage.removeItem('eab:cache:/api/voices'));
    await context.setOffline(true);
    await page.goto(BASE_URL + '/', { waitUntil: 'load' });
    await page.locator('#upload-h').waitFor({ state: 'visible', timeout: 10_000 });
    check('offline: app shell shows', true);
    await page.waitForFunction(() => /\(\d+ voices\)/.test(document.getElementById('lib-count')?.textContent || ''), null, { timeout: 10_000 });
    await page.click('#lib-details summary');
    const n = await page.locator('#lib-list li').count();
    check('offline: voice list shows', n > 0, `${n} voices; ${await page.textContent('#voices-info')}`);
    check('offline banner', await visible('#offline-banner'));
    await screenshot('offline');
    await context.setOffline(false);
  });
} finally {
  const errs = consoleErrors.filter((e) => !expectedErrors.some((re) => re.test(e)));
  check('no console errors', errs.length === 0, errs.join(' | '));
  await browser.close();
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
