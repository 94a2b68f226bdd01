import type { JobView } from './types';

/** Delay before the next poll: 1 s normally; doubling after consecutive errors, capped at 30 s. */
export function pollDelay(consecutiveErrors: number, base = 1000, max = 30_000): number {
  if (consecutiveErrors <= 0) return base;
  return Math.min(max, base * 2 ** Math.min(consecutiveErrors, 10));
}

export function percent(job: Pick<JobView, 'parts' | 'state'>): number {
  if (job.state === 'DONE') return 100;
  const { done, total } = job.parts;
  if (!total) return 0;
  return Math.max(0, Math.min(100, Math.floor((done / total) * 100)));
}

export function isFinal(state: string): boolean {
  return state === 'DONE' || state === 'FAILED' || state === 'CANCELLED';
}

/**
 * What to tell a screen reader, or null to stay quiet: state changes, new failures, and every
 * 25% of progress; never every tick.
 */
export function announcement(prev: JobView | undefined, cur: JobView): string | null {
  const p = percent(cur);
  if (!prev || prev.state !== cur.state) {
    switch (cur.state) {
      case 'RUNNING':
        return `Generating: ${p}% done.`;
      case 'ASSEMBLING':
        return 'All parts synthesized; assembling the audiobook.';
      case 'DONE':
        return 'The audiobook is ready.';
      case 'FAILED':
        return `Generation failed: ${cur.parts.failed} part${cur.parts.failed === 1 ? '' : 's'} could not be synthesized.`;
      case 'CANCELLED':
        return 'Generation cancelled.';
    }
  }
  if (cur.parts.failed > (prev?.parts.failed ?? 0)) return `${cur.parts.failed} part${cur.parts.failed === 1 ? '' : 's'} failed.`;
  const q = (j: JobView) => Math.floor(percent(j) / 25);
  if (prev && q(cur) > q(prev) && cur.state === 'RUNNING') return `${p}% done.`;
  return null;
}

/**
 * A time-left estimate that covers assembly and does not jump: the synthesis rate is measured in
 * the browser (smoothed over ticks), assembly is priced per part (learned from earlier jobs here),
 * and the shown figure counts down between ticks, moving only part of the way to a new estimate.
 */
export class Eta {
  private rate?: number;
  private mark?: { t: number; done: number };
  private shown?: number;
  private shownAt = 0;
  private assemblingSince?: number;

  constructor(private assemblyMsPerPart: number, private readonly now: () => number = Date.now) {}

  /** Seconds left, or undefined when nothing sensible can be said yet (or the job is over). */
  update(job: Pick<JobView, 'state' | 'parts' | 'etaSeconds'>): number | undefined {
    const t = this.now();
    const { done, total } = job.parts;
    const assembly = (this.assemblyMsPerPart * total) / 1000 + 1;
    let raw: number | undefined;
    if (job.state === 'RUNNING') {
      if (!this.mark || done < this.mark.done) this.mark = { t, done };
      else if (done > this.mark.done && t - this.mark.t >= 500) {
        const r = (done - this.mark.done) / ((t - this.mark.t) / 1000);
        this.rate = this.rate === undefined ? r : 0.7 * this.rate + 0.3 * r;
        this.mark = { t, done };
      }
      const synth = this.rate ? (total - done) / this.rate : job.etaSeconds ?? undefined;
      raw = synth === undefined || synth < 0 ? undefined : synth + assembly;
    } else if (job.state === 'ASSEMBLING') {
      this.assemblingSince ??= t;
      raw = Math.max(1, assembly - (t - this.assemblingSince) / 1000);
    } else {
      this.shown = undefined;
      return undefined;
    }
    if (raw === undefined) return undefined;
    if (this.shown === undefined) this.shown = raw;
    else {
      const counted = Math.max(1, this.shown - (t - this.shownAt) / 1000);
      const off = Math.abs(raw - counted);
      // a later estimate that is higher (cached parts came first, the slow ones now) is taken in small steps
      const step = off <= Math.max(3, counted * 0.2) ? 0 : 0.35 * (raw - counted);
      this.shown = counted + Math.min(step, Math.max(2, counted * 0.15));
    }
    this.shownAt = t;
    return Math.max(1, Math.round(this.shown));
  }

  /** The measured assembly time per part when assembly has just ended (to remember for the next job). */
  assemblyMeasured(total: number): number | undefined {
    if (this.assemblingSince === undefined || !total) return undefined;
    return (this.now() - this.assemblingSince) / total;
  }
}
