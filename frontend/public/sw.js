/* EtoAudioBook service worker: app shell cache + last /api/voices response (network first). */
const VERSION = 'eab-v1';
const SHELL = `${VERSION}-shell`;
const API = `${VERSION}-api`;

async function precacheShell() {
  const cache = await caches.open(SHELL);
  const res = await fetch('/', { cache: 'no-cache' });
  if (!res.ok) return;
  const html = await res.clone().text();
  await cache.put('/', res);
  // The hashed assets named by index.html (Vite writes them as /assets/...).
  const urls = new Set(['/favicon.svg']);
  for (const m of html.matchAll(/(?:src|href)="(\/[^"#?]+)"/g)) urls.add(m[1]);
  await Promise.all([...urls].map((u) => cache.add(u).catch(() => undefined)));
}

self.addEventListener('install', (event) => {
  event.waitUntil(precacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const k of await caches.keys()) if (!k.startsWith(VERSION)) await caches.delete(k);
    await self.clients.claim();
  })());
});

async function networkFirst(request, cacheName, key) {
  const cache = await caches.open(cacheName);
  try {
    const res = await fetch(request);
    if (res.ok) await cache.put(key || request, res.clone());
    return res;
  } catch (e) {
    const hit = await cache.match(key || request);
    if (hit) return hit;
    throw e;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(SHELL);
  const hit = await cache.match(request);
  if (hit) return hit;
  const res = await fetch(request);
  if (res.ok) await cache.put(request, res.clone());
  return res;
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    event.respondWith(networkFirst(req, SHELL, '/'));
  } else if (url.pathname === '/api/voices') {
    event.respondWith(networkFirst(req, API, '/api/voices'));
  } else if (url.pathname.startsWith('/assets/') || url.pathname === '/favicon.svg') {
    event.respondWith(cacheFirst(req));
  }
  // Everything else (other API calls, audio) goes straight to the network.
});
