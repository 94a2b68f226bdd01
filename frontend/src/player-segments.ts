import { api } from './api';
import { loadPosition } from './position';
import type { PlayerSegment, SegmentsResponse } from './types';

/**
 * The open book's segments as the player loads them: the outline (chapters, duration) with the
 * chapter the listener was in, then each other chapter once, when the listener gets there.
 * Chapters are addressed by their place in the outline (`at`), not by the book's chapter index.
 */
export class BookSegments {
  private id?: string;
  private book?: SegmentsResponse;
  private chapters = new Map<number, Promise<PlayerSegment[]>>();
  private loaded = new Map<number, PlayerSegment[]>();
  private early?: { id: string; answer: Promise<SegmentsResponse | undefined> };

  get jobId(): string | undefined {
    return this.id;
  }
  get outline(): SegmentsResponse | undefined {
    return this.book;
  }

  /** Starts fetching a job's outline and chapter before its status is known (the job page opens in one round trip). */
  prefetch(jobId: string): Promise<boolean> {
    const pos = loadPosition(jobId);
    this.early = { id: jobId, answer: api.segments(jobId, pos?.chapter ?? 0).then((r) => r.value, () => undefined) };
    return this.early.answer.then((r) => !!r); // segments come only for a finished job
  }

  /** Makes jobId the open job; another job's outline and chapters are forgotten. */
  use(jobId: string): void {
    if (this.id !== jobId) {
      this.book = undefined;
      this.chapters.clear();
      this.loaded.clear();
    }
    this.id = jobId;
  }

  /** The outline with one chapter's segments (book chapter index), from the prefetch when it was for this job. */
  async fetchOutline(jobId: string, chapter: number): Promise<SegmentsResponse> {
    const early = this.early?.id === jobId ? await this.early.answer : undefined;
    this.early = undefined;
    return early ?? (await api.segments(jobId, chapter)).value;
  }

  /** Keeps a fetched outline and the chapter it came with; returns that chapter's place in the outline. */
  setOutline(r: SegmentsResponse): number {
    this.book = r;
    const at = r.chapters.findIndex((c) => c.index === (r.chapter ?? r.segments[0]?.chapter));
    this.keep(at, r.segments);
    return at;
  }

  /** A chapter's segments when loaded already. */
  chapter(at: number): PlayerSegment[] | undefined {
    return this.loaded.get(at);
  }

  /** Segment g (in the whole book) of chapter at, when that chapter is loaded. */
  segment(at: number, g: number): PlayerSegment | undefined {
    const c = this.book?.chapters[at];
    return c && this.loaded.get(at)?.[g - c.firstSegment];
  }

  /** A chapter's segments, fetched once; a failed fetch is tried again on the next call. */
  load(at: number): Promise<PlayerSegment[]> {
    let p = this.chapters.get(at);
    if (!p) {
      const id = this.id!;
      p = api.segments(id, this.book!.chapters[at].index).then((r) => {
        this.loaded.set(at, r.value.segments);
        return r.value.segments;
      });
      p.catch(() => this.chapters.delete(at));
      this.chapters.set(at, p);
    }
    return p;
  }

  /** Drops every chapter and fetches chapter at again with fresh (presigned) audio links. */
  async refresh(at: number): Promise<void> {
    this.chapters.clear();
    this.loaded.clear();
    const r = await api.segments(this.id!, this.book!.chapters[at].index, true);
    this.keep(at, r.value.segments);
  }

  private keep(at: number, segs: PlayerSegment[]): void {
    this.loaded.set(at, segs);
    this.chapters.set(at, Promise.resolve(segs));
  }
}
