import { h } from './dom';
import { markIndexAt, splitByWords } from './timing';
import type { Mark, PlayerSegment } from './types';

/** The current segment's text with the spoken word and sentence lit (binary search per frame, two class swaps). */
export class ReadAlong {
  private wordSpans: HTMLElement[] = [];
  private sentenceSpans: HTMLElement[][] = [];
  private word = -1;
  private sentence = -1;

  /** onWord: a click on a spoken word, with its time (ms into the segment); mouse only, keys have skips. */
  constructor(private readonly box: HTMLElement, onWord: (ms: number) => void) {
    box.addEventListener('click', (e) => {
      const i = this.wordSpans.indexOf(e.target as HTMLElement);
      const mark = this.marks[i];
      if (mark) onWord(mark[2]);
    });
  }
  private marks: readonly Mark[] = [];

  show(seg: PlayerSegment): void {
    const pieces = splitByWords(seg.text, seg.words || [], seg.sentences || []);
    this.wordSpans = [];
    this.marks = seg.words || [];
    this.sentenceSpans = [];
    this.word = -1;
    this.sentence = -1;
    this.box.replaceChildren(...pieces.map((p) => {
      const span = h('span', { class: p.word >= 0 ? 'w' : undefined }, p.text);
      if (p.word >= 0) this.wordSpans[p.word] = span;
      if (p.sentence >= 0) (this.sentenceSpans[p.sentence] ||= []).push(span);
      return span;
    }));
  }

  /** Lights the word and sentence spoken at ms into the segment's audio. */
  at(seg: PlayerSegment, ms: number): void {
    const w = seg.words?.length ? markIndexAt(seg.words, ms) : -1;
    const s = seg.sentences?.length ? markIndexAt(seg.sentences, ms) : -1;
    if (w !== this.word) {
      this.wordSpans[this.word]?.classList.remove('on');
      this.wordSpans[this.word]?.removeAttribute('data-current');
      this.wordSpans[w]?.classList.add('on');
      this.wordSpans[w]?.setAttribute('data-current', 'word');
      this.word = w;
      this.box.dataset.word = String(w);
    }
    if (s !== this.sentence) {
      this.sentenceSpans[this.sentence]?.forEach((x) => x.classList.remove('sent'));
      this.sentenceSpans[s]?.forEach((x) => x.classList.add('sent'));
      this.sentence = s;
    }
  }
}
