import { cover } from './cover';
import { $, formatTime, h } from './dom';
import { removeFromShelf, shelfEntries, type ShelfEntry } from './store';

const STATE: Record<string, string> = {
  RUNNING: 'generating', ASSEMBLING: 'assembling', DONE: 'ready', FAILED: 'failed', CANCELLED: 'cancelled',
};

/** The library on the front page: this browser's books and jobs, newest first. */
let drawn = '';
export function renderShelf(currentJob?: string): void {
  const list = shelfEntries();
  // redrawn only when what it shows changed: job polling calls this every second, and a redraw would drop the focus
  const key = JSON.stringify([currentJob, list.map((e) => [e.jobId, e.title, e.state, e.durationMs, Math.floor((e.positionMs || 0) / 1000)])]);
  if (key === drawn) return;
  drawn = key;
  $('shelf').hidden = list.length === 0;
  $('shelf-count').textContent = list.length ? `(${list.length})` : '';
  $('shelf-list').replaceChildren(...list.map((e) => item(e, e.jobId === currentJob)));
}

export function shelfLine(e: Pick<ShelfEntry, 'state' | 'durationMs' | 'positionMs'>): string {
  const bits = [STATE[e.state || ''] || 'unknown state'];
  if (e.durationMs) bits.push(formatTime(e.durationMs / 1000));
  if (e.durationMs && e.positionMs) bits.push(`listened to ${formatTime(e.positionMs / 1000)} (${Math.min(100, Math.round((e.positionMs / e.durationMs) * 100))}%)`);
  return bits.join(' · ');
}

function item(e: ShelfEntry, current: boolean): HTMLLIElement {
  const del = h('button', { type: 'button', class: 'secondary shelf-del', 'aria-label': `Delete “${e.title}” from this list` }, 'Delete');
  del.addEventListener('click', () => {
    removeFromShelf(e.jobId);
    const next = del.closest('li')?.nextElementSibling?.querySelector('a') || del.closest('li')?.previousElementSibling?.querySelector('a');
    renderShelf(current ? e.jobId : undefined);
    (next as HTMLElement | null | undefined)?.focus();
    $('live').textContent = `Deleted “${e.title}” from the list.`;
  });
  return h('li', { class: 'shelf-item', 'data-job': e.jobId },
    cover(e.title, e.coverUrl, true),
    h('div', { class: 'shelf-text' },
      h('a', { href: `#job=${encodeURIComponent(e.jobId)}`, 'aria-current': current ? 'true' : undefined }, e.title),
      e.author ? h('span', { class: 'muted small' }, ` by ${e.author}`) : null,
      h('p', { class: 'muted small shelf-line' }, shelfLine(e))),
    del);
}
