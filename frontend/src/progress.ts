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
