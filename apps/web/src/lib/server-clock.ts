/**
 * The server's clock as the pages see it. A demo may start the system clock elsewhere
 * (CLOCK_START), and deadlines are judged on the server's "today": the pages follow it.
 */
let offsetMs = 0;

export const serverNow = (): Date => new Date(Date.now() + offsetMs);

/** Reads /web-clock once; until it answers (or if it fails) the browser's clock is used. */
export async function syncServerClock(): Promise<boolean> {
  try {
    const sent = Date.now();
    const response = await fetch('/web-clock', { cache: 'no-store' });
    if (!response.ok) return false;
    const { now } = (await response.json()) as { now: string };
    const received = Date.now();
    offsetMs = Date.parse(now) - (sent + received) / 2;
    return Math.abs(offsetMs) > 60_000;
  } catch {
    return false;
  }
}
