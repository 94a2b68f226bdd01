import { api, ApiError, errorMessage } from './api';
import { estimateCost, formatPrice, formatUsd } from './cost';
import { $, h, setError } from './dom';
import { LexiconPanel } from './lexicon';
import { debounce, facets, filterVoices, type VoiceFilter } from './voices';
import { carryCasting, editBook, reviewPanel, type EditOperation } from './review';
import type { BookResponse, Casting, Role, Voice } from './types';

interface RoleUi {
  role: Role;
  filter: VoiceFilter;
  voiceSelect: HTMLSelectElement;
  engineSelect: HTMLSelectElement;
  count: HTMLElement;
  desc: HTMLElement;
}

export class CastStep {
  private book?: BookResponse;
  private casting: Casting = {};
  private voices: Voice[] = [];
  private uis: RoleUi[] = [];
  private previewUrl?: string;
  private previewing?: HTMLButtonElement;
  private readonly lexicon = new LexiconPanel($('lexicon'), () => this.firstVoice(), (w) => this.sampleFor(w));

  constructor(private onGenerate: (book: BookResponse, casting: Casting) => Promise<void>) {
    $('autocast').addEventListener('click', () => this.autoCast());
    $('generate').addEventListener('click', () => void this.generate());
    const audio = $<HTMLAudioElement>('preview-audio');
    audio.addEventListener('ended', () => this.previewDone());
    audio.addEventListener('pause', () => this.previewDone());
  }

  setVoices(voices: Voice[]): void {
    this.voices = voices;
    if (this.book) this.render();
  }

  getCasting(): Casting {
    return JSON.parse(JSON.stringify(this.casting)) as Casting;
  }

  /** Shows a book; casting: the one a job of it was made with (else the server's suggestion). */
  load(b: BookResponse, casting?: Casting): void {
    this.book = b;
    this.casting = JSON.parse(JSON.stringify(casting || b.casting || {})) as Casting;
    this.renderSummary();
    this.render();
    void this.lexicon.load(b.id);
  }

  /** The voice an entry is heard in: the first role's. */
  private firstVoice(): string | undefined {
    const first = this.book?.book.roles[0];
    return first ? this.casting[first.name]?.voiceId : undefined;
  }

  /** A sentence of the book with the word (so it is heard in context), else the word alone. */
  private sampleFor(word: string): string {
    const re = new RegExp(`(^|[^\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu');
    for (const c of this.book?.book.chapters || []) {
      for (const seg of c.segments) {
        const m = re.exec(seg.text);
        if (m) return seg.text.slice(Math.max(0, m.index - 60), m.index + word.length + 60).trim();
      }
    }
    return word;
  }

  autoCast(): void {
    if (!this.book) return;
    this.casting = JSON.parse(JSON.stringify(this.book.casting || {})) as Casting;
    this.render();
    $('cost').dataset.reason = 'autocast';
  }

  private renderSummary(): void {
    const b = this.book!;
    const bk = b.book;
    const s = b.stats;
    const chapters = h('ol', { class: 'chapters' },
      ...bk.chapters.map((c) => h('li', {}, h('span', { class: 'ch-title' }, c.title || `Chapter ${c.index + 1}`), ' ',
        h('span', { class: 'muted' }, `${c.segments.length} segment${c.segments.length === 1 ? '' : 's'}`))));
    const box = $('book-summary');
    box.replaceChildren(...([
      h('h3', { class: 'book-title', id: 'book-title' }, bk.title || 'Untitled'),
      bk.author ? h('p', { class: 'muted' }, `by ${bk.author}`) : null,
      s ? h('p', { class: 'stats' },
        `${s.chapters} chapter${s.chapters === 1 ? '' : 's'} · ${s.segments} segments · ${s.roles} roles · ${s.words.toLocaleString()} words · about ${Math.max(1, Math.round(s.estimatedMinutes))} min`) : null,
      h('details', { class: 'chapters-box', open: bk.chapters.length <= 12 }, h('summary', {}, `Chapters (${bk.chapters.length})`), chapters),
      bk.warnings?.length ? h('ul', { class: 'warnings' }, ...bk.warnings.map((w) => h('li', {}, w))) : null,
    ] as (HTMLElement | null)[]).filter((x): x is HTMLElement => !!x));
  }

  private render(): void {
    if (!this.book) return;
    const roles = this.book.book.roles;
    const f = facets(this.voices);
    const container = $('roles');
    this.uis = [];
    container.replaceChildren(...roles.map((role, i) => this.roleCard(role, i, f)));
    this.updateCost();
  }

  private roleCard(role: Role, i: number, f: ReturnType<typeof facets>): HTMLElement {
    const id = `r${i}`;
    const ui: RoleUi = {
      role,
      filter: {},
      voiceSelect: h('select', { id: `${id}-voice` }),
      engineSelect: h('select', { id: `${id}-use-engine` }),
      count: h('span', { class: 'muted small', id: `${id}-count`, 'aria-live': 'polite' }),
      desc: h('p', { class: 'voice-desc muted small', id: `${id}-voice-desc` }),
    };
    ui.voiceSelect.setAttribute('aria-describedby', ui.desc.id);
    this.uis.push(ui);
    const apply = () => this.fillVoices(ui);
    const debounced = debounce(apply, 250);
    const search = h('input', { type: 'search', id: `${id}-q`, autocomplete: 'off', placeholder: 'name, language…' });
    search.addEventListener('input', () => {
      ui.filter.q = search.value;
      debounced();
    });
    const select = (name: 'language' | 'gender' | 'engine', label: string, values: string[]) => {
      const s = h('select', { id: `${id}-${name}` }, h('option', { value: '' }, 'Any'), ...values.map((v) => h('option', { value: v }, v)));
      s.addEventListener('change', () => {
        ui.filter[name] = s.value;
        apply();
      });
      return h('div', { class: 'field' }, h('label', { for: s.id }, label), s);
    };
    ui.voiceSelect.addEventListener('change', () => {
      const v = this.voices.find((x) => x.id === ui.voiceSelect.value);
      if (!v) return;
      const prev = this.casting[role.name];
      const engine = prev?.engine && v.engines.includes(prev.engine) ? prev.engine : v.engines[0];
      this.casting[role.name] = { ...(prev || {}), voiceId: v.id, engine };
      this.fillEngines(ui);
      this.updateCost();
    });
    ui.engineSelect.addEventListener('change', () => {
      const c = this.casting[role.name];
      if (c) c.engine = ui.engineSelect.value || undefined;
      this.updateCost();
    });
    // the visible word starts the accessible name ("Preview voice for Mira"): no aria-label to disagree with it
    const preview = h('button', { type: 'button', class: 'preview' }, h('span', { 'aria-hidden': 'true' }, '▶'),
      h('span', { class: 'pv-label' }, 'Preview'), h('span', { class: 'visually-hidden' }, ` voice for ${role.name}`));
    preview.addEventListener('click', () => void this.preview(ui, preview));

    const deliveries = (role.deliveries || []).filter(Boolean);
    this.fillVoices(ui);
    return h('article', { class: 'role', 'aria-labelledby': `${id}-name`, 'data-role': role.name },
      h('header', { class: 'role-head' },
        h('h3', { id: `${id}-name` }, role.name),
        h('span', { class: 'muted' }, `${role.segments} line${role.segments === 1 ? '' : 's'} · ${role.characters.toLocaleString()} chars`,
          role.gender ? ` · ${role.gender}` : '')),
      role.sample ? h('blockquote', { class: 'sample' }, role.sample) : null,
      deliveries.length ? h('p', { class: 'deliveries' }, 'Deliveries: ', ...deliveries.map((d) => h('span', { class: 'chip' }, d))) : null,
      h('div', { class: 'filters' },
        h('div', { class: 'field grow' }, h('label', { for: search.id }, 'Search voices'), search)),
      h('details', { class: 'more-filters' }, h('summary', {}, 'Filters: language, gender, engine'),
        h('div', { class: 'filters' },
          select('language', 'Language', f.languages),
          select('gender', 'Gender', f.genders),
          select('engine', 'Engine', f.engines))),
      h('div', { class: 'pick' },
        h('div', { class: 'field voice-field' }, h('label', { for: ui.voiceSelect.id }, 'Voice ', ui.count), ui.voiceSelect, ui.desc),
        h('div', { class: 'field' }, h('label', { for: ui.engineSelect.id }, 'Engine used'), ui.engineSelect),
        preview),
      reviewPanel(this.book!, role, id, (ops) => void this.edit(ops)),
    );
  }

  /** Applies the reader's corrections on the server and redraws the cast with the edited book. */
  private async edit(ops: EditOperation[]): Promise<void> {
    if (!this.book) return;
    setError($('cast-error'), null);
    try {
      const edited = await editBook(this.book, ops);
      this.load(edited, carryCasting(this.casting, ops, edited));
    } catch (e) {
      setError($('cast-error'), `The edit was not applied: ${errorMessage(e)}`);
      if (e instanceof ApiError && e.status === 409) {
        // edited elsewhere since this page read it: show the book as it is now
        const fresh = (await api.book(this.book.id, true)).value;
        this.load(fresh, carryCasting(this.casting, [], fresh));
      }
    }
  }

  private fillVoices(ui: RoleUi): void {
    const current = this.casting[ui.role.name]?.voiceId;
    const list = filterVoices(this.voices, ui.filter);
    const opts = list.map((v) => h('option', { value: v.id, selected: v.id === current }, voiceLabel(v)));
    if (current && !list.some((v) => v.id === current)) {
      const v = this.voices.find((x) => x.id === current);
      opts.unshift(h('option', { value: current, selected: true }, v ? voiceLabel(v) : current));
    }
    if (!opts.length) opts.push(h('option', { value: '', disabled: true, selected: true }, 'No voice matches'));
    ui.voiceSelect.replaceChildren(...opts);
    ui.count.textContent = `(${list.length} of ${this.voices.length})`;
    this.fillEngines(ui);
  }

  private fillEngines(ui: RoleUi): void {
    const c = this.casting[ui.role.name];
    const v = this.voices.find((x) => x.id === c?.voiceId);
    const engines = v?.engines?.length ? v.engines : c?.engine ? [c.engine] : [];
    const prices = this.book?.prices;
    ui.engineSelect.replaceChildren(...engines.map((e) => h('option', { value: e, selected: e === c?.engine },
      `${e} (${formatPrice(e, prices)})`)));
    ui.engineSelect.disabled = engines.length <= 1;
    // The select cuts long names off; the full name and the id show under it.
    ui.desc.textContent = v ? voiceDescription(v) : c?.voiceId ? `${c.voiceId} (not in the voice list)` : '';
  }

  private updateCost(): void {
    if (!this.book) return;
    const prices = this.book.prices;
    const est = estimateCost(this.book.book.roles, this.casting, this.voices, prices);
    const box = $('cost');
    box.replaceChildren(
      h('p', { class: 'cost-total' }, `Estimated cost: ${formatUsd(est.usd)} for ${est.characters.toLocaleString()} characters`),
      h('ul', { class: 'cost-lines' }, ...est.lines.map((l) => h('li', { 'data-role': l.role, 'data-voice': l.voiceId || '' },
        h('span', { class: 'cost-role' }, `${l.role}: `),
        h('span', { class: 'cost-voice' }, l.voiceId || 'no voice'),
        ` · ${l.engine || '?'} (${formatPrice(l.engine, prices)}) · ${l.characters.toLocaleString()} chars · ${formatUsd(l.usd)}`))),
    );
  }

  private previewDone(): void {
    if (this.previewing) {
      label(this.previewing, '▶', 'Preview');
      this.previewing.setAttribute('aria-pressed', 'false');
      this.previewing = undefined;
    }
  }

  private async preview(ui: RoleUi, btn: HTMLButtonElement): Promise<void> {
    const audio = $<HTMLAudioElement>('preview-audio');
    const err = $('cast-error');
    if (this.previewing === btn) {
      audio.pause();
      return;
    }
    audio.pause();
    const voiceId = this.casting[ui.role.name]?.voiceId || ui.voiceSelect.value;
    if (!voiceId) return;
    setError(err, null);
    btn.disabled = true;
    label(btn, '…', 'Loading');
    try {
      const text = (ui.role.sample || `Hello, I am ${ui.role.name}.`).slice(0, 300);
      const blob = await api.previewVoice(voiceId, text);
      if (this.previewUrl) URL.revokeObjectURL(this.previewUrl);
      this.previewUrl = URL.createObjectURL(blob);
      audio.src = this.previewUrl;
      this.previewing = btn;
      label(btn, '■', 'Stop');
      btn.setAttribute('aria-pressed', 'true');
      await audio.play();
    } catch (e) {
      this.previewDone();
      label(btn, '▶', 'Preview');
      setError(err, `Preview failed: ${errorMessage(e)}`);
    } finally {
      btn.disabled = false;
    }
  }

  private async generate(): Promise<void> {
    if (!this.book) return;
    const btn = $<HTMLButtonElement>('generate');
    setError($('cast-error'), null);
    btn.disabled = true;
    try {
      await this.onGenerate(this.book, this.getCasting());
    } catch (e) {
      setError($('cast-error'), errorMessage(e));
    } finally {
      btn.disabled = false;
    }
  }
}

/**
 * The option text, short enough for a phone-wide select: the name, then only what the name does not
 * already say (eSpeak names carry language and gender). Engines are left to the "Engine used" select
 * and the full description is printed under the select.
 */
export function voiceLabel(v: Voice): string {
  const name = v.name || v.id;
  const low = name.toLowerCase();
  const bits = [v.languageName || v.language, v.gender].filter((b): b is string => !!b && !low.includes(b.toLowerCase()));
  return `${name}${bits.length ? ' · ' + bits.join(', ') : ''}`;
}

/** The full line under the voice select: name, id, language, gender, engines. */
export function voiceDescription(v: Voice): string {
  const name = (v.name || '').toLowerCase();
  const engines = v.engines.join('/');
  const gender = v.gender && !name.includes(v.gender.toLowerCase()) ? v.gender : undefined;
  const provider = v.provider && v.provider !== engines ? v.provider : undefined;
  return [v.name, `id ${v.id}`, v.language, gender, engines, provider].filter(Boolean).join(' · ');
}

function label(btn: HTMLButtonElement, icon: string, word: string): void {
  btn.children[0].textContent = icon;
  btn.children[1].textContent = word;
}
