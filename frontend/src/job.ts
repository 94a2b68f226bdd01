import { api, errorMessage } from './api';
import { $, formatDuration, h, setError, show } from './dom';
import { Eta, announcement, isFinal, percent, pollDelay } from './progress';
import { browserStore } from './store';
import type { JobView } from './types';

const STATE_WORDS: Record<string, string> = {
  RUNNING: 'Synthesizing',
  ASSEMBLING: 'Assembling the audiobook',
  DONE: 'Done',
  FAILED: 'Failed',
  CANCELLED: 'Cancelled',
};
const ASM_KEY = 'eab:asm-ms-per-part';
/** Assembly time per part before this browser has seen one (measured on the local runtime). */
const ASM_DEFAULT_MS = 8;

export class JobStep {
  private jobId?: string;
  private last?: JobView;
  private timer?: ReturnType<typeof setTimeout>;
  private errors = 0;
  private abort?: AbortController;
  private waitingOnline = false;
  private cancelling = false;
  private eta = new Eta(ASM_DEFAULT_MS);

  /** onDone: the job finished; onChange: every new view (the library keeps state and title). */
  constructor(private onDone: (job: JobView) => void, private onChange: (job: JobView) => void, onRecast: () => void) {
    $('retry').addEventListener('click', () => void this.act('retry'));
    $('cancel').addEventListener('click', () => void this.act('cancel'));
    $('recast').addEventListener('click', onRecast);
  }

  get id(): string | undefined {
    return this.jobId;
  }
  /** The open job's last view. */
  get current(): JobView | undefined {
    return this.jobId ? this.last : undefined;
  }

  /** Shown the moment Generate is pressed, before the server has answered. */
  planning(segments?: number): void {
    this.stop();
    this.jobId = undefined;
    this.last = undefined;
    setError($('job-error'), null);
    const bar = $<HTMLProgressElement>('job-progress');
    bar.removeAttribute('value');
    bar.setAttribute('aria-valuetext', 'planning');
    $('job-title').textContent = '';
    this.status(`Planning: splitting ${segments ? `${segments.toLocaleString()} segments` : 'the book'} into parts and checking the cache…`, 'PLANNING');
    show($('failures'), false);
    for (const b of ['retry', 'cancel', 'recast']) show($(b), false);
    $('live').textContent = 'Planning the job.';
  }

  /** after: the first poll waits for it (the player's first request goes alone: on a busy server they slow each other). */
  start(jobId: string, initial?: JobView, after?: Promise<unknown>): void {
    this.stop();
    this.jobId = jobId;
    this.last = undefined;
    this.errors = 0;
    this.cancelling = false;
    this.eta = new Eta(Number(browserStore()?.getItem(ASM_KEY)) || ASM_DEFAULT_MS);
    setError($('job-error'), null);
    if (initial) this.render(initial);
    else this.status('Loading the job…', 'LOADING');
    if (after) void after.finally(() => this.jobId === jobId && !this.timer && void this.tick());
    else void this.tick();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.abort?.abort();
  }

  private status(text: string, state: string): void {
    $('job-status').textContent = text;
    $('job-status').dataset.state = state;
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), pollDelay(this.errors));
  }

  private async tick(): Promise<void> {
    const id = this.jobId;
    if (!id) return;
    if (!navigator.onLine) {
      // No point polling while offline; resume as soon as the connection is back.
      setError($('job-error'), 'You are offline; progress will update when the connection is back.');
      if (!this.waitingOnline) {
        this.waitingOnline = true;
        window.addEventListener('online', () => {
          this.waitingOnline = false;
          void this.tick();
        }, { once: true });
      }
      return;
    }
    this.abort = new AbortController();
    try {
      const job = await api.job(id, this.abort.signal);
      if (id !== this.jobId || this.cancelling) return;
      this.errors = 0;
      setError($('job-error'), null);
      this.render(job);
      if (!isFinal(job.state)) this.schedule();
    } catch (e) {
      if ((e as Error)?.name === 'AbortError' || id !== this.jobId) return;
      this.errors++;
      const wait = Math.round(pollDelay(this.errors) / 1000);
      setError($('job-error'), `${errorMessage(e)} Retrying in ${wait} s.`);
      this.schedule();
    }
  }

  private render(job: JobView): void {
    const prev = this.last;
    this.last = job;
    const p = percent(job);
    const bar = $<HTMLProgressElement>('job-progress');
    if (job.state === 'ASSEMBLING') bar.removeAttribute('value');
    else bar.value = p;
    bar.setAttribute('aria-valuetext', job.state === 'ASSEMBLING' ? 'assembling' : `${p}%`);
    $('job-title').textContent = job.title ? `“${job.title}”` : '';
    const left = this.eta.update(job);
    if (job.state === 'DONE' && prev && prev.state !== 'DONE') {
      const ms = this.eta.assemblyMeasured(job.parts.total);
      if (ms) browserStore()?.setItem(ASM_KEY, String(Math.round(ms * 10) / 10));
    }
    const parts = `${job.parts.done.toLocaleString()} of ${job.parts.total.toLocaleString()} parts`;
    const bits = [job.state === 'CANCELLED' ? `Cancelled after ${parts}` : job.state === 'ASSEMBLING'
      ? `Assembling the audiobook from ${job.parts.total.toLocaleString()} parts` : `${STATE_WORDS[job.state] || job.state}: ${parts} (${p}%)`];
    if (job.parts.failed) bits.push(`${job.parts.failed} failed`);
    if (left !== undefined) bits.push(`about ${formatDuration(left)} left, assembly included`);
    this.status(bits.join(' · '), job.state);
    const failures = job.failures || [];
    show($('failures'), failures.length > 0 && job.state !== 'CANCELLED');
    $('failure-list').replaceChildren(...failures.map((f) =>
      h('li', {}, h('strong', {}, `Part ${f.part}`), ` (segment ${f.segment}, ${f.role}): ${f.reason}`,
        h('span', { class: 'muted' }, ` — ${f.attempts} attempt${f.attempts === 1 ? '' : 's'}${f.dead ? ', gave up' : ', retrying'}`))));
    show($('retry'), job.state !== 'CANCELLED' && (failures.some((f) => f.dead) || job.state === 'FAILED'));
    show($('cancel'), job.state === 'RUNNING' || job.state === 'ASSEMBLING');
    show($('recast'), job.state === 'CANCELLED' || job.state === 'FAILED');
    $('recast-hint').hidden = job.state !== 'CANCELLED';
    const say = announcement(prev, job);
    if (say) $('live').textContent = say;
    this.onChange(job);
    if (job.state === 'DONE' && prev?.state !== 'DONE') this.onDone(job);
  }

  private async act(what: 'retry' | 'cancel'): Promise<void> {
    const id = this.jobId;
    if (!id) return;
    const btn = $<HTMLButtonElement>(what);
    btn.disabled = true;
    if (what === 'cancel') {
      // Stop showing progress at once: parts in flight may still finish, but this job is over for the reader.
      this.cancelling = true;
      this.stop();
      this.status('Cancelling: no new parts are started…', 'CANCELLING');
      $<HTMLProgressElement>('job-progress').removeAttribute('value');
    } else this.status('Re-queuing the failed parts…', 'RETRYING');
    try {
      const job = what === 'retry' ? await api.retryJob(id) : await api.cancelJob(id);
      this.cancelling = false;
      this.render(job);
      if (!isFinal(job.state)) {
        this.errors = 0;
        this.schedule();
      } else this.stop();
    } catch (e) {
      this.cancelling = false;
      setError($('job-error'), errorMessage(e));
      void this.tick();
    } finally {
      btn.disabled = false;
    }
  }
}
