import './style.css';
import { api, errorMessage } from './api';
import { CastStep } from './cast';
import { $, setError, show } from './dom';
import { JobStep } from './job';
import { Library } from './library';
import { Player } from './player';
import { formatHash, parseHash } from './route';
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
    $(id).scrollIntoView({ block: 'start', behavior: 'smooth' });
  }
}

let currentBook: BookResponse | undefined;

const cast = new CastStep(async (bookId, casting) => {
  const job = await api.createJob(bookId, casting);
  openJob(job.id, job);
  focusSection('generate-step');
});
const player = new Player();
const jobs = new JobStep((job: JobView) => {
  setStep('listen');
  void player.load(job).then(() => focusSection('listen-step'));
});
const library = new Library(() => void loadVoices(true));

function showBook(b: BookResponse): void {
  currentBook = b;
  cast.load(b);
  setStep('cast');
}

function openJob(id: string, initial?: JobView): void {
  setRoute({ job: id });
  setStep('generate');
  jobs.start(id, initial);
}

let settingHash = false;
function setRoute(r: { job?: string; book?: string }): void {
  const hash = formatHash(r);
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

async function route(): Promise<void> {
  const r = parseHash(location.hash);
  if (r.job) {
    if (jobs.id !== r.job) openJob(r.job);
  } else if (r.book) {
    try {
      const b = await api.book(r.book);
      showBook(b.value);
    } catch (e) {
      setError($('upload-error'), `Could not open the book: ${errorMessage(e)}`);
    }
  }
}

initUpload((b) => {
  setRoute({ book: b.id });
  showBook(b);
  focusSection('cast-step');
});
$('voices-refresh').addEventListener('click', () => void loadVoices(true));
$('new-book').addEventListener('click', () => {
  jobs.stop();
  setRoute({});
  currentBook = undefined;
  setStep('upload');
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
void loadVoices();
void route();

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      /* the app works without it */
    });
  });
}
