// Shapes from docs/API.md (the HTTP contract).

export interface Voice {
  id: string;
  name: string;
  language: string;
  languageName?: string;
  gender?: string;
  engines: string[];
  sampleRate?: number;
  provider?: string;
}

export interface Role {
  name: string;
  segments: number;
  characters: number;
  sample?: string;
  deliveries?: string[];
  gender?: string;
}

export interface Segment {
  index: number;
  chapter: number;
  paragraph?: number;
  role: string;
  delivery?: string | null;
  text: string;
  start?: number;
  end?: number;
}

export interface Chapter {
  index: number;
  title: string;
  segments: Segment[];
}

export interface Book {
  title: string;
  author?: string;
  language?: string;
  chapters: Chapter[];
  roles: Role[];
  source?: unknown;
  warnings?: string[];
}

export interface CastEntry {
  voiceId: string;
  engine?: string;
  rate?: number | string;
  pitch?: number | string;
}

export type Casting = Record<string, CastEntry>;

export interface BookResponse {
  id: string;
  /** 1 as parsed; every edit (PATCH) adds one */
  version?: number;
  book: Book;
  stats?: {
    chapters: number;
    segments: number;
    roles: number;
    characters: number;
    words: number;
    estimatedMinutes: number;
  };
  casting: Casting;
  /** characters by engine, e.g. {"neural": 12000} */
  cost?: { characters: number; usd: number; byEngine: Record<string, number> };
  /** engine → USD per million characters */
  prices?: Record<string, number>;
}

/** A book whose (large) file the server still reads (202): GET its URL again. */
export interface ParsingBook {
  id: string;
  state: 'PARSING';
  file: string;
  /** epoch ms */
  since: number;
}

export interface UploadResponse {
  uploadId: string;
  key: string;
  url: string;
  method: string;
  headers: Record<string, string>;
  expiresAt?: string;
}

export type JobState = 'QUEUED' | 'RUNNING' | 'ASSEMBLING' | 'DONE' | 'FAILED' | 'CANCELLED';

export interface JobFailure {
  part: number;
  segment: number;
  role: string;
  reason: string;
  attempts: number;
  dead: boolean;
}

export interface JobView {
  id: string;
  bookId: string;
  title: string;
  state: JobState;
  parts: { done: number; total: number; failed: number };
  etaSeconds?: number | null;
  failures?: JobFailure[];
  billedCharacters?: number;
  /** epoch ms */
  createdAt?: number;
  /** epoch ms; absent while the job runs */
  finishedAt?: number | null;
  outputs?: { audiobook?: string; captions?: string; chapters?: string; manifest?: string };
}

/** [startChar, endChar, ms from the segment's start] */
export type Mark = [number, number, number];

export interface PlayerSegment {
  index: number;
  chapter: number;
  role: string;
  delivery?: string | null;
  voice?: string;
  text: string;
  startMs: number;
  endMs: number;
  audioUrl: string;
  words: Mark[];
  sentences: Mark[];
}

export interface ChapterOutline {
  /** the book's chapter index (what a segment's `chapter` names) */
  index: number;
  title: string;
  startMs: number;
  endMs: number;
  /** position of the chapter's first segment in the whole list, and how many it has */
  firstSegment: number;
  segments: number;
}

export interface SegmentsResponse {
  jobId: string;
  title: string;
  author?: string | null;
  /** the book's cover (/api/books/{id}/cover; an EPUB's), when its file had one */
  coverUrl?: string | null;
  durationMs: number;
  segmentCount?: number;
  /** with ?chapter=N: the chapter whose segments were sent */
  chapter?: number;
  chapters: ChapterOutline[];
  segments: PlayerSegment[];
}
