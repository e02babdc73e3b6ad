import { useEffect, useState } from 'preact/hooks';

/** A tiny history router: the API falls back to index.html for every page path, so links are plain paths. */
const listeners = new Set<() => void>();
/** Counts navigations, so a page opened again (a click on the link of the page one is on) reloads. */
let visits = 0;

export function navigate(to: string, replace = false): void {
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  visits++;
  listeners.forEach((l) => l());
  window.scrollTo(0, 0);
}

addEventListener('popstate', () => {
  visits++;
  listeners.forEach((l) => l());
});

export function useLocation(): { url: URL; visit: number } {
  const [, setTick] = useState(0);
  useEffect(() => {
    const update = () => setTick((t) => t + 1);
    listeners.add(update);
    return () => void listeners.delete(update);
  }, []);
  return { url: new URL(location.href), visit: visits };
}

/** Redirects during render: the address changes at once and the caller renders the new page. */
export function redirect(to: string): URL {
  history.replaceState(null, '', to);
  return new URL(location.href);
}

/** Matches "/tasks/:id" style patterns; returns the decoded parameters or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/');
  const s = path.replace(/\/+$/, '').split('/');
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) params[p[i].slice(1)] = decodeURIComponent(s[i]);
    else if (p[i] !== s[i]) return null;
  }
  return params;
}

/** Same-page links without a reload; a modified click (new tab) keeps the browser's behaviour. */
export function onLinkClick(event: MouseEvent): void {
  const a = (event.target as HTMLElement).closest('a');
  if (!a || a.target || a.origin !== location.origin || a.hasAttribute('download')) return;
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(a.pathname + a.search);
}
