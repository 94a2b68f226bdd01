import { h, $ } from './dom';
import type { JobView } from './types';

/** The job's files, named after the book. */
export function renderDownloads(job: JobView): void {
  const o = job.outputs || {};
  const safe = (job.title || 'audiobook').replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'audiobook';
  const link = (href: string | undefined, file: string, cls: string, id: string, text: string) =>
    href ? h('a', { href, download: file, class: `button ${cls}`, id, 'data-file': file }, text) : null;
  const mp3 = link(o.audiobook, `${safe}.mp3`, 'primary', 'dl-audiobook', '⬇ Audiobook (MP3)');
  const small = [
    link(o.captions, `${safe}.vtt`, '', 'dl-captions', '⬇ Captions (VTT)'),
    link(o.chapters, `${safe}.chapters.json`, 'secondary', 'dl-chapters', 'Chapters (JSON)'),
  ].filter(Boolean) as HTMLAnchorElement[];
  // A download attribute is ignored on another origin (presigned links are). The server names the MP3
  // after the book; the small captions and chapters files are fetched and saved under the book's name.
  for (const a of small) a.addEventListener('click', (e) => void saveAs(e, a));
  const links = [mp3, ...small].filter(Boolean) as HTMLElement[];
  $('downloads').replaceChildren(...(links.length ? [h('h3', {}, 'Downloads'), h('p', { class: 'links' }, ...links)] : []));
}

async function saveAs(e: Event, a: HTMLAnchorElement): Promise<void> {
  if (new URL(a.href, location.href).origin === location.origin) return; // the download attribute works
  e.preventDefault();
  const label = a.textContent;
  a.textContent = 'Preparing download…';
  try {
    const res = await fetch(a.href);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const url = URL.createObjectURL(await res.blob());
    const tmp = h('a', { href: url, download: a.dataset.file || '' });
    document.body.append(tmp);
    tmp.click();
    tmp.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch {
    location.href = a.href; // no CORS on the storage: download under the storage's name rather than not at all
  } finally {
    a.textContent = label;
  }
}
