import { $ } from './dom';
import { actionFor, type Action } from './keys';
import type { Player } from './player';

/** The player's keys (see keys.ts), on the whole page while step 4 shows; never while typing in a field. */
export function bindKeys(player: Player): void {
  /** Space went down on an element we took it from: swallow its keyup too (a button clicks on keyup). */
  let spaceTaken = false;
  document.addEventListener('keydown', (e) => {
    if ($('listen-step').hidden || !player.book || e.defaultPrevented) return;
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
      if (e.key === ' ') spaceTaken = true;
      if (!e.repeat) player.toggle();
      return;
    }
    e.preventDefault();
    runAction(player, action);
  });
  document.addEventListener('keyup', (e) => {
    if (spaceTaken && (e.key === ' ' || e.code === 'Space')) {
      spaceTaken = false;
      e.preventDefault();
    }
  });
}

export function runAction(player: Player, action: Action): void {
  const x = player.extras;
  const run: Record<Action, () => void> = {
    toggle: () => player.toggle(),
    back: () => player.skip(-x.skipBack),
    forward: () => player.skip(x.skipForward),
    prevSegment: () => player.step(-1),
    nextSegment: () => player.step(1),
    prevChapter: () => player.chapter(-1),
    nextChapter: () => player.chapter(1),
    slower: () => x.nudgeRate(-0.25),
    faster: () => x.nudgeRate(0.25),
    bookmark: () => x.addBookmark(),
  };
  run[action]();
}
