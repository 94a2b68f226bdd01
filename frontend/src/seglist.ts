import { formatTime, h } from './dom';
import type { PlayerSegment } from './types';

/** Row height in px; CSS gives .seglist li the same height (virtual rows must be equal). */
export const ROW = 64;
const OVERSCAN = 6;

/** The rows to draw: the visible window plus some either side, and always the row holding the tab stop. */
export function rowsToDraw(count: number, scrollTop: number, height: number, active: number, row = ROW, overscan = OVERSCAN): number[] {
  if (count <= 0) return [];
  const first = Math.max(0, Math.floor(scrollTop / row) - overscan);
  const last = Math.min(count - 1, Math.ceil((scrollTop + height) / row) + overscan);
  const out: number[] = [];
  for (let i = first; i <= last; i++) out.push(i);
  if (active >= 0 && active < count && (active < first || active > last)) {
    if (active < first) out.unshift(active);
    else out.push(active);
  }
  return out;
}

/**
 * One chapter's segments as a virtual list: only the rows in view exist in the DOM, and the list is
 * one tab stop (roving tabindex) with ↑/↓, Home/End and Page Up/Down moving inside it.
 */
export class SegmentList {
  private items: PlayerSegment[] = [];
  private offset = 0;
  private current = -1;
  private active = 0;
  private rows = new Map<number, HTMLLIElement>();
  private readonly ol = h('ol', { class: 'segs' });
  private raf = 0;

  constructor(private readonly root: HTMLElement, private readonly onPick: (global: number) => void) {
    root.append(this.ol);
    root.addEventListener('scroll', () => {
      if (!this.raf) this.raf = requestAnimationFrame(() => {
        this.raf = 0;
        this.draw();
      });
    }, { passive: true });
    root.addEventListener('keydown', (e) => this.onKey(e));
    this.ol.addEventListener('click', (e) => {
      const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button.seg');
      if (b) {
        this.active = Number(b.dataset.index) - this.offset;
        this.onPick(Number(b.dataset.index));
      }
    });
  }

  /** Shows a chapter's segments; offset is the whole-book position of items[0]. */
  set(items: PlayerSegment[], offset: number, current: number): void {
    this.items = items;
    this.offset = offset;
    for (const li of this.rows.values()) li.remove();
    this.rows.clear();
    this.ol.style.height = `${items.length * ROW}px`;
    this.current = current;
    this.active = Math.max(0, Math.min(items.length - 1, current - offset));
    this.draw();
    this.reveal(this.active);
  }

  setCurrent(global: number): void {
    const old = this.rows.get(this.current - this.offset)?.firstElementChild;
    old?.removeAttribute('aria-current');
    this.current = global;
    const local = global - this.offset;
    if (local >= 0 && local < this.items.length) {
      // while the listener moves in the list, playback moving on must not pull the view away
      if (!this.root.contains(document.activeElement)) {
        this.active = local;
        this.reveal(local);
      }
      this.draw();
    }
  }

  private reveal(local: number): void {
    const top = local * ROW;
    const r = this.root;
    if (top < r.scrollTop) r.scrollTop = top;
    else if (top + ROW > r.scrollTop + r.clientHeight) r.scrollTop = top + ROW - r.clientHeight;
  }

  private draw(): void {
    const want = rowsToDraw(this.items.length, this.root.scrollTop, this.root.clientHeight || 400, this.active);
    const keep = new Set(want);
    for (const [i, li] of this.rows) {
      if (!keep.has(i)) {
        li.remove();
        this.rows.delete(i);
      }
    }
    // Rows already drawn stay where they are (moving the focused one would lose focus); new ones go in order.
    let next: ChildNode | null = this.ol.firstChild;
    for (const i of want) {
      let li = this.rows.get(i);
      if (!li) {
        li = this.row(i);
        this.rows.set(i, li);
        this.ol.insertBefore(li, next);
      }
      next = li.nextSibling;
      const b = li.firstElementChild as HTMLButtonElement;
      b.tabIndex = i === this.active ? 0 : -1;
      if (i + this.offset === this.current) b.setAttribute('aria-current', 'true');
      else b.removeAttribute('aria-current');
    }
  }

  private row(i: number): HTMLLIElement {
    const s = this.items[i];
    const g = i + this.offset;
    const li = h('li', { 'aria-setsize': this.items.length, 'aria-posinset': i + 1 },
      h('button', { type: 'button', class: 'seg', 'data-index': g, tabindex: -1 },
        h('span', { class: 'who' }, s.role, s.delivery ? h('span', { class: 'chip' }, s.delivery) : null),
        h('span', { class: 'when muted' }, formatTime(s.startMs / 1000)),
        h('span', { class: 'what' }, s.text)));
    li.style.transform = `translateY(${i * ROW}px)`;
    return li;
  }

  private onKey(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey || !(e.target as HTMLElement).matches('button.seg')) return;
    const page = Math.max(1, Math.floor(this.root.clientHeight / ROW) - 1);
    const moves: Record<string, number> = {
      ArrowDown: this.active + 1, ArrowUp: this.active - 1, Home: 0, End: this.items.length - 1,
      PageDown: this.active + page, PageUp: this.active - page,
    };
    if (!(e.key in moves)) return;
    e.preventDefault();
    this.focus(moves[e.key]);
  }

  /** Moves the tab stop and the focus to a row (local index), drawing it first. */
  focus(local: number): void {
    this.active = Math.max(0, Math.min(this.items.length - 1, local));
    this.reveal(this.active);
    this.draw();
    (this.rows.get(this.active)?.firstElementChild as HTMLElement | undefined)?.focus({ preventScroll: true });
  }
}
