import { $, h } from './dom';
import { debounce, filterVoices } from './voices';
import type { Voice } from './types';

/** The always-present voice library: shows the (cached) voice list, also offline. */
export class Library {
  private voices: Voice[] = [];
  private readonly q = $<HTMLInputElement>('lib-q');
  constructor(onRefresh: () => void) {
    const d = debounce(() => this.render(), 250);
    this.q.addEventListener('input', d);
    $('lib-refresh').addEventListener('click', onRefresh);
    // drawn when opened: hundreds of voices are DOM the page does not need while the box is closed
    $('lib-details').addEventListener('toggle', () => this.render());
  }
  set(voices: Voice[]): void {
    this.voices = voices;
    this.render();
  }
  private render(): void {
    const list = filterVoices(this.voices, { q: this.q.value });
    $('lib-count').textContent = `(${this.voices.length} voices)`;
    if (!$<HTMLDetailsElement>('lib-details').open) {
      $('lib-list').replaceChildren();
      return;
    }
    $('lib-list').replaceChildren(...list.slice(0, 300).map((v) =>
      h('li', {}, h('strong', {}, v.name), ' ', h('span', { class: 'muted' }, libraryDetails(v)))));
  }
}

/** What the name does not already say: eSpeak names carry language and gender; provider = engine is said once. */
export function libraryDetails(v: Voice): string {
  const name = (v.name || '').toLowerCase();
  const engines = v.engines.join('/');
  const lang = v.languageName || v.language;
  return [
    lang && !name.includes(lang.toLowerCase()) ? lang : v.language,
    v.gender && !name.includes(v.gender.toLowerCase()) ? v.gender : undefined,
    engines,
    v.provider && v.provider !== engines ? v.provider : undefined,
  ].filter(Boolean).join(' · ');
}
