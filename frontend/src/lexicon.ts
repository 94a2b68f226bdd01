import { ApiError, parseProblem } from './api';
import { h, setError } from './dom';

/** One pronunciation: a word and either a respelling or IPA (written between slashes in the form). */
export interface LexiconEntry {
  word: string;
  respelling?: string;
  ipa?: string;
}

/** "jo-va-NEL-lee" → a respelling; "/ˈeɪhæb/" → IPA. Null when there is nothing to say. */
export function parsePronunciation(word: string, said: string): LexiconEntry | null {
  const w = word.trim().replace(/\s+/g, ' ');
  const s = said.trim();
  if (!w || !s) return null;
  if (s.length > 2 && s.startsWith('/') && s.endsWith('/')) return { word: w, ipa: s.slice(1, -1).trim() };
  return { word: w, respelling: s };
}

export function describe(e: LexiconEntry): string {
  return e.ipa ? `/${e.ipa}/` : e.respelling || '';
}

async function call<T>(path: string, init: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch {
    throw new ApiError('The server could not be reached. Check your connection and try again.', 0);
  }
  if (!res.ok) throw parseProblem(res.status, res.headers.get('content-type'), await res.text(), res.statusText);
  return (init.headers as Record<string, string>)?.Accept === 'audio/mpeg' ? ((await res.blob()) as T) : ((await res.json()) as T);
}

const lexiconPath = (bookId: string) => `/api/books/${encodeURIComponent(bookId)}/lexicon`;

/**
 * The cast step's pronunciation dictionary: the reader adds a word and how to say it, hears it
 * (the preview endpoint with the entry applied, in the voice of the first cast role), and applies
 * it (the book's lexicon is stored on the server; the next job honours it).
 */
export class LexiconPanel {
  private bookId = '';
  private entries: LexiconEntry[] = [];
  private readonly list = h('ul', { class: 'lexicon-list', id: 'lexicon-list' });
  private readonly word = h('input', { id: 'lexicon-word', autocomplete: 'off', placeholder: 'Giovanelli' });
  private readonly said = h('input', { id: 'lexicon-said', autocomplete: 'off', placeholder: 'jo-va-NEL-lee or /ˈeɪhæb/' });
  private readonly error = h('p', { class: 'error', id: 'lexicon-error', role: 'alert', hidden: true });
  private readonly status = h('span', { class: 'muted small', id: 'lexicon-status', role: 'status' });
  private audioUrl?: string;

  /** @param voice the voice to hear an entry in (the first role's), or undefined before casting */
  constructor(root: HTMLElement, private readonly voice: () => string | undefined,
              private readonly sampleFor: (word: string) => string) {
    const hear = h('button', { type: 'button', id: 'lexicon-hear', class: 'secondary' }, 'Hear it');
    const add = h('button', { type: 'button', id: 'lexicon-add' }, 'Apply');
    hear.addEventListener('click', () => void this.hear());
    add.addEventListener('click', () => void this.add());
    root.replaceChildren(h('details', { class: 'lexicon' },
      h('summary', {}, 'Pronunciations'),
      h('p', { class: 'muted small' }, 'Names said wrong? Write how to say a word: a respelling (jo-va-NEL-lee) or IPA between slashes (/ˈeɪhæb/). Only the parts with that word are made again.'),
      this.list,
      h('div', { class: 'field' }, h('label', { for: this.word.id }, 'Word'), this.word),
      h('div', { class: 'field' }, h('label', { for: this.said.id }, 'Say it as'), this.said),
      h('div', { class: 'toolbar' }, hear, add, this.status),
      this.error));
  }

  async load(bookId: string): Promise<void> {
    this.bookId = bookId;
    this.entries = [];
    this.render();
    try {
      const got = await call<{ entries: LexiconEntry[] }>(lexiconPath(bookId), { headers: { Accept: 'application/json' } });
      if (this.bookId === bookId) {
        this.entries = got.entries || [];
        this.render();
      }
    } catch (e) {
      setError(this.error, e instanceof Error ? e.message : String(e));
    }
  }

  private entry(): LexiconEntry | null {
    const e = parsePronunciation(this.word.value, this.said.value);
    setError(this.error, e ? null : 'Write a word and how to say it.');
    return e;
  }

  private async hear(): Promise<void> {
    const e = this.entry();
    const voiceName = this.voice();
    if (!e) return;
    if (!voiceName) {
      setError(this.error, 'Cast a voice first: the word is heard in the first role\u2019s voice.');
      return;
    }
    this.status.textContent = 'Preparing…';
    try {
      const blob = await call<Blob>('/api/preview-voice', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'audio/mpeg' },
        body: JSON.stringify({ voiceName, text: this.sampleFor(e.word), lexicon: [e] }),
      });
      if (this.audioUrl) URL.revokeObjectURL(this.audioUrl);
      this.audioUrl = URL.createObjectURL(blob);
      const audio = new Audio(this.audioUrl);
      this.status.textContent = 'Playing';
      await audio.play().catch(() => undefined);
    } catch (err) {
      this.status.textContent = '';
      setError(this.error, err instanceof Error ? err.message : String(err));
    }
  }

  private async add(): Promise<void> {
    const e = this.entry();
    if (!e) return;
    const key = e.word.toLowerCase();
    if (await this.save([...this.entries.filter((x) => x.word.toLowerCase() !== key), e])) {
      this.word.value = '';
      this.said.value = '';
    }
  }

  private async save(entries: LexiconEntry[]): Promise<boolean> {
    this.status.textContent = 'Saving…';
    try {
      const saved = await call<{ entries: LexiconEntry[] }>(lexiconPath(this.bookId), {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ entries }),
      });
      this.entries = saved.entries || [];
      this.render();
      this.status.textContent = 'Saved: the next audiobook uses it';
      setError(this.error, null);
      return true;
    } catch (err) {
      this.status.textContent = '';
      setError(this.error, err instanceof Error ? err.message : String(err));
      return false;
    }
  }

  private render(): void {
    this.list.replaceChildren(...this.entries.map((e) => {
      const remove = h('button', { type: 'button', class: 'secondary small', 'aria-label': `Remove ${e.word}` }, 'Remove');
      remove.addEventListener('click', () => void this.save(this.entries.filter((x) => x !== e)));
      return h('li', {}, h('strong', {}, e.word), ' → ', describe(e), ' ', remove);
    }));
  }
}
