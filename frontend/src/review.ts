import { ApiError, cache, parseProblem, statusMessage } from './api';
import { h } from './dom';
import type { BookResponse, Casting, Role, Segment } from './types';

/** One correction, as PATCH /api/books/{id} takes it (docs/API.md). */
export interface EditOperation {
  op: 'rename' | 'merge' | 'move' | 'narrate';
  role?: string;
  to?: string;
  from?: string;
  into?: string;
  segments?: number[];
}

export const NARRATOR = 'Narrator';
/** Lines shown at first in a role's list; "Show more" adds as many again (a novel's narrator has thousands). */
export const LINES_PAGE = 50;

/** Roles whose review panel is open: re-opened after an edit redraws the cards. */
const openPanels = new Set<string>();

/** Applies edits on the server (all or nothing) and returns the edited book; a refusal is an ApiError. */
export async function editBook(book: BookResponse, operations: EditOperation[]): Promise<BookResponse> {
  let res: Response;
  try {
    res = await fetch(`/api/books/${encodeURIComponent(book.id)}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ baseVersion: book.version, operations }),
    });
  } catch {
    throw new ApiError(statusMessage(0), 0);
  }
  if (!res.ok) throw parseProblem(res.status, res.headers.get('content-type'), await res.text(), res.statusText);
  const edited = (await res.json()) as BookResponse;
  for (const o of operations) {
    if (o.op === 'rename' && o.role && o.to && openPanels.delete(o.role)) openPanels.add(o.to.trim());
  }
  cache.set(`/api/books/${encodeURIComponent(book.id)}`, edited);
  return edited;
}

/**
 * The reader's casting carried over an edit: a renamed role keeps its voice, a merged role's voice
 * goes with it, and roles the edit made get the server's suggestion.
 */
export function carryCasting(before: Casting, operations: EditOperation[], after: BookResponse): Casting {
  const carried: Casting = { ...before };
  for (const o of operations) {
    if (o.op === 'rename' && o.role && o.to && carried[o.role]) {
      carried[o.to.trim()] = carried[o.role];
      delete carried[o.role];
    }
  }
  const out: Casting = {};
  for (const r of after.book.roles) {
    const c = carried[r.name] || after.casting?.[r.name];
    if (c) out[r.name] = c;
  }
  return out;
}

/** The role's lines, in reading order. */
export function linesOf(book: BookResponse, role: string): Segment[] {
  return book.book.chapters.flatMap((c) => c.segments.filter((s) => s.role === role));
}

/**
 * The review panel of a role card: rename, merge into another role, and each line with "move to"
 * (an existing or a new role) and "narration". Lines are drawn when the panel opens.
 */
export function reviewPanel(book: BookResponse, role: Role, id: string, edit: (ops: EditOperation[]) => void): HTMLElement {
  const others = book.book.roles.map((r) => r.name).filter((n) => n !== role.name);
  const panel = h('details', { class: 'review', id: `${id}-review`, open: openPanels.has(role.name) },
    h('summary', {}, `Review lines and name (${role.segments})`));
  const names = h('datalist', { id: `${id}-names` }, ...book.book.roles.map((r) => h('option', { value: r.name })));
  const rename = h('input', { type: 'text', id: `${id}-rename`, value: role.name, autocomplete: 'off', maxlength: 100 });
  const renameBtn = h('button', { type: 'button', class: 'secondary' }, 'Rename', h('span', { class: 'visually-hidden' }, ` ${role.name}`));
  renameBtn.addEventListener('click', () => {
    if (rename.value.trim() !== role.name) edit([{ op: 'rename', role: role.name, to: rename.value }]);
  });
  const into = h('select', { id: `${id}-merge` }, ...others.map((n) => h('option', { value: n }, n)));
  const mergeBtn = h('button', { type: 'button', class: 'secondary', disabled: !others.length }, 'Merge', h('span', { class: 'visually-hidden' }, ` ${role.name} into the chosen role`));
  mergeBtn.addEventListener('click', () => into.value && edit([{ op: 'merge', from: role.name, into: into.value }]));
  const list = h('ol', { class: 'role-lines' });
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, 'Show more lines');
  const lines = linesOf(book, role.name);
  let shown = 0;
  const draw = (upTo: number) => {
    shown = upTo;
    list.replaceChildren(...lines.slice(0, upTo).map((s) => lineItem(s, role.name, id, edit)));
    more.hidden = lines.length <= upTo;
  };
  more.addEventListener('click', () => draw(shown + LINES_PAGE));
  panel.addEventListener('toggle', () => {
    if (panel.open) openPanels.add(role.name);
    else openPanels.delete(role.name);
    if (panel.open && !list.childElementCount) draw(LINES_PAGE);
  });
  if (panel.open) draw(LINES_PAGE);
  panel.append(
    h('div', { class: 'review-role' },
      h('div', { class: 'field grow' }, h('label', { for: rename.id }, 'Name'), rename), renameBtn,
      others.length ? h('div', { class: 'field grow' }, h('label', { for: into.id }, 'Merge into'), into) : null, others.length ? mergeBtn : null),
    names, list, more);
  return panel;
}

function lineItem(s: Segment, role: string, id: string, edit: (ops: EditOperation[]) => void): HTMLElement {
  const field = h('input', { type: 'text', id: `${id}-move-${s.index}`, list: `${id}-names`, autocomplete: 'off', maxlength: 100, placeholder: 'role' });
  const move = h('button', { type: 'button', class: 'secondary' }, 'Move', h('span', { class: 'visually-hidden' }, ` line ${s.index + 1}`));
  move.addEventListener('click', () => {
    if (field.value.trim() && field.value.trim() !== role) edit([{ op: 'move', segments: [s.index], to: field.value }]);
  });
  field.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') move.click();
  });
  const narrate = role === NARRATOR ? null
    : h('button', { type: 'button', class: 'secondary narrate' }, 'Narration', h('span', { class: 'visually-hidden' }, ` (line ${s.index + 1} is not speech)`));
  narrate?.addEventListener('click', () => edit([{ op: 'narrate', segments: [s.index] }]));
  return h('li', { 'data-segment': s.index },
    h('p', { class: 'line-text' }, h('span', { class: 'muted small' }, `#${s.index + 1} `), s.text.length > 300 ? s.text.slice(0, 299) + '…' : s.text),
    h('div', { class: 'line-actions' },
      h('label', { for: field.id, class: 'small' }, 'Move to'), field, move, narrate));
}
