import { $, formatTime, h } from './dom';
import { SHORTCUTS } from './keys';
import { parseSleep, sleepDue, sleepText, type SleepMode } from './sleep';
import { addBookmark, bookmarks, browserStore, removeBookmark } from './store';
import type { Player } from './player';

const SPEEDS = [0.75, 1, 1.25, 1.5, 1.75, 2];

/** The player's settings and tools: speed (slider + presets), skip lengths, sleep timer, bookmarks, shortcut list. */
export class PlayerExtras {
  rate = 1;
  skipBack = 15;
  skipForward = 30;
  private sleep: SleepMode = { kind: 'off' };
  private readonly speed = $<HTMLInputElement>('speed');
  private readonly presets: HTMLButtonElement[];

  constructor(private readonly player: Player) {
    const store = browserStore();
    const saved = Number(store?.getItem('eab:rate'));
    this.presets = SPEEDS.map((r) => h('button', { type: 'button', class: 'preset secondary', 'data-rate': r, 'aria-pressed': 'false' }, `${r}×`));
    $('speed-presets').replaceChildren(...this.presets);
    for (const b of this.presets) b.addEventListener('click', () => this.setRate(Number(b.dataset.rate)));
    this.speed.addEventListener('input', () => this.setRate(Number(this.speed.value)));
    this.setRate(saved >= 0.5 && saved <= 3 ? saved : 1);

    const [back, fwd] = (store?.getItem('eab:skip') || '15,30').split(',').map(Number);
    const skipSel = (id: string, value: number, set: (n: number) => void) => {
      const s = $<HTMLSelectElement>(id);
      s.value = String(value);
      if (!s.value) s.value = s.options[0].value;
      set(Number(s.value));
      s.addEventListener('change', () => {
        set(Number(s.value));
        store?.setItem('eab:skip', `${this.skipBack},${this.skipForward}`);
      });
    };
    skipSel('skip-back', back, (n) => {
      this.skipBack = n;
      $('back-label').textContent = `${n} s`;
      $('back').setAttribute('aria-label', `Back ${n} s`);
    });
    skipSel('skip-forward', fwd, (n) => {
      this.skipForward = n;
      $('forward-label').textContent = `${n} s`;
      $('forward').setAttribute('aria-label', `Forward ${n} s`);
    });

    $<HTMLSelectElement>('sleep').addEventListener('change', (e) => {
      this.sleep = parseSleep((e.target as HTMLSelectElement).value, Date.now());
      this.tick();
      // said once here; the countdown beside the select is not a live region (it changes every second)
      $('live-player').textContent = this.sleep.kind === 'off' ? 'Sleep timer off.' : `Sleep timer set. ${sleepText(this.sleep, Date.now())}.`;
    });
    $('bookmark-add').addEventListener('click', () => this.addBookmark());
    const volume = $<HTMLInputElement>('volume');
    const savedVolume = Number(store?.getItem('eab:volume') ?? 1);
    volume.value = String(savedVolume >= 0 && savedVolume <= 1 ? savedVolume : 1);
    const setVolume = () => {
      player.rateTarget.volume = Number(volume.value);
      volume.setAttribute('aria-valuetext', `${Math.round(Number(volume.value) * 100)}%`);
      store?.setItem('eab:volume', volume.value);
    };
    volume.addEventListener('input', setVolume);
    setVolume();
    $('shortcuts').replaceChildren(...SHORTCUTS.map((s) => h('li', {},
      ...s.keys.flatMap((k, i) => [i ? ' or ' : '', h('kbd', {}, k)]), ` ${s.label}`)));
    setInterval(() => this.tick(), 1000);
  }

  setRate(r: number): void {
    const rate = Math.max(0.5, Math.min(3, Math.round(r * 100) / 100));
    this.rate = rate;
    const a = this.player.rateTarget;
    a.playbackRate = rate;
    a.defaultPlaybackRate = rate;
    this.speed.value = String(rate);
    $('speed-out').textContent = `${rate}×`;
    this.speed.setAttribute('aria-valuetext', `${rate} times`);
    for (const b of this.presets) b.setAttribute('aria-pressed', String(Number(b.dataset.rate) === rate));
    browserStore()?.setItem('eab:rate', String(rate));
  }

  nudgeRate(delta: number): void {
    this.setRate(this.rate + delta);
    $('live-player').textContent = `Speed ${this.rate}×`;
  }

  /** Called every second and on every frame while playing: counts the sleep timer down. */
  tick(): void {
    const now = Date.now();
    const text = sleepText(this.sleep, now);
    const status = $('sleep-status');
    if (status.textContent !== text) status.textContent = text;
    if (sleepDue(this.sleep, now)) this.fallAsleep();
  }

  /** A chapter just ended: true when the sleep timer stops here. */
  chapterEnded(): boolean {
    if (!sleepDue(this.sleep, Date.now(), true)) return false;
    this.fallAsleep();
    return true;
  }

  private fallAsleep(): void {
    this.sleep = { kind: 'off' };
    $<HTMLSelectElement>('sleep').value = '';
    $('sleep-status').textContent = '';
    this.player.pause();
    $('live-player').textContent = 'Sleep timer: paused.';
  }

  loadBookmarks(): void {
    const id = this.player.job;
    if (id) this.renderBookmarks(bookmarks(id));
  }

  addBookmark(): void {
    const id = this.player.job;
    if (!id || !this.player.book) return;
    const ms = this.player.positionMs();
    const label = `${this.player.chapterTitle || 'Chapter'} · ${formatTime(ms / 1000)}`;
    this.renderBookmarks(addBookmark(id, ms, label));
    $('live-player').textContent = `Bookmark added: ${label}`;
  }

  private renderBookmarks(list: ReturnType<typeof bookmarks>): void {
    const id = this.player.job!;
    $('bookmark-count').textContent = list.length ? `(${list.length})` : '';
    $('bookmark-list').replaceChildren(...list.map((b) => {
      const go = h('button', { type: 'button', class: 'secondary bm-go' }, b.label);
      go.addEventListener('click', () => this.player.seekMs(b.ms));
      const del = h('button', { type: 'button', class: 'secondary bm-del', 'aria-label': `Delete bookmark ${b.label}` }, 'Delete');
      del.addEventListener('click', () => {
        this.renderBookmarks(removeBookmark(id, b.createdAt));
        $('live-player').textContent = 'Bookmark deleted.';
        $('bookmark-add').focus();
      });
      return h('li', {}, go, del);
    }));
    if (!list.length) $('bookmark-list').append(h('li', { class: 'muted' }, 'No bookmarks yet. Press B or “Add bookmark” while listening.'));
  }
}
