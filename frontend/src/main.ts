import './style.css';
import { api, errorMessage } from './api';
import { CastStep } from './cast';
import { $, setError, show } from './dom';
import { JobStep } from './job';
import { Library } from './library';
import { Player } from './player';
import { formatHash, parseHash } from './route';
import { renderShelf } from './shelf';
import { shelfEntry, updateShelf } from './store';
import { initUpload } from './upload';
import type { BookResponse, JobView } from './types';

type Step = 'upload' | 'cast' | 'generate' | 'listen';

function setStep(step: Step): void {
  for (const li of document.querySelectorAll<HTMLElement>('#steps li')) {
    const a = li.querySelector('a')!;
    if (li.dataset.step === step) a.setAttribute('aria-current', 'step');
    else a.removeAttribute('aria-current');
  }
  show($('cast-step'), step !== 'upload' && !!currentBook);
  show($('generate-step'), step === 'generate' || step === 'listen');
  show($('listen-step'), step === 'listen');
  document.body.dataset.step = step;
}

function focusSection(id: string): void {
  const h2 = $(id).querySelector('h2');
  if (h2) {
    h2.setAttribute('tabindex', '-1');
    h2.focus({ preventScroll: true });
    const calm = matchMedia('(prefers-reduced-motion: reduce)').matches;
    $(id).scrollIntoView({ block: 'start', behavior: calm ? 'auto' : 'smooth' });
  }
}

let currentBook: BookResponse | undefined;

const cast = new CastStep(async (book, casting) => {
  // Feedback now: the server takes a moment to plan a long book.
  setStep('generate');
  jobs.planning(book.stats?.segments);
  focusSection('generate-step');
  let job: JobView;
  try {
    job = await api.createJob(book.id, casting);
  } catch (e) {
    setStep(jobs.id ? 'generate' : 'cast');
    focusSection('cast-step');
    throw e;
  }
  updateShelf({ jobId: job.id, bookId: book.id, title: book.book.title || job.title, author: book.book.author, casting, state: job.state });
  openJob(job.id, job);
});
const player = new Player();
const jobs = new JobStep((job: JobView) => {
  setStep('listen');
  void player.load(job).then(() => {
    renderShelf(job.id);
    if (document.activeElement === document.body || document.activeElement?.closest('#generate-step')) focusSection('listen-step');
  });
}, (job) => {
  updateShelf({ jobId: job.id, bookId: job.bookId, title: shelfEntry(job.id)?.title || job.title, state: job.state });
  renderShelf(job.id);
  if (job.bookId && currentBook?.id !== job.bookId) void openBookOf(job.id, job.bookId, job.state !== 'DONE');
}, () => void toCast());
const library = new Library(() => void loadVoices(true));

function showBook(b: BookResponse, casting = shelfCasting(b.id)): void {
  currentBook = b;
  cast.load(b, casting);
  if (!jobs.id) setStep('cast');
  else show($('cast-step'), true);
}

function shelfCasting(bookId: string) {
  const e = jobs.id ? shelfEntry(jobs.id) : undefined;
  return e?.bookId === bookId ? e.casting : undefined;
}

/**
 * A job opened from a link: its book goes in step 2 with the job's casting, ready to generate again.
 * For a finished job that waits until the reader asks (step pill, "Change voices"): a novel's cast
 * cards hold thousands of voice options the player does not need.
 */
let bookOfJob: Promise<void> | undefined;
let bookOfJobId = '';
function openBookOf(jobId: string, bookId: string, now: boolean): Promise<void> {
  if (bookOfJobId !== jobId) {
    bookOfJobId = jobId;
    bookOfJob = undefined;
  }
  if (!now && !bookOfJob) return Promise.resolve();
  bookOfJob ??= api.book(bookId).then((b) => {
    if (jobs.id === jobId) showBook(b.value, shelfEntry(jobId)?.casting);
  }, () => {
    $('live').textContent = 'The book of this job is no longer on the server; the audiobook still plays.';
  });
  return bookOfJob;
}

/** Step 2 for the open job, loading its book first when needed (its id from the job, or from the library). */
async function toCast(): Promise<void> {
  const id = jobs.id;
  const bookId = jobs.current?.bookId || (id ? shelfEntry(id)?.bookId : undefined);
  if (id && bookId && currentBook?.id !== bookId) await openBookOf(id, bookId, true);
  if (!$('cast-step').hidden) focusSection('cast-step');
}

function openJob(id: string, initial?: JobView): void {
  setRoute({ job: id });
  setStep('generate');
  const known = shelfEntry(id);
  // The player opens as soon as the job is known to be finished; its status (and download links) follow.
  const listen = (): Promise<void> | undefined => {
    if (jobs.id !== id || !$('listen-step').hidden) return;
    setStep('listen');
    return player.load({ id, bookId: known?.bookId || '', title: known?.title || '', state: 'DONE', parts: { done: 0, total: 0, failed: 0 } });
  };
  if (initial) jobs.start(id, initial);
  else if (known?.state === 'DONE') {
    // finished when this browser last saw it: the player first, then the job's status
    const opened = Promise.resolve().then(listen);
    jobs.start(id, undefined, opened);
  } else if (!known) {
    // a link from elsewhere: ask for the player's view first; it answers only for a finished job
    jobs.start(id, undefined, player.prefetch(id).then((done) => (done ? listen() : undefined)));
  } else jobs.start(id);
}

let settingHash = false;
function setRoute(r: { job?: string; book?: string }): void {
  const hash = formatHash(r);
  lastRoute = hash;
  if (location.hash !== hash) {
    settingHash = true;
    history.replaceState(null, '', hash || location.pathname + location.search);
    settingHash = false;
  }
}

async function loadVoices(force = false): Promise<void> {
  const info = $('voices-info');
  info.textContent = 'Loading voices…';
  try {
    const r = await api.voices(force);
    const voices = r.value.voices || [];
    cast.setVoices(voices);
    library.set(voices);
    const age = Math.round(r.ageMs / 60000);
    performance.mark('app-ready');
    info.textContent = `${voices.length} voices${r.stale ? ' (saved copy; offline?)' : age ? ` · updated ${age} min ago` : ''}`;
  } catch (e) {
    info.textContent = `Voices unavailable: ${errorMessage(e)}`;
  }
}

let lastRoute = '';
async function route(): Promise<void> {
  const r = parseHash(location.hash);
  if (!r.job && !r.book) {
    // a plain #fragment (a step pill opened in a new tab, an old link): keep the open job or book in the URL
    if (lastRoute) history.replaceState(null, '', lastRoute);
    return;
  }
  lastRoute = formatHash(r);
  if (r.job) {
    if (jobs.id !== r.job) openJob(r.job);
  } else if (r.book) {
    try {
      const b = await api.book(r.book);
      jobs.stop();
      showBook(b.value);
    } catch (e) {
      setError($('upload-error'), `Could not open the book: ${errorMessage(e)}`);
    }
  }
}

initUpload((b) => {
  setRoute({ book: b.id });
  jobs.stop();
  showBook(b);
  focusSection('cast-step');
});
// The step pills move focus to their step; they never change the URL (which holds the open job or book).
for (const a of document.querySelectorAll<HTMLAnchorElement>('#steps a')) {
  a.addEventListener('click', (e) => {
    e.preventDefault();
    const id = a.getAttribute('href')!.slice(1);
    if (id === 'cast-step' && jobs.id) void toCast();
    else if ($(id).hidden) $('live').textContent = `${a.textContent} is not available yet.`;
    else focusSection(id);
  });
}
$('voices-refresh').addEventListener('click', () => void loadVoices(true));
$('new-book').addEventListener('click', () => {
  jobs.stop();
  setRoute({});
  currentBook = undefined;
  setStep('upload');
  renderShelf();
  $<HTMLInputElement>('file-input').focus();
});
window.addEventListener('hashchange', () => {
  if (!settingHash) void route();
});

const banner = $('offline-banner');
const onlineState = () => show(banner, !navigator.onLine);
window.addEventListener('online', onlineState);
window.addEventListener('offline', onlineState);
onlineState();

setStep('upload');
renderShelf(parseHash(location.hash).job);
// the route first: a job link's request for the player goes out before the voice list's
void route();
void loadVoices();

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      /* the app works without it */
    });
  });
}
