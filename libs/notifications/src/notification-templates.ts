/**
 * Vietnamese email templates (plain text and HTML) for reminders (đôn đốc), escalations (cảnh báo
 * quá hạn, báo cáo cấp trên) and the per-agency digest. Pure: every figure comes in computed.
 */
export interface TemplateItem {
  taskId: string;
  kind: 'reminder' | 'escalation';
  rung: string;
  noticeNumber: string;
  text: string;
  /** Nominal due date (YYYY-MM-DD) or 'none'. */
  due: string;
  /** The last day still on time after Điều 148 roll-forward, when different from `due`. */
  effectiveDue?: string;
  /** Calendar days until the (effective) due date; negative or zero once due. */
  daysLeft?: number;
  /** Working days past the effective due date, when overdue. */
  workingDaysOverdue?: number;
  /** A periodic duty's period the item is about ("2026-12", "2026-Q4", "2026-H2", "2026", "2026-W49"). */
  period?: string;
  link: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export const formatDate = (date: string): string =>
  /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}` : 'không có thời hạn';

/** "12/2026", "quý IV/2026", "6 tháng cuối năm 2026", "năm 2026", "tuần 49/2026". */
export function formatPeriod(period: string): string {
  const [year, part] = period.split('-');
  if (!part) return `năm ${year}`;
  if (part.startsWith('Q')) return `quý ${['I', 'II', 'III', 'IV'][Number(part.slice(1)) - 1] ?? part.slice(1)}/${year}`;
  if (part.startsWith('H')) return `6 tháng ${part === 'H1' ? 'đầu' : 'cuối'} năm ${year}`;
  if (part.startsWith('W')) return `tuần ${part.slice(1)}/${year}`;
  return `${part}/${year}`;
}

/** The rung of a periodic duty's missed period (its one escalation). */
const MISSED = 'missed';

export function rungLabel(item: Pick<TemplateItem, 'rung' | 'kind'>): string {
  if (item.rung.startsWith('assigned-')) return 'Giao nhiệm vụ';
  if (item.rung === 'unanswered') return 'Báo cáo cấp trên: chưa cập nhật sau nhiều lần đôn đốc';
  if (item.rung === MISSED) return 'Cảnh báo chưa báo cáo định kỳ';
  return item.kind === 'escalation' ? 'Cảnh báo quá hạn' : 'Đôn đốc thực hiện nhiệm vụ';
}

export function statusLine(item: TemplateItem): string {
  if (item.due === 'none') return 'Nhiệm vụ không có thời hạn cụ thể.';
  const rolled = item.effectiveDue && item.effectiveDue !== item.due;
  if (item.rung === MISSED && item.period)
    return `Chưa nhận được báo cáo định kỳ kỳ ${formatPeriod(item.period)} (hạn ${formatDate(item.due)}).`;
  const head = item.period ? `Báo cáo định kỳ kỳ ${formatPeriod(item.period)}. ` : '';
  const due = `${head}Thời hạn: ${formatDate(item.due)}${rolled ? ` (ngày nghỉ, được tính đến hết ngày ${formatDate(item.effectiveDue!)})` : ''}.`;
  if (item.workingDaysOverdue !== undefined && item.workingDaysOverdue > 0)
    return `${due} Đã quá hạn ${item.workingDaysOverdue} ngày làm việc.`;
  if (item.daysLeft === undefined) return due;
  if (item.daysLeft <= 0) return `${due} Hôm nay là ngày cuối cùng của thời hạn.`;
  return `${due} Còn ${item.daysLeft} ngày.`;
}

export function renderMail(agencyName: string, items: TemplateItem[]): RenderedMail {
  if (items.length === 1) {
    const [item] = items;
    const subject = `[${rungLabel(item)}] ${item.noticeNumber}: ${statusLine(item).replace(/\.$/, '')}`;
    const text = [
      `Kính gửi: ${agencyName}`,
      '',
      `${rungLabel(item)}.`,
      `Văn bản: ${item.noticeNumber}`,
      `Nội dung nhiệm vụ: ${item.text}`,
      statusLine(item),
      `Xem và cập nhật tình hình thực hiện: ${item.link}`,
      '',
      FOOTER,
    ].join('\n');
    const html = `<p>Kính gửi: ${esc(agencyName)}</p><p><strong>${esc(rungLabel(item))}</strong></p>
<p>Văn bản: ${esc(item.noticeNumber)}<br>Nội dung nhiệm vụ: ${esc(item.text)}<br>${esc(statusLine(item))}</p>
<p><a href="${esc(item.link)}">Xem và cập nhật tình hình thực hiện</a></p><p><small>${esc(FOOTER)}</small></p>`;
    return { subject, text, html };
  }
  const overdue = items.filter((i) => (i.workingDaysOverdue ?? 0) > 0).length;
  const subject = `[Tổng hợp đôn đốc] ${agencyName}: ${items.length} nhiệm vụ cần lưu ý${overdue ? `, ${overdue} nhiệm vụ quá hạn` : ''}`;
  const lines = items.map((i, n) => `${n + 1}. [${rungLabel(i)}] ${i.noticeNumber} — ${i.text}\n   ${statusLine(i)}\n   ${i.link}`);
  const text = [`Kính gửi: ${agencyName}`, '', `Danh sách ${items.length} nhiệm vụ cần lưu ý:`, '', ...lines, '', FOOTER].join('\n');
  const rows = items
    .map(
      (i, n) =>
        `<tr><td>${n + 1}</td><td>${esc(rungLabel(i))}</td><td>${esc(i.noticeNumber)}</td><td>${esc(i.text)}</td><td>${esc(statusLine(i))}</td><td><a href="${esc(i.link)}">Xem</a></td></tr>`,
    )
    .join('\n');
  const html = `<p>Kính gửi: ${esc(agencyName)}</p><p>Danh sách ${items.length} nhiệm vụ cần lưu ý:</p>
<table border="1" cellpadding="4" cellspacing="0"><tr><th>TT</th><th>Loại</th><th>Văn bản</th><th>Nội dung nhiệm vụ</th><th>Thời hạn</th><th></th></tr>
${rows}</table><p><small>${esc(FOOTER)}</small></p>`;
  return { subject, text, html };
}

const FOOTER = 'Thư này được gửi tự động từ hệ thống Theo dõi nhiệm vụ của Văn phòng Chính phủ. Vui lòng không trả lời thư này.';

function esc(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
