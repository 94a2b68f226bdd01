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
    const t0 = Date.now();
    await page.goto(BASE_URL + '/', { waitUntil: 'load' });
    await page.waitForFunction(() => /\d+ voices/.test(document.getElementById('voices-info')?.textContent || ''), null, { timeout: 10_000 });
    const wall = Date.now() - t0;
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0];
      const ready = performance.getEntriesByName('app-ready')[0];
      return { load: Math.round(n?.loadEventEnd || 0), dcl: Math.round(n?.domContentLoadedEventEnd || 0), ready: Math.round(ready?.startTime || 0) };
    });
    console.log(`first load: ${wall} ms wall clock to a usable page with voices (navigation: DOMContentLoaded ${nav.dcl} ms, load ${nav.load} ms, app ready ${nav.ready} ms)`);
    check('first load under budget', wall < LOAD_BUDGET_MS, `${wall} ms < ${LOAD_BUDGET_MS} ms`);
    check('voices loaded', true, await page.textContent('#voices-info'));
    await screenshot('load');
  });

  // 2. An unsupported file shows the server's words
  await step('unsupported file message', async () => {
    expectedErrors.push(/status of 415 .*\/api\/uploads/);
    await page.setInputFiles('#file-input', { name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 mock') });
    const err = page.locator('#upload-error');
    await err.waitFor({ state: 'visible', timeout: 10_000 });
    const text = (await err.textContent()) || '';
    check('unsupported file message', text.length > 5 && !/HTTP \d+$/.test(text), text);
  });

  // 3. Upload the sample
  await step('upload', async () => {
    await page.setInputFiles('#file-input', SAMPLE_FILE);
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
    const before = await page.textContent('#cost');
    const sel = page.locator('#roles article.role').first().locator('select[id$="-voice"]');
    const options = await sel.locator('option').evaluateAll((os) => os.map((o) => o.value));
    const current = await sel.inputValue();
    const other = options.find((v) => v && v !== current);
    await sel.selectOption(other);
    const changed = await page.textContent('#cost');
    check('cost changes with the voice', changed !== before, `${before} → ${changed}`);
    // search filter (debounced)
    const q = page.locator('#roles article.role').first().locator('input[type=search]');
    await q.fill('zzzz-no-such-voice');
    await page.waitForTimeout(400);
    check('voice search filters', /\(0 of \d+\)/.test((await page.locator('#r0-count').textContent()) || ''));
    await q.fill('');
    await page.waitForTimeout(400);
    await page.click('#autocast');
    check('auto-cast restores the suggestion', (await page.textContent('#cost')) === before, await page.textContent('#cost'));
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
    const seen = new Set();
    for (let i = 0; i < 20; i++) {
      seen.add(await page.evaluate(() => document.getElementById('readalong').dataset.word));
      await page.waitForTimeout(100);
    }
    check('highlighted word changes over time', seen.size >= 2, `${seen.size} distinct words highlighted`);
    check('one word is highlighted', (await page.locator('#readalong .w.on').count()) === 1);
    await screenshot('playing');
    await a11yCheck('player');
    // keyboard: → next segment (focus on the page body, not in an input)
    await page.evaluate(() => (document.activeElement instanceof HTMLElement) && document.activeElement.blur());
    const cur = await page.evaluate(() => Number(document.querySelector('button.seg[aria-current]')?.dataset.index));
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((c) => Number(document.querySelector('button.seg[aria-current]')?.dataset.index) === c + 1, cur, { timeout: 3000 });
    check('→ goes to the next segment', true);
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.getElementById('audio').paused, null, { timeout: 3000 });
    check('space pauses', true);
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
