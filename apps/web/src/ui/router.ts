import { useEffect, useState } from 'preact/hooks';

/** A few pages, addressed by path under /app/: history API, no dependency. */
const listeners = new Set<() => void>();
let navigations = 0;

/** False on the first page of a visit: its focus stays at the top, where the skip link is. */
export function hasNavigated(): boolean {
  return navigations > 0;
}

export function navigate(path: string, replace = false): void {
  navigations++;
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  listeners.forEach((listener) => listener());
}

window.addEventListener('popstate', () => {
  navigations++;
  listeners.forEach((listener) => listener());
});

export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPath(location.pathname);
    listeners.add(update);
    return () => listeners.delete(update);
  }, []);
  return path.replace(/\/+$/, '') || '/app';
}

/** Same-origin links under /app/ change page without reloading (modifier keys keep their meaning). */
export function interceptLinks(root: HTMLElement): void {
  root.addEventListener('click', (event) => {
    const link = (event.target as Element).closest?.('a');
    if (!link || event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || link.target || link.download)
      return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || !url.pathname.startsWith('/app')) return;
    // In-page anchors (the skip link) keep the browser's behaviour: scroll and focus.
    if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
    event.preventDefault();
    navigate(url.pathname + url.search + url.hash);
  });
}
