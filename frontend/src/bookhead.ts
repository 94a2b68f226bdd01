import { cover } from './cover';
import { $, formatTime, h } from './dom';
import type { SegmentsResponse } from './types';

/** Cover, title, author, length and the chapter menu, in the Listen card and the player bar. */
export function renderBookHead(o: SegmentsResponse, jobTitle: string): void {
  const title = o.title || jobTitle || 'Untitled';
  $('player-cover').replaceChildren(cover(title, o.coverUrl));
  $('bar-cover').replaceChildren(cover(title, o.coverUrl, true));
  $('player-title').textContent = title;
  $('bar-title').textContent = title;
  $('player-author').textContent = o.author ? `by ${o.author}` : '';
  const n = o.segmentCount ?? o.chapters.reduce((t, c) => t + c.segments, 0);
  $('player-meta').textContent = `${formatTime(o.durationMs / 1000)} · ${o.chapters.length} chapter${o.chapters.length === 1 ? '' : 's'} · ${n.toLocaleString()} segments`;
  $<HTMLSelectElement>('chapter-select').replaceChildren(...o.chapters.map((c, i) =>
    h('option', { value: i }, `${i + 1}. ${c.title || `Chapter ${i + 1}`} (${formatTime((c.endMs - c.startMs) / 1000)})`)));
}
