import { api, errorMessage } from './api';
import { chapterAtMs, chapterOfSegment, lastAtOrBefore, timelineText } from './book';
import { artwork, cover } from './cover';
import { $, formatTime, h, setError } from './dom';
import { actionFor, type Action } from './keys';
import { PlayerExtras } from './player-extras';
import { loadPosition, savePosition } from './position';
import { SegmentList } from './seglist';
import { updateShelf } from './store';
import { markIndexAt, splitByWords } from './timing';
import type { JobView, PlayerSegment, SegmentsResponse } from './types';


/**
 * The book player: one whole-book timeline over per-segment audio. Only the outline (chapters,
 * duration) and the chapter in use are loaded; other chapters come when the listener gets there.
 */
export class Player {
  private jobId?: string;
  private outline?: SegmentsResponse;
  private chapters = new Map<number, Promise<PlayerSegment[]>>();
  private loaded = new Map<number, PlayerSegment[]>();
  private cur = -1;
  private ch = -1;
  private wordSpans: HTMLElement[] = [];
  private sentenceSpans: HTMLElement[][] = [];
  private word = -1;
  private sentence = -1;
  private raf = 0;
  private lastSave = 0;
  private lastMediaPos = 0;
  private retriedUrl = false;
  private readonly audio = $<HTMLAudioElement>('audio');
  private readonly seek = $<HTMLInputElement>('seek');
  private readonly list: SegmentList;
  private readonly extras: PlayerExtras;
  private selectToken = 0;
  private seekTimer?: ReturnType<typeof setTimeout>;
  private seeking = false;
  /** A play() is waiting for the new source's metadata: the player counts as playing. */
  private pendingPlay = false;
  /** Space went down on an element we took it from: swallow its keyup too (a button clicks on keyup). */
  private spaceTaken = false;

  constructor() {
    const a = this.audio;
    this.list = new SegmentList($('segment-list'), (g) => this.select(g, { autoplay: true }));
    this.extras = new PlayerExtras(this);
    const on = (id: string, f: () => void) => $(id).addEventListener('click', f);
    on('play', () => this.toggle());
    on('prev', () => this.step(-1));
    on('next', () => this.step(1));
    on('back', () => this.skip(-this.extras.skipBack));
    on('forward', () => this.skip(this.extras.skipForward));
    on('prev-chapter', () => this.chapter(-1));
    on('next-chapter', () => this.chapter(1));
    $<HTMLSelectElement>('chapter-select').addEventListener('change', (e) => this.goToChapter(Number((e.target as HTMLSelectElement).value)));
    this.seek.addEventListener('input', () => {
      this.seeking = true;
      const v = Number(this.seek.value);
      this.showTime(v);
      clearTimeout(this.seekTimer);
      this.seekTimer = setTimeout(() => this.seekMs(v * 1000), 150);
    });
    this.seek.addEventListener('change', () => {
      clearTimeout(this.seekTimer);
      this.seekMs(Number(this.seek.value) * 1000);
      this.seeking = false;
    });
    a.addEventListener('play', () => this.onPlayState());
    a.addEventListener('pause', () => {
      this.onPlayState();
      this.save(true);
    });
    a.addEventListener('loadedmetadata', () => {
      a.playbackRate = this.extras.rate;
      this.update();
    });
    a.addEventListener('timeupdate', () => {
      if (a.paused) this.update();
    });
    a.addEventListener('seeked', () => this.update());
    a.addEventListener('ended', () => this.onEnded());
    a.addEventListener('error', () => void this.onAudioError());
    on('segments-refresh', () => void this.refreshLinks());
    document.addEventListener('keydown', (e) => this.onKey(e));
    document.addEventListener('keyup', (e) => {
      if (this.spaceTaken && (e.key === ' ' || e.code === 'Space')) {
        this.spaceTaken = false;
        e.preventDefault();
      }
    });
    window.addEventListener('pagehide', () => this.save(true));
    this.mediaSession();
  }

  get job(): string | undefined {
    return this.jobId;
  }
  get book(): SegmentsResponse | undefined {
    return this.outline;
  }
  get chapterTitle(): string {
    return this.outline?.chapters[this.ch]?.title || '';
  }
  /** Playing, or about to play as soon as the new segment has loaded. */
  get playing(): boolean {
    return this.pendingPlay || !this.audio.paused;
  }
  get rateTarget(): HTMLAudioElement {
    return this.audio;
  }

  /** Opens a finished job: the outline and the chapter the listener was in (one request). */
  async load(job: JobView): Promise<void> {
    if (this.jobId !== job.id) {
      this.pendingPlay = false;
      this.audio.pause();
      this.audio.removeAttribute('src');
      this.cur = -1;
      this.ch = -1;
      this.outline = undefined;
      this.chapters.clear();
      this.loaded.clear();
    }
    this.jobId = job.id;
    this.renderDownloads(job);
    $('player-bar').hidden = false;
    document.body.classList.add('has-player');
    const err = $('player-error');
    setError(err, null);
    const pos = loadPosition(job.id);
    try {
      const r = (await api.segments(job.id, pos?.chapter ?? 0)).value;
      if (this.jobId !== job.id) return;
      this.outline = r;
      const at = r.chapters.findIndex((c) => c.index === (r.chapter ?? r.segments[0]?.chapter));
      this.loaded.set(at, r.segments);
      this.chapters.set(at, Promise.resolve(r.segments));
      this.renderBook(job);
      const c = r.chapters[at];
      const inChapter = pos && pos.segment >= c.firstSegment && pos.segment < c.firstSegment + c.segments;
      if (this.cur < 0) this.select(inChapter ? pos.segment : c.firstSegment, { time: inChapter ? pos.time : 0, autoplay: false });
      performance.mark('player-ready');
      updateShelf({ jobId: job.id, bookId: job.bookId, title: r.title, author: r.author || undefined, durationMs: r.durationMs, state: 'DONE', coverUrl: r.coverUrl || undefined });
      this.extras.loadBookmarks();
    } catch (e) {
      setError(err, `Could not load the book: ${errorMessage(e)}`);
    }
  }

  private renderBook(job: JobView): void {
    const o = this.outline!;
    const title = o.title || job.title || 'Untitled';
    $('player-cover').replaceChildren(cover(title, o.coverUrl));
    $('bar-cover').replaceChildren(cover(title, o.coverUrl, true));
    $('player-title').textContent = title;
    $('bar-title').textContent = title;
    $('player-author').textContent = o.author ? `by ${o.author}` : '';
    const n = o.segmentCount ?? o.chapters.reduce((t, c) => t + c.segments, 0);
    $('player-meta').textContent = `${formatTime(o.durationMs / 1000)} · ${o.chapters.length} chapter${o.chapters.length === 1 ? '' : 's'} · ${n.toLocaleString()} segments`;
    $<HTMLSelectElement>('chapter-select').replaceChildren(...o.chapters.map((c, i) =>
      h('option', { value: i }, `${i + 1}. ${c.title || `Chapter ${i + 1}`} (${formatTime((c.endMs - c.startMs) / 1000)})`)));
    this.seek.max = String(Math.max(1, Math.round(o.durationMs / 1000)));
  }

  private renderDownloads(job: JobView): void {
    const o = job.outputs || {};
    const safe = (job.title || 'audiobook').replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'audiobook';
    const link = (href: string | undefined, file: string, cls: string, id: string, text: string) =>
      href ? h('a', { href, download: file, class: `button ${cls}`, id, 'data-file': file }, text) : null;
    const links = [
      link(o.audiobook, `${safe}.mp3`, 'primary', 'dl-audiobook', '⬇ Audiobook (MP3)'),
      link(o.captions, `${safe}.vtt`, '', 'dl-captions', '⬇ Captions (VTT)'),
      link(o.chapters, `${safe}.chapters.json`, 'secondary', 'dl-chapters', 'Chapters (JSON)'),
    ].filter(Boolean) as HTMLAnchorElement[];
    // A download attribute is ignored on another origin (presigned links are). The server names the MP3
    // after the book; the small captions and chapters files are fetched and saved under the book's name.
    for (const a of links.slice(o.audiobook ? 1 : 0)) a.addEventListener('click', (e) => void saveAs(e, a));
    $('downloads').replaceChildren(...(links.length ? [h('h3', {}, 'Downloads'), h('p', { class: 'links' }, ...links)] : []));
  }

  private chapterSegments(at: number): Promise<PlayerSegment[]> {
    let p = this.chapters.get(at);
    if (!p) {
      const id = this.jobId!;
      p = api.segments(id, this.outline!.chapters[at].index).then((r) => {
        this.loaded.set(at, r.value.segments);
        return r.value.segments;
      });
      p.catch(() => this.chapters.delete(at));
      this.chapters.set(at, p);
    }
    return p;
  }

  private async refreshLinks(): Promise<void> {
    if (!this.jobId || !this.outline || this.ch < 0) return;
    this.chapters.clear();
    this.loaded.clear();
    try {
      const r = await api.segments(this.jobId, this.outline.chapters[this.ch].index, true);
      this.loaded.set(this.ch, r.value.segments);
      this.chapters.set(this.ch, Promise.resolve(r.value.segments));
      this.retriedUrl = false;
      this.audio.removeAttribute('src');
      this.select(this.cur, { time: this.audio.currentTime, autoplay: this.playing, force: true });
    } catch (e) {
      setError($('player-error'), `Could not refresh the links: ${errorMessage(e)}`);
    }
  }

  /** Goes to a segment (position in the whole book), loading its chapter first when needed. */
  select(global: number, opts: { time?: number; autoplay?: boolean; force?: boolean } = {}): void {
    const o = this.outline;
    if (!o) return;
    const count = o.segmentCount ?? o.chapters.reduce((t, c) => t + c.segments, 0);
    const g = Math.max(0, Math.min(count - 1, global));
    const at = chapterOfSegment(o.chapters, g);
    const segs = this.loaded.get(at);
    const token = ++this.selectToken;
    if (!segs) {
      $('now-speaking').textContent = `Loading chapter ${at + 1}…`;
      if (opts.autoplay) this.pendingPlay = true;
      this.onPlayState();
      this.chapterSegments(at).then(() => {
        if (token === this.selectToken) this.select(g, opts);
      }, (e: unknown) => setError($('player-error'), `Could not load chapter ${at + 1}: ${errorMessage(e)}`));
      return;
    }
    const seg = segs[g - o.chapters[at].firstSegment];
    const changed = g !== this.cur || opts.force;
    if (at !== this.ch) {
      this.ch = at;
      this.list.set(segs, o.chapters[at].firstSegment, g);
      this.onChapter();
    } else this.list.setCurrent(g);
    this.cur = g;
    if (changed) this.renderText(seg);
    this.play(seg, opts, token);
    $('now-speaking').textContent = `Segment ${g + 1} of ${count.toLocaleString()} · ${seg.role}${seg.delivery ? ` (${seg.delivery})` : ''}`;
    this.save(true);
    // near a chapter's end, fetch the next one so the step across has no wait
    const c = o.chapters[at];
    if (g >= c.firstSegment + c.segments - 3 && at + 1 < o.chapters.length) void this.chapterSegments(at + 1).catch(() => undefined);
  }

  private play(seg: PlayerSegment, opts: { time?: number; autoplay?: boolean }, token: number): void {
    const a = this.audio;
    const url = new URL(seg.audioUrl, location.href).href;
    const startAt = opts.time ?? 0;
    const wait = a.src !== url;
    const go = () => {
      if (token !== this.selectToken) return; // a newer select() took over
      try {
        a.currentTime = startAt;
      } catch {
        /* not seekable yet */
      }
      this.update();
      // autoplay unless paused (Space, the pause button) while the source was loading
      if (opts.autoplay && (this.pendingPlay || !wait)) {
        this.pendingPlay = false;
        a.play().catch((e: unknown) => this.playFailed(e));
      }
      this.onPlayState();
    };
    this.pendingPlay = wait ? !!opts.autoplay : this.pendingPlay && !!opts.autoplay;
    if (wait) {
      a.src = url;
      a.load();
      if (startAt > 0 || opts.autoplay) a.addEventListener('loadedmetadata', go, { once: true });
      else this.update();
      this.onPlayState();
    } else go();
  }

  private onChapter(): void {
    const o = this.outline!;
    const c = o.chapters[this.ch];
    $<HTMLSelectElement>('chapter-select').value = String(this.ch);
    $('bar-chapter').textContent = c.title;
    $('chapter-h').textContent = `${c.title} · ${c.segments.toLocaleString()} segment${c.segments === 1 ? '' : 's'}`;
    $<HTMLButtonElement>('prev-chapter').disabled = this.ch === 0 && false;
    $<HTMLButtonElement>('next-chapter').disabled = this.ch >= o.chapters.length - 1;
    if ('mediaSession' in navigator) {
      navigator.mediaSession.metadata = new MediaMetadata({ title: c.title || o.title, artist: o.author || '', album: o.title, artwork: artwork(o.coverUrl) });
    }
  }

  /** Where the listener is, in ms of the whole book. */
  positionMs(): number {
    const segs = this.loaded.get(this.ch);
    const c = this.outline?.chapters[this.ch];
    const seg = segs && c ? segs[this.cur - c.firstSegment] : undefined;
    return seg ? seg.startMs + (this.audio.currentTime || 0) * 1000 : 0;
  }

  /** Seeks the whole book: loads the chapter at that time if needed, then the segment, then the offset in it. */
  seekMs(ms: number): void {
    const o = this.outline;
    if (!o) return;
    const t = Math.max(0, Math.min(o.durationMs - 1, ms));
    const at = chapterAtMs(o.chapters, t);
    const segs = this.loaded.get(at);
    if (!segs) {
      this.chapterSegments(at).then(() => this.seekMs(t), (e: unknown) => setError($('player-error'), errorMessage(e)));
      return;
    }
    const i = lastAtOrBefore(segs, t, (s) => s.startMs);
    const seg = segs[i];
    this.select(o.chapters[at].firstSegment + i, { time: Math.max(0, (t - seg.startMs) / 1000), autoplay: this.playing });
  }

  skip(seconds: number): void {
    this.seekMs(this.positionMs() + seconds * 1000);
  }

  /** Previous: to the start of this chapter, or the one before when already near its start. */
  chapter(delta: number): void {
    const o = this.outline;
    if (!o || this.ch < 0) return;
    const intoChapter = this.positionMs() - o.chapters[this.ch].startMs;
    this.goToChapter(delta < 0 && intoChapter > 3000 ? this.ch : this.ch + delta);
  }

  goToChapter(at: number): void {
    const o = this.outline;
    if (!o || at < 0 || at >= o.chapters.length) return;
    this.select(o.chapters[at].firstSegment, { time: 0, autoplay: this.playing });
  }

  step(delta: number): void {
    if (this.cur < 0) return;
    this.select(this.cur + delta, { autoplay: this.playing || delta !== 0 });
  }

  toggle(): void {
    const a = this.audio;
    if (this.cur < 0) return;
    if (this.playing) {
      this.pendingPlay = false;
      a.pause();
      this.onPlayState();
    } else a.play().catch((e: unknown) => this.playFailed(e));
  }

  pause(): void {
    if (this.playing) this.toggle();
  }

  private onEnded(): void {
    const o = this.outline;
    if (!o) return;
    const count = o.segmentCount ?? 0;
    const next = this.cur + 1;
    const chapterEnds = next >= o.chapters[this.ch].firstSegment + o.chapters[this.ch].segments;
    if (chapterEnds && this.extras.chapterEnded()) {
      this.pendingPlay = false;
      this.save(true);
      return;
    }
    if (next < count) this.select(next, { autoplay: true });
    else this.save(true);
  }

  private playFailed(e: unknown): void {
    if ((e as Error)?.name === 'AbortError') return; // a newer src replaced this one
    if ((e as Error)?.name === 'NotAllowedError') return; // needs a click: the play button is there
    setError($('player-error'), `Playback failed: ${errorMessage(e)}`);
  }

  private async onAudioError(): Promise<void> {
    if (!this.audio.getAttribute('src') || this.cur < 0) return;
    // Presigned URLs expire: fetch fresh ones once, then report.
    if (!this.retriedUrl) {
      this.retriedUrl = true;
      await this.refreshLinks();
      return;
    }
    setError($('player-error'), 'This segment could not be played. Try “Refresh segment links”.');
  }

  private renderText(seg: PlayerSegment): void {
    const pieces = splitByWords(seg.text, seg.words || [], seg.sentences || []);
    this.wordSpans = [];
    this.sentenceSpans = [];
    this.word = -1;
    this.sentence = -1;
    const nodes = pieces.map((p) => {
      const span = h('span', { class: p.word >= 0 ? 'w' : undefined }, p.text);
      if (p.word >= 0) this.wordSpans[p.word] = span;
      if (p.sentence >= 0) (this.sentenceSpans[p.sentence] ||= []).push(span);
      return span;
    });
    $('readalong').replaceChildren(...nodes);
  }

  private onPlayState(): void {
    const playing = this.playing;
    const b = $('play');
    b.dataset.playing = String(playing);
    b.setAttribute('aria-label', playing ? 'Pause' : 'Play');
    if ('mediaSession' in navigator) navigator.mediaSession.playbackState = playing ? 'playing' : 'paused';
    if (playing && !this.raf) this.raf = requestAnimationFrame(this.loop);
  }

  private loop = (): void => {
    this.raf = 0;
    this.update();
    if (!this.audio.paused) {
      this.raf = requestAnimationFrame(this.loop);
      this.save(false);
    }
  };

  private update(): void {
    const segs = this.loaded.get(this.ch);
    const o = this.outline;
    if (!segs || !o || this.cur < 0) return;
    const seg = segs[this.cur - o.chapters[this.ch].firstSegment];
    const ms = this.audio.currentTime * 1000;
    const w = seg.words?.length ? markIndexAt(seg.words, ms) : -1;
    const s = seg.sentences?.length ? markIndexAt(seg.sentences, ms) : -1;
    if (w !== this.word) {
      this.wordSpans[this.word]?.classList.remove('on');
      this.wordSpans[this.word]?.removeAttribute('data-current');
      this.wordSpans[w]?.classList.add('on');
      this.wordSpans[w]?.setAttribute('data-current', 'word');
      this.word = w;
      $('readalong').dataset.word = String(w);
    }
    if (s !== this.sentence) {
      this.sentenceSpans[this.sentence]?.forEach((x) => x.classList.remove('sent'));
      this.sentenceSpans[s]?.forEach((x) => x.classList.add('sent'));
      this.sentence = s;
    }
    const pos = (seg.startMs + ms) / 1000;
    if (!this.seeking) {
      this.seek.value = String(Math.round(pos));
      this.showTime(pos);
    }
    this.extras.tick();
    if ('mediaSession' in navigator && navigator.mediaSession.setPositionState && Math.abs(pos - this.lastMediaPos) >= 1) {
      this.lastMediaPos = pos;
      try {
        navigator.mediaSession.setPositionState({ duration: o.durationMs / 1000, position: Math.min(pos, o.durationMs / 1000), playbackRate: this.audio.playbackRate || 1 });
      } catch {
        /* a position past the duration by rounding */
      }
    }
  }

  private showTime(posSec: number): void {
    const dur = (this.outline?.durationMs || 0) / 1000;
    $('time').textContent = `${formatTime(posSec)} / ${formatTime(dur)}`;
    this.seek.setAttribute('aria-valuetext', timelineText(posSec, dur));
    const c = this.outline?.chapters[this.ch];
    if (c) $('chapter-time').textContent = `${formatTime(posSec - c.startMs / 1000)} of ${formatTime((c.endMs - c.startMs) / 1000)} in this chapter`;
  }

  private save(now: boolean): void {
    if (!this.jobId || this.cur < 0) return;
    const t = performance.now();
    if (!now && t - this.lastSave < 1000) return;
    this.lastSave = t;
    savePosition(this.jobId, this.cur, this.audio.currentTime || 0, undefined, Date.now(), this.outline?.chapters[this.ch]?.index);
    if (now || t % 5000 < 1000) updateShelf({ jobId: this.jobId, positionMs: Math.round(this.positionMs()) });
  }

  private mediaSession(): void {
    if (!('mediaSession' in navigator)) return;
    const ms = navigator.mediaSession;
    const set = (action: MediaSessionAction, f: MediaSessionActionHandler) => {
      try {
        ms.setActionHandler(action, f);
      } catch {
        /* this browser does not know the action */
      }
    };
    set('play', () => this.toggle());
    set('pause', () => this.pause());
    set('stop', () => this.pause());
    set('seekbackward', (d) => this.skip(-(d.seekOffset || this.extras.skipBack)));
    set('seekforward', (d) => this.skip(d.seekOffset || this.extras.skipForward));
    set('seekto', (d) => d.seekTime !== undefined && this.seekMs(d.seekTime * 1000));
    set('previoustrack', () => this.chapter(-1));
    set('nexttrack', () => this.chapter(1));
  }

  private onKey(e: KeyboardEvent): void {
    if ($('listen-step').hidden || !this.outline || e.defaultPrevented) return;
    const t = e.target as HTMLElement | null;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    const action = actionFor(e);
    if (!action) return;
    const inPlayer = !t || t === document.body || t.id === 'main' || !!t.closest('#listen-step, #player-bar');
    if (action === 'toggle') {
      // Buttons elsewhere on the page keep their own Space behaviour. In the player, Space is
      // play/pause even on a focused button: without this the button would also "click" on keyup.
      if (!inPlayer && t?.closest('button, a, summary')) return;
      e.preventDefault();
      if (e.key === ' ') this.spaceTaken = true;
      if (!e.repeat) this.toggle();
      return;
    }
    e.preventDefault();
    this.act(action);
  }

  act(action: Action): void {
    const run: Record<Action, () => void> = {
      toggle: () => this.toggle(),
      back: () => this.skip(-this.extras.skipBack),
      forward: () => this.skip(this.extras.skipForward),
      prevSegment: () => this.step(-1),
      nextSegment: () => this.step(1),
      prevChapter: () => this.chapter(-1),
      nextChapter: () => this.chapter(1),
      slower: () => this.extras.nudgeRate(-0.25),
      faster: () => this.extras.nudgeRate(0.25),
      bookmark: () => this.extras.addBookmark(),
    };
    run[action]();
  }
}

async function saveAs(e: Event, a: HTMLAnchorElement): Promise<void> {
  if (new URL(a.href, location.href).origin === location.origin) return; // the download attribute works
  e.preventDefault();
  const label = a.textContent;
  a.textContent = 'Preparing download…';
  try {
    const res = await fetch(a.href);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const url = URL.createObjectURL(await res.blob());
    const tmp = h('a', { href: url, download: a.dataset.file || '' });
    document.body.append(tmp);
    tmp.click();
    tmp.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch {
    location.href = a.href; // no CORS on the storage: download under the storage's name rather than not at all
  } finally {
    a.textContent = label;
  }
}
