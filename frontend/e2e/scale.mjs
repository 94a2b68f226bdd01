// How the player scales with a big book: uploads a CHAPTERS × PER_CHAPTER script, generates it, opens the
// finished job cold and prints DOM elements, open time, the segments answer's size and the slowest interaction.
//   BASE_URL=http://127.0.0.1:8090 CHAPTERS=10 PER_CHAPTER=500 node e2e/scale.mjs
import { chromium } from 'playwright-core';
import { longBook } from './long-book.mjs';

const BASE_URL = (process.env.BASE_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
const CHAPTERS = Number(process.env.CHAPTERS || 10);
const PER_CHAPTER = Number(process.env.PER_CHAPTER || 500);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    window.__ev = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__ev.push({ name: e.name, processing: e.processingEnd - e.startTime, duration: e.duration })))
      .observe({ type: 'event', durationThreshold: 16, buffered: true });
  });
  const page = await context.newPage();
  await page.goto(BASE_URL + '/');
  await page.setInputFiles('#file-input', { name: 'scale.md', mimeType: 'text/markdown', buffer: Buffer.from(longBook(CHAPTERS, PER_CHAPTER, `Scale ${CHAPTERS}x${PER_CHAPTER}`)) });
  await page.locator('#cast-step').waitFor({ state: 'visible', timeout: 120_000 });
  await page.click('#generate');
  await page.waitForFunction(() => location.hash.startsWith('#job='));
  const job = new URLSearchParams((await page.evaluate(() => location.hash)).slice(1)).get('job');
  await page.waitForFunction(() => document.getElementById('job-status')?.dataset.state === 'DONE', null, { timeout: 3_600_000, polling: 2000 });
  const sizes = {};
  for (const q of ['', '?chapter=0']) {
    const t0 = Date.now();
    const r = await context.request.get(`${BASE_URL}/api/jobs/${job}/segments${q}`);
    sizes[q || 'all'] = `${Math.round((await r.body()).length / 1024)} KB in ${Date.now() - t0} ms`;
  }
  const p = await context.newPage();
  await p.goto(BASE_URL + '/health');
  const t0 = Date.now();
  await p.goto(`${BASE_URL}/#job=${job}`);
  await p.waitForFunction(() => performance.getEntriesByName('player-ready').length > 0, null, { timeout: 30_000 });
  const ready = Math.round(await p.evaluate(() => performance.timeOrigin + performance.getEntriesByName('player-ready')[0].startTime) - t0);
  await p.locator('#segment-list [tabindex="0"]').focus();
  for (let i = 0; i < 10; i++) await p.keyboard.press('PageDown');
  await p.keyboard.press('End');
  await p.click('#forward');
  await p.selectOption('#chapter-select', String(CHAPTERS - 1));
  await p.waitForTimeout(500);
  const out = await p.evaluate(() => ({
    elements: document.getElementsByTagName('*').length,
    rows: document.querySelectorAll('#segment-list button.seg').length,
    worstHandlerMs: Math.round(Math.max(0, ...window.__ev.filter((e) => /click|key|pointer/.test(e.name)).map((e) => e.processing))),
    worstToPaintMs: Math.round(Math.max(0, ...window.__ev.filter((e) => /click|key|pointer/.test(e.name)).map((e) => e.duration))),
  }));
  console.log(JSON.stringify({ segments: CHAPTERS * PER_CHAPTER, openMs: ready, ...out, segmentsAnswer: sizes }));
} finally {
  await browser.close();
}
