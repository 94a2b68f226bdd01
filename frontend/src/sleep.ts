/** Sleep timer: pause after some minutes, or at the end of the current chapter. */
export type SleepMode = { kind: 'off' } | { kind: 'minutes'; endsAt: number } | { kind: 'chapter' };

export function parseSleep(value: string, now: number): SleepMode {
  if (value === 'chapter') return { kind: 'chapter' };
  const min = Number(value);
  return min > 0 && isFinite(min) ? { kind: 'minutes', endsAt: now + min * 60_000 } : { kind: 'off' };
}

/** True when the timer has run out: time passed, or a chapter ended while waiting for its end. */
export function sleepDue(mode: SleepMode, now: number, chapterEnded = false): boolean {
  if (mode.kind === 'minutes') return now >= mode.endsAt;
  if (mode.kind === 'chapter') return chapterEnded;
  return false;
}

/** "Sleep in 14:32", "Sleep at the end of the chapter", or "". */
export function sleepText(mode: SleepMode, now: number): string {
  if (mode.kind === 'chapter') return 'Stops at the end of this chapter';
  if (mode.kind !== 'minutes') return '';
  const left = Math.max(0, Math.ceil((mode.endsAt - now) / 1000));
  return `Stops in ${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
}
