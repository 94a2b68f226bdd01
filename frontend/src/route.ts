/** The deep link in the URL fragment: #job=<id> or #book=<id>. */
export interface Route {
  job?: string;
  book?: string;
}

const ID = /^[A-Za-z0-9_-]{1,128}$/;

export function parseHash(hash: string): Route {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const r: Route = {};
  const job = p.get('job');
  const book = p.get('book');
  if (job && ID.test(job)) r.job = job;
  if (book && ID.test(book)) r.book = book;
  return r;
}

export function formatHash(r: Route): string {
  if (r.job) return `#job=${encodeURIComponent(r.job)}`;
  if (r.book) return `#book=${encodeURIComponent(r.book)}`;
  return '';
}
