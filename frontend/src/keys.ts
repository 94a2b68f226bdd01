/** The player's keyboard shortcuts: one table drives both the handler and the list shown on the page. */
export type Action =
  | 'toggle' | 'back' | 'forward' | 'prevSegment' | 'nextSegment' | 'prevChapter' | 'nextChapter'
  | 'slower' | 'faster' | 'bookmark';

export const SHORTCUTS: { keys: string[]; label: string; action: Action }[] = [
  { keys: ['Space', 'K'], label: 'play / pause', action: 'toggle' },
  { keys: ['←', 'J'], label: 'skip back', action: 'back' },
  { keys: ['→', 'L'], label: 'skip forward', action: 'forward' },
  { keys: [','], label: 'previous segment', action: 'prevSegment' },
  { keys: ['.'], label: 'next segment', action: 'nextSegment' },
  { keys: ['['], label: 'previous chapter', action: 'prevChapter' },
  { keys: [']'], label: 'next chapter', action: 'nextChapter' },
  { keys: ['-'], label: 'slower', action: 'slower' },
  { keys: ['+'], label: 'faster', action: 'faster' },
  { keys: ['B'], label: 'add a bookmark', action: 'bookmark' },
];

const BY_KEY: Record<string, Action> = {
  ' ': 'toggle', k: 'toggle', ArrowLeft: 'back', j: 'back', ArrowRight: 'forward', l: 'forward',
  ',': 'prevSegment', '<': 'prevSegment', '.': 'nextSegment', '>': 'nextSegment', '[': 'prevChapter', ']': 'nextChapter',
  '-': 'slower', _: 'slower', '+': 'faster', '=': 'faster', b: 'bookmark',
};

/** The action for a key press, or undefined (modifier keys other than Shift never match). */
export function actionFor(e: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey'>): Action | undefined {
  if (e.altKey || e.ctrlKey || e.metaKey) return undefined;
  const k = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  return BY_KEY[k];
}
