import { api, errorMessage } from './api';
import { $, formatDuration, h, setError, show } from './dom';
import { announcement, isFinal, percent, pollDelay } from './progress';
import type { JobView } from './types';

const STATE_WORDS: Record<string, string> = {
  RUNNING: 'Synthesizing',
  ASSEMBLING: 'Assembling the audiobook',
  DONE: 'Done',
  FAILED: 'Failed',
  CANCELLED: 'Cancelled',
};

export class JobStep {
  private jobId?: string;
  private last?: JobView;
  private timer?: ReturnType<typeof setTimeout>;
  private errors = 0;
  private abort?: AbortController;
  private waitingOnline = false;

  constructor(private onDone: (job: JobView) => void) {
    $('retry').addEventListener('click', () => void this.act('retry'));
    $('cancel').addEventListener('click', () => void this.act('cancel'));
  }

  get id(): string | undefined {
    return this.jobId;
  }

  start(jobId: string, initial?: JobView): void {
    this.stop();
    this.jobId = jobId;
    this.last = undefined;
    this.errors = 0;
    setError($('job-error'), null);
    if (initial) this.render(initial);
    else $('job-status').textContent = 'Loading…';
    void this.tick();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.abort?.abort();
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
      if (id !== this.jobId) return;
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
    bar.setAttribute('aria-valuetext', `${p}%`);
    $('job-title').textContent = job.title ? `“${job.title}”` : '';
    const bits = [`${STATE_WORDS[job.state] || job.state}: ${job.parts.done} of ${job.parts.total} parts (${p}%)`];
    if (job.parts.failed) bits.push(`${job.parts.failed} failed`);
    if (!isFinal(job.state) && job.etaSeconds != null && job.etaSeconds >= 0) bits.push(`about ${formatDuration(job.etaSeconds)} left`);
    $('job-status').textContent = bits.join(' · ');
    $('job-status').dataset.state = job.state;

    const failures = job.failures || [];
    show($('failures'), failures.length > 0);
    $('failure-list').replaceChildren(...failures.map((f) =>
      h('li', {}, h('strong', {}, `Part ${f.part}`), ` (segment ${f.segment}, ${f.role}): ${f.reason}`,
        h('span', { class: 'muted' }, ` — ${f.attempts} attempt${f.attempts === 1 ? '' : 's'}${f.dead ? ', gave up' : ', retrying'}`))));
    show($('retry'), failures.some((f) => f.dead) || job.state === 'FAILED');
    show($('cancel'), job.state === 'RUNNING' || job.state === 'ASSEMBLING');

    const say = announcement(prev, job);
    if (say) $('live').textContent = say;
    if (job.state === 'DONE' && prev?.state !== 'DONE') this.onDone(job);
  }

  private async act(what: 'retry' | 'cancel'): Promise<void> {
    const id = this.jobId;
    if (!id) return;
    const btn = $<HTMLButtonElement>(what);
    btn.disabled = true;
    try {
      const job = what === 'retry' ? await api.retryJob(id) : await api.cancelJob(id);
      this.render(job);
      if (!isFinal(job.state)) {
        this.errors = 0;
        this.schedule();
      } else this.stop();
    } catch (e) {
      setError($('job-error'), errorMessage(e));
    } finally {
      btn.disabled = false;
    }
  }
}
