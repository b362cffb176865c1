/**
 * The service worker: keeps the app's files so that the scanner opens with no network after a
 * first visit. The build (vite.config.ts) replaces the placeholder below with the list of files
 * and a version derived from their contents. API calls are not cached here: the scanner keeps
 * what it needs offline (keys, queued scans) in IndexedDB.
 */
export {};

// The few service-worker types used (the webworker lib clashes with the DOM one in this project).
interface LifecycleEvent extends Event {
  waitUntil(work: Promise<unknown>): void;
}
interface FetchRequestEvent extends LifecycleEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
declare const self: {
  readonly location: Location;
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: LifecycleEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchRequestEvent) => void): void;
};

const MANIFEST = '__PRECACHE_MANIFEST__' as unknown as { version: string; files: string[] };
const CACHE = `pass-app-${MANIFEST.version}`;
const SHELL = '/app/index.html';
/** Shown offline with the app: remembered from the last time the network answered. */
const RUNTIME = 'pass-runtime';
const REMEMBERED = ['/v1/web/brand-logo'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(MANIFEST.files))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith('pass-app-') && name !== CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (REMEMBERED.includes(url.pathname)) return event.respondWith(networkThenRemembered(request));
  if (!url.pathname.startsWith('/app/') && url.pathname !== '/app') return;
  // Every page of the app is the same shell: answer from the cache at once, even on a bad signal.
  if (request.mode === 'navigate') return event.respondWith(cached(SHELL, request));
  event.respondWith(cached(url.pathname, request));
});

async function cached(path: string, request: Request): Promise<Response> {
  const hit = await caches.match(path, { cacheName: CACHE });
  return hit ?? fetch(request);
}

async function networkThenRemembered(request: Request): Promise<Response> {
  const cache = await caches.open(RUNTIME);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch {
    return (await cache.match(request)) ?? Response.error();
  }
}
