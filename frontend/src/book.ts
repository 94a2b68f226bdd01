// Whole-book time: chapters and segments are sorted by start, so every lookup is a binary search.
import type { ChapterOutline } from './types';

/** Index of the last item whose key is <= value (0 when value is before the first). */
export function lastAtOrBefore<T>(items: readonly T[], value: number, key: (t: T) => number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (key(items[mid]) <= value) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The chapter (position in the outline) playing at ms of the whole book. */
export function chapterAtMs(chapters: readonly ChapterOutline[], ms: number): number {
  return lastAtOrBefore(chapters, ms, (c) => c.startMs);
}

/** The chapter (position in the outline) holding the segment at this position of the whole list. */
export function chapterOfSegment(chapters: readonly ChapterOutline[], segment: number): number {
  return lastAtOrBefore(chapters, segment, (c) => c.firstSegment);
}

/** A time as a screen reader should say it: "1 hour 2 minutes 5 seconds". */
export function spokenTime(seconds: number): string {
  const s = Math.max(0, Math.floor(isFinite(seconds) ? seconds : 0));
  const parts: string[] = [];
  const unit = (n: number, word: string) => n && parts.push(`${n} ${word}${n === 1 ? '' : 's'}`);
  unit(Math.floor(s / 3600), 'hour');
  unit(Math.floor((s % 3600) / 60), 'minute');
  unit(s % 60, 'second');
  return parts.length ? parts.join(' ') : '0 seconds';
}

/** "12:05 of 3:02:00" for the whole-book slider's aria-valuetext. */
export function timelineText(posSec: number, durSec: number): string {
  return `${spokenTime(posSec)} of ${spokenTime(durSec)}`;
}
