import { h } from './dom';

/** Cover URL → object URL: the page's CSP lets images come from itself and blob: only, not from the storage. */
const loaded = new Map<string, Promise<string>>();
function objectUrl(url: string): Promise<string> {
  let p = loaded.get(url);
  if (!p) {
    p = fetch(url).then((r) => (r.ok ? r.blob() : Promise.reject(new Error(`HTTP ${r.status}`)))).then((b) => URL.createObjectURL(b));
    p.catch(() => loaded.delete(url));
    loaded.set(url, p);
  }
  return p;
}

/**
 * The book's cover: the image when the backend gives a URL (an EPUB's cover), else a made-up one
 * (a colour picked from the title, and the title's initials), which also stands in while the image
 * loads and when it cannot. Decorative either way: the title is printed beside it.
 */
export function cover(title: string, url?: string | null, small = false): HTMLElement {
  const cls = `cover${small ? ' small' : ''}`;
  let hash = 0;
  for (const ch of title) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  const initials = title.split(/\s+/).filter((w) => /^\p{L}/u.test(w)).slice(0, 2).map((w) => [...w][0].toUpperCase()).join('') || '♪';
  const made = h('div', { class: `${cls} gen c${hash % 8}`, 'aria-hidden': 'true' }, h('span', {}, initials));
  if (url) {
    void objectUrl(url).then((src) => made.replaceWith(h('img', { class: cls, src, alt: '', width: small ? 48 : 120, height: small ? 48 : 120 })), () => undefined);
  }
  return made;
}

/** Artwork for the lock screen: the cover when there is one, else the app icon. */
export async function artwork(url?: string | null): Promise<MediaImage[]> {
  const icon = [{ src: new URL('/favicon.svg', location.href).href, sizes: 'any', type: 'image/svg+xml' }];
  if (!url) return icon;
  return objectUrl(url).then((src) => [{ src, sizes: '512x512' }], () => icon);
}
