import { serverNow } from './server-clock';

/** Dates as Vietnamese officials write them: dd/mm/yyyy, in Asia/Ho_Chi_Minh whatever the browser's zone. */
const TZ = 'Asia/Ho_Chi_Minh';
const dateFmt = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, day: '2-digit', month: '2-digit', year: 'numeric' });
const timeFmt = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hour12: false });

/** "2026-03-15" (a local date, as deadlines are) → "15/03/2026". */
export function formatDate(localDate: string | null | undefined): string {
  if (!localDate) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(localDate.slice(0, 10));
  if (!m || localDate.length > 10) return localDate.length > 10 ? formatDateTime(localDate).slice(0, 10) : localDate;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** An instant → "15/03/2026 08:00" in Hà Nội time. */
export function formatDateTime(instant: string): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  return `${dateFmt.format(d)} ${timeFmt.format(d)}`;
}

/** Today's local date in Hà Nội as YYYY-MM-DD, by the server's clock. */
export function todayLocal(now: Date = serverNow()): string {
  const parts = dateFmt.formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Lower-case without diacritics, so "du lieu dan cu" finds "dữ liệu dân cư" (đ is not a combining mark). */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'd')
    .toLowerCase();
}

export function percent(part: number, whole: number): string {
  return whole ? `${Math.round((100 * part) / whole)}%` : '—';
}
