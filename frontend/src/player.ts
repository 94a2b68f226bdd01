import { api, errorMessage } from './api';
import { $, formatTime, h, setError } from './dom';
import { loadPosition, savePosition } from './position';
import { markIndexAt, splitByWords } from './timing';
import type { JobView, PlayerSegment, SegmentsResponse } from './types';

export class Player {
  private jobId?: string;
  private data?: SegmentsResponse;
  private current = -1;
  private wordSpans: HTMLElement[] = [];
  private sentenceSpans: HTMLElement[][] = [];
  private word = -1;
  private sentence = -1;
  private raf = 0;
  private lastSave = 0;
  private retriedUrl = false;
  private readonly audio = $<HTMLAudioElement>('audio');
  private selectToken = 0;
  private seeking = false;
  /** A play() is waiting for the new source's metadata: the player counts as playing. */
  private pendingPlay = false;
  /** Space went down on an element we took it from: swallow its keyup too (a button clicks on keyup). */
  private spaceTaken = false;

  constructor() {
    const a = this.audio;
    $('play').addEventListener('click', () => this.toggle());
    $('prev').addEventListener('click', () => this.step(-1));
    $('next').addEventListener('click', () => this.step(1));
    const speed = $<HTMLInputElement>('speed');
    const savedRate = Number(safeGet('eab:rate'));
    if (savedRate >= 0.5 && savedRate <= 3) speed.value = String(savedRate);
    const setRate = () => {
      const r = Number(speed.value);
      a.playbackRate = r;
      a.defaultPlaybackRate = r;
      $('speed-out').textContent = `${r}×`;
      speed.setAttribute('aria-valuetext', `${r} times`);
      safeSet('eab:rate', String(r));
    };
    speed.addEventListener('input', setRate);
    setRate();
    const seek = $<HTMLInputElement>('seek');
    seek.addEventListener('input', () => {
      if (isFinite(a.duration) && a.duration > 0) {
        this.seeking = true;
        a.currentTime = (Number(seek.value) / 1000) * a.duration;
        this.update();
      }
    });
    seek.addEventListener('change', () => (this.seeking = false));
    a.addEventListener('play', () => this.onPlayState());
    a.addEventListener('pause', () => {
      this.onPlayState();
      this.save(true);
    });
    a.addEventListener('loadedmetadata', () => {
      a.playbackRate = Number(speed.value);
      this.update();
    });
    a.addEventListener('timeupdate', () => {
      if (a.paused) this.update();
    });
    a.addEventListener('seeked', () => this.update());
    a.addEventListener('ended', () => {
      if (this.data && this.current < this.data.segments.length - 1) this.select(this.current + 1, { autoplay: true });
      else this.save(true);
    });
    a.addEventListener('error', () => void this.onAudioError());
    $('segments-refresh').addEventListener('click', () => void this.reload(true));
    document.addEventListener('keydown', (e) => this.onKey(e));
    document.addEventListener('keyup', (e) => {
      if (this.spaceTaken && (e.key === ' ' || e.code === 'Space')) {
        this.spaceTaken = false;
        e.preventDefault();
      }
    });
    window.addEventListener('pagehide', () => this.save(true));
  }

  async load(job: JobView): Promise<void> {
    if (this.jobId !== job.id) {
      this.pendingPlay = false;
      this.audio.pause();
      this.current = -1;
    }
    this.jobId = job.id;
    this.renderDownloads(job);
    await this.reload(false);
  }

  private renderDownloads(job: JobView): void {
    const o = job.outputs || {};
    const safe = (job.title || 'audiobook').replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'audiobook';
    const links = [
      o.audiobook ? h('a', { href: o.audiobook, download: `${safe}.mp3`, class: 'button primary', id: 'dl-audiobook' }, '⬇ Audiobook (MP3)') : null,
      o.captions ? h('a', { href: o.captions, download: `${safe}.vtt`, class: 'button', id: 'dl-captions' }, '⬇ Captions (VTT)') : null,
      o.chapters ? h('a', { href: o.chapters, download: `${safe}.chapters.json`, class: 'button secondary', id: 'dl-chapters' }, 'Chapters (JSON)') : null,
    ].filter(Boolean) as HTMLElement[];
    $('downloads').replaceChildren(...(links.length ? [h('h3', {}, 'Downloads'), h('p', { class: 'links' }, ...links)] : []));
  }

  private async reload(force: boolean): Promise<void> {
    if (!this.jobId) return;
    const err = $('player-error');
    setError(err, null);
    try {
      const r = await api.segments(this.jobId, force);
      this.data = r.value;
      this.retriedUrl = false;
      this.renderList();
      if (this.current < 0) {
        const pos = loadPosition(this.jobId);
        const seg = pos && pos.segment < this.data.segments.length ? pos.segment : 0;
        if (this.data.segments.length) this.select(seg, { time: pos && pos.segment === seg ? pos.time : 0, autoplay: false });
      } else if (force && this.data.segments[this.current]) {
        const t = this.audio.currentTime;
        this.select(this.current, { time: t, autoplay: this.playing });
      } else {
        this.markCurrent();
      }
    } catch (e) {
      setError(err, `Could not load the segments: ${errorMessage(e)}`);
    }
  }

  private renderList(): void {
    const d = this.data!;
    const byChapter = new Map<number, PlayerSegment[]>();
    for (const s of d.segments) {
      if (!byChapter.has(s.chapter)) byChapter.set(s.chapter, []);
      byChapter.get(s.chapter)!.push(s);
    }
    const titles = new Map(d.chapters.map((c) => [c.index, c.title]));
    const groups = [...byChapter.entries()].sort((a, b) => a[0] - b[0]).map(([ch, segs]) =>
      h('section', { class: 'chapter', 'aria-labelledby': `ch-${ch}` },
        h('h3', { id: `ch-${ch}` }, titles.get(ch) || `Chapter ${ch + 1}`),
        h('ol', { class: 'segs' }, ...segs.map((s) => {
          const pos = d.segments.indexOf(s);
          const b = h('button', { type: 'button', class: 'seg', 'data-index': pos, 'aria-label': `${s.role}: ${s.text}` },
            h('span', { class: 'who' }, s.role, s.delivery ? h('span', { class: 'chip' }, s.delivery) : null),
            h('span', { class: 'what' }, s.text),
            h('span', { class: 'when muted' }, formatTime(s.startMs / 1000)));
          b.addEventListener('click', () => this.select(pos, { autoplay: true }));
          return h('li', {}, b);
        }))));
    $('segment-list').replaceChildren(...groups);
  }

  private markCurrent(): void {
    for (const b of $('segment-list').querySelectorAll<HTMLButtonElement>('button.seg')) {
      if (Number(b.dataset.index) === this.current) b.setAttribute('aria-current', 'true');
      else b.removeAttribute('aria-current');
    }
  }

  select(index: number, opts: { time?: number; autoplay?: boolean } = {}): void {
    const d = this.data;
    if (!d || index < 0 || index >= d.segments.length) return;
    const seg = d.segments[index];
    const changed = index !== this.current;
    this.current = index;
    this.markCurrent();
    if (changed) this.renderText(seg);
    const a = this.audio;
    const url = new URL(seg.audioUrl, location.href).href;
    const startAt = opts.time ?? 0;
    const token = ++this.selectToken;
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
    const wait = a.src !== url;
    this.pendingPlay = wait && !!opts.autoplay;
    if (wait) {
      a.src = url;
      a.load();
      if (startAt > 0 || opts.autoplay) a.addEventListener('loadedmetadata', go, { once: true });
      else this.update();
      this.onPlayState();
    } else go();
    $('now-speaking').textContent = `Segment ${index + 1} of ${d.segments.length} · ${seg.role}${seg.delivery ? ` (${seg.delivery})` : ''}`;
    document.querySelector(`button.seg[data-index="${index}"]`)?.scrollIntoView({ block: 'nearest' });
    this.save(true);
  }

  private playFailed(e: unknown): void {
    if ((e as Error)?.name === 'AbortError') return; // a newer src replaced this one
    if ((e as Error)?.name === 'NotAllowedError') return; // needs a click: the play button is there
    setError($('player-error'), `Playback failed: ${errorMessage(e)}`);
  }

  private async onAudioError(): Promise<void> {
    if (!this.audio.src || this.current < 0) return;
    // Presigned URLs expire: fetch fresh ones once, then report.
    if (!this.retriedUrl) {
      this.retriedUrl = true;
      await this.reload(true);
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

  toggle(): void {
    const a = this.audio;
    if (this.current < 0) {
      if (this.data?.segments.length) this.select(0, { autoplay: true });
      return;
    }
    if (this.playing) {
      this.pendingPlay = false;
      a.pause();
      this.onPlayState();
    } else a.play().catch((e: unknown) => this.playFailed(e));
  }

  /** Playing, or about to play as soon as the new segment has loaded. */
  get playing(): boolean {
    return this.pendingPlay || !this.audio.paused;
  }

  step(delta: number): void {
    if (!this.data) return;
    const i = Math.max(0, Math.min(this.data.segments.length - 1, this.current + delta));
    this.select(i, { autoplay: this.playing || delta !== 0 });
  }

  private onPlayState(): void {
    const playing = this.playing;
    const b = $('play');
    b.dataset.playing = String(playing);
    b.setAttribute('aria-label', playing ? 'Pause' : 'Play');
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
    const d = this.data;
    if (!d || this.current < 0) return;
    const seg = d.segments[this.current];
    const a = this.audio;
    const ms = a.currentTime * 1000;
    const w = seg.words?.length ? markIndexAt(seg.words, ms) : -1;
    const s = seg.sentences?.length ? markIndexAt(seg.sentences, ms) : -1;
    if (w !== this.word) {
      this.wordSpans[this.word]?.classList.remove('on');
      this.wordSpans[w]?.classList.add('on');
      this.wordSpans[w]?.setAttribute('data-current', 'word');
      this.wordSpans[this.word]?.removeAttribute('data-current');
      this.word = w;
      $('readalong').dataset.word = String(w);
    }
    if (s !== this.sentence) {
      this.sentenceSpans[this.sentence]?.forEach((x) => x.classList.remove('sent'));
      this.sentenceSpans[s]?.forEach((x) => x.classList.add('sent'));
      this.sentence = s;
    }
    const dur = isFinite(a.duration) ? a.duration : (seg.endMs - seg.startMs) / 1000;
    $('time').textContent = `${formatTime(a.currentTime)} / ${formatTime(dur)}`;
    if (!this.seeking && dur > 0) $<HTMLInputElement>('seek').value = String(Math.round((a.currentTime / dur) * 1000));
  }

  private save(now: boolean): void {
    if (!this.jobId || this.current < 0) return;
    const t = performance.now();
    if (!now && t - this.lastSave < 1000) return;
    this.lastSave = t;
    savePosition(this.jobId, this.current, this.audio.currentTime || 0);
  }

  private onKey(e: KeyboardEvent): void {
    if ($('listen-step').hidden || !this.data) return;
    if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
    const t = e.target as HTMLElement | null;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    const inPlayer = !t || t === document.body || t.id === 'main' || !!t.closest('#listen-step');
    if (e.key === ' ' || e.code === 'Space') {
      // Buttons elsewhere on the page keep their own Space behaviour.
      if (!inPlayer && t?.closest('button, a, summary')) return;
      // In the player, Space is play/pause even on a focused segment button: without this the
      // button would also "click" on keyup and restart its segment.
      e.preventDefault();
      this.spaceTaken = true;
      if (!e.repeat) this.toggle();
    } else if (e.key === 'ArrowLeft') {
      e.preventDefault();
      this.step(-1);
    } else if (e.key === 'ArrowRight') {
      e.preventDefault();
      this.step(1);
    }
  }
}

function safeGet(k: string): string | null {
  try {
    return localStorage.getItem(k);
  } catch {
    return null;
  }
}
function safeSet(k: string, v: string): void {
  try {
    localStorage.setItem(k, v);
  } catch {
    /* ignore */
  }
}
