import { errorMessage } from './api';
import { chapterAtMs, chapterOfSegment, lastAtOrBefore, timelineText } from './book';
import { renderBookHead } from './bookhead';
import { renderDownloads } from './downloads';
import { bindMediaSession, mediaChapter, mediaPosition } from './media';
import { $, formatTime, setError } from './dom';
import { bindKeys, runAction } from './player-keys';
import { ReadAlong } from './readalong';
import { PlayerExtras } from './player-extras';
import { BookSegments } from './player-segments';
import { loadPosition, savePosition } from './position';
import { SegmentList } from './seglist';
import { updateShelf } from './store';
import type { JobView, PlayerSegment, SegmentsResponse } from './types';

/**
 * The book player: one whole-book timeline over per-segment audio. Only the outline (chapters,
 * duration) and the chapter in use are loaded; other chapters come when the listener gets there.
 */
export class Player {
  private readonly segments = new BookSegments();
  private cur = -1;
  private ch = -1;
  private readonly text = new ReadAlong($('readalong'), (ms) => this.seekInSegment(ms));
  private raf = 0;
  private lastSave = 0;
  private lastMediaPos = 0;
  private retriedUrl = false;
  private readonly audio = $<HTMLAudioElement>('audio');
  private readonly seek = $<HTMLInputElement>('seek');
  private readonly list: SegmentList;
  readonly extras: PlayerExtras;
  private selectToken = 0;
  private seekTimer?: ReturnType<typeof setTimeout>;
  private seeking = false;
  /** A play() is waiting for the new source's metadata: the player counts as playing. */
  private pendingPlay = false;

  constructor() {
    const a = this.audio;
    this.list = new SegmentList($('segment-list'), (g) => this.select(g, { autoplay: true }));
    this.extras = new PlayerExtras(this);
    const on = (id: string, f: () => void) => $(id).addEventListener('click', f);
    on('play', () => this.toggle());
    on('prev', () => this.step(-1));
    on('next', () => this.step(1));
    on('back', () => runAction(this, 'back'));
    on('forward', () => runAction(this, 'forward'));
    on('prev-chapter', () => runAction(this, 'prevChapter'));
    on('next-chapter', () => runAction(this, 'nextChapter'));
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
    bindKeys(this);
    window.addEventListener('pagehide', () => this.save(true));
    bindMediaSession(this);
  }

  private get jobId(): string | undefined {
    return this.segments.jobId;
  }
  private get outline(): SegmentsResponse | undefined {
    return this.segments.outline;
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

  /** Starts fetching a job's outline and chapter before its status is known (the job page opens in one round trip). */
  prefetch(jobId: string): Promise<boolean> {
    return this.segments.prefetch(jobId);
  }

  /** Opens a finished job: the outline and the chapter the listener was in (one request). */
  load(job: JobView): Promise<void> {
    renderDownloads(job);
    // open (or opening) already: a newer view of the job only brings its links
    if (this.jobId !== job.id || !this.opening) this.opening = this.open(job);
    return this.opening;
  }
  private opening?: Promise<void>;

  private async open(job: JobView): Promise<void> {
    if (this.jobId !== job.id) {
      this.pendingPlay = false;
      this.audio.pause();
      this.audio.removeAttribute('src');
      this.cur = -1;
      this.ch = -1;
    }
    this.segments.use(job.id);
    $('player-bar').hidden = false;
    document.body.classList.add('has-player');
    const err = $('player-error');
    setError(err, null);
    const pos = loadPosition(job.id);
    try {
      const r = await this.segments.fetchOutline(job.id, pos?.chapter ?? 0);
      if (this.jobId !== job.id) return;
      const at = this.segments.setOutline(r);
      renderBookHead(r, job.title);
      this.seek.max = String(Math.max(1, Math.round(r.durationMs / 1000)));
      const c = r.chapters[at];
      const inChapter = pos && pos.segment >= c.firstSegment && pos.segment < c.firstSegment + c.segments;
      if (this.cur < 0) this.select(inChapter ? pos.segment : c.firstSegment, { time: inChapter ? pos.time : 0, autoplay: false });
      performance.mark('player-ready');
      updateShelf({ jobId: job.id, bookId: job.bookId || undefined, title: r.title, author: r.author || undefined, durationMs: r.durationMs, state: 'DONE', coverUrl: r.coverUrl || undefined });
      this.extras.loadBookmarks();
    } catch (e) {
      this.opening = undefined;
      setError(err, `Could not load the book: ${errorMessage(e)}`);
    }
  }

  private async refreshLinks(): Promise<void> {
    if (!this.jobId || !this.outline || this.ch < 0) return;
    try {
      await this.segments.refresh(this.ch);
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
    const segs = this.segments.chapter(at);
    const token = ++this.selectToken;
    if (!segs) {
      $('now-speaking').textContent = `Loading chapter ${at + 1}…`;
      if (opts.autoplay) this.pendingPlay = true;
      this.onPlayState();
      this.segments.load(at).then(() => {
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
    if (changed) this.text.show(seg);
    this.play(seg, opts, token);
    $('now-speaking').textContent = `Segment ${g + 1} of ${count.toLocaleString()} · ${seg.role}${seg.delivery ? ` (${seg.delivery})` : ''}`;
    this.save(true);
    // near a chapter's end, fetch the next one so the step across has no wait
    const c = o.chapters[at];
    if (g >= c.firstSegment + c.segments - 3 && at + 1 < o.chapters.length) void this.segments.load(at + 1).catch(() => undefined);
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
    $<HTMLButtonElement>('next-chapter').disabled = this.ch >= o.chapters.length - 1;
    mediaChapter(o, c.title);
  }

  /** Where the listener is, in ms of the whole book. */
  positionMs(): number {
    const seg = this.segments.segment(this.ch, this.cur);
    return seg ? seg.startMs + (this.audio.currentTime || 0) * 1000 : 0;
  }

  /** Seeks the whole book: loads the chapter at that time if needed, then the segment, then the offset in it. */
  seekMs(ms: number): void {
    const o = this.outline;
    if (!o) return;
    const t = Math.max(0, Math.min(o.durationMs - 1, ms));
    const at = chapterAtMs(o.chapters, t);
    const segs = this.segments.chapter(at);
    if (!segs) {
      this.segments.load(at).then(() => this.seekMs(t), (e: unknown) => setError($('player-error'), errorMessage(e)));
      return;
    }
    const i = lastAtOrBefore(segs, t, (s) => s.startMs);
    const seg = segs[i];
    this.select(o.chapters[at].firstSegment + i, { time: Math.max(0, (t - seg.startMs) / 1000), autoplay: this.playing });
  }

  /** From a word of the read-along text. */
  seekInSegment(ms: number): void {
    const seg = this.segments.segment(this.ch, this.cur);
    if (seg) this.seekMs(seg.startMs + ms);
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
    const o = this.outline;
    const seg = this.cur < 0 ? undefined : this.segments.segment(this.ch, this.cur);
    if (!seg || !o) return;
    const ms = this.audio.currentTime * 1000;
    this.text.at(seg, ms);
    const pos = (seg.startMs + ms) / 1000;
    if (!this.seeking) {
      this.seek.value = String(Math.round(pos));
      this.showTime(pos);
    }
    this.extras.tick();
    if ('mediaSession' in navigator && Math.abs(pos - this.lastMediaPos) >= 1) {
      this.lastMediaPos = pos;
      mediaPosition(pos, o.durationMs / 1000, this.audio.playbackRate || 1);
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

}
