import { api, errorMessage, putWithProgress } from './api';
import { $, setError, show } from './dom';
import type { BookResponse } from './types';

const TYPES: Record<string, string> = {
  md: 'text/markdown',
  markdown: 'text/markdown',
  txt: 'text/plain',
  fountain: 'text/plain',
  epub: 'application/epub+zip',
  html: 'text/html',
  htm: 'text/html',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export const MAX_BYTES = 20 * 1024 * 1024;

export function contentTypeFor(fileName: string, declared = ''): string {
  const ext = fileName.toLowerCase().split('.').pop() || '';
  return TYPES[ext] || declared || 'application/octet-stream';
}

export function initUpload(onBook: (b: BookResponse) => void): void {
  const zone = $('dropzone');
  const input = $<HTMLInputElement>('file-input');
  const status = $('upload-status');
  const bar = $<HTMLProgressElement>('upload-progress');
  const label = $('upload-progress-label');
  const pct = $('upload-percent');
  const fileLine = $('upload-file');
  const err = $('upload-error');
  let busy = false;

  async function handle(file: File) {
    if (busy) return;
    busy = true;
    setError(err, null);
    show(status);
    fileLine.textContent = `${file.name} (${(file.size / 1024).toFixed(1)} KB)`;
    bar.value = 0;
    pct.textContent = '0%';
    label.textContent = 'Preparing upload…';
    zone.classList.add('busy');
    try {
      if (file.size > MAX_BYTES) throw new Error('The file is larger than 20 MB.');
      if (file.size === 0) throw new Error(`“${file.name}” is empty (0 bytes). Choose a file with the text of a story or a book.`);
      const type = contentTypeFor(file.name, file.type);
      const up = await api.createUpload(file.name, type, file.size);
      label.textContent = 'Uploading';
      const headers = { 'Content-Type': type, ...(up.headers || {}) };
      await putWithProgress(up.url, file, headers, (f) => {
        const p = Math.round(f * 100);
        bar.value = p;
        pct.textContent = `${p}%`;
      }, up.method).promise;
      label.textContent = 'Reading the book…';
      bar.removeAttribute('value'); // indeterminate while the server parses
      pct.textContent = '';
      const book = await api.createBook(up.uploadId);
      label.textContent = 'Done';
      bar.value = 100;
      pct.textContent = '100%';
      onBook(book);
    } catch (e) {
      setError(err, errorMessage(e));
      show(status, false);
    } finally {
      busy = false;
      zone.classList.remove('busy');
      input.value = '';
    }
  }

  input.addEventListener('change', () => {
    const f = input.files?.[0];
    if (f) void handle(f);
  });
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    const f = e.dataTransfer?.files?.[0];
    if (f) void handle(f);
  });
  // Dropping a file anywhere else must not navigate away from the app.
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', (e) => e.preventDefault());
}
