import { h } from './dom';

/**
 * The book's cover: the image when the backend gives a URL, else a made-up one (a colour picked
 * from the title, and the title's initials). Decorative either way: the title is printed beside it.
 */
export function cover(title: string, url?: string | null, small = false): HTMLElement {
  const cls = `cover${small ? ' small' : ''}`;
  if (url) return h('img', { class: cls, src: url, alt: '', width: small ? 48 : 120, height: small ? 48 : 120 });
  let hash = 0;
  for (const ch of title) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  const initials = title.split(/\s+/).filter((w) => /^\p{L}/u.test(w)).slice(0, 2).map((w) => [...w][0].toUpperCase()).join('') || '♪';
  return h('div', { class: `${cls} gen c${hash % 8}`, 'aria-hidden': 'true' }, h('span', {}, initials));
}

/** Artwork for the lock screen: the cover when there is one, else the app icon. */
export function artwork(url?: string | null): MediaImage[] {
  return url ? [{ src: url, sizes: '512x512' }] : [{ src: new URL('/favicon.svg', location.href).href, sizes: 'any', type: 'image/svg+xml' }];
}
