import { formatPeriod, renderMail, TemplateItem } from '@tdnv/notifications';

/** Issue 11: the Vietnamese words of a periodic duty's emails. */
const item = (over: Partial<TemplateItem>): TemplateItem => ({
  taskId: 't',
  kind: 'escalation',
  rung: 'missed',
  noticeNumber: '90/TB-VPCP',
  text: 'Hằng tháng, trước ngày 05, báo cáo tình hình giải ngân',
  due: '2026-12-05',
  effectiveDue: '2026-12-07',
  workingDaysOverdue: 1,
  period: '2026-12',
  link: 'https://theodoi.example.gov.vn/tasks/t',
  ...over,
});

describe('periodic duty emails', () => {
  it('names a missed period and its due date', () => {
    const mail = renderMail('Bộ Tài chính', [item({})]);
    expect(mail.subject).toBe('[Cảnh báo chưa báo cáo định kỳ] 90/TB-VPCP: Chưa nhận được báo cáo định kỳ kỳ 12/2026 (hạn 05/12/2026)');
    expect(mail.text).toContain('Chưa nhận được báo cáo định kỳ kỳ 12/2026 (hạn 05/12/2026).');
  });

  it('names the period of a reminder, and every kind of period', () => {
    const mail = renderMail('Bộ Tài chính', [item({ kind: 'reminder', rung: 'before-3', workingDaysOverdue: undefined, daysLeft: 5 })]);
    expect(mail.subject).toBe(
      '[Đôn đốc thực hiện nhiệm vụ] 90/TB-VPCP: Báo cáo định kỳ kỳ 12/2026. Thời hạn: 05/12/2026 (ngày nghỉ, được tính đến hết ngày 07/12/2026). Còn 5 ngày',
    );
    expect(['2026-Q4', '2026-H1', '2026-H2', '2026', '2026-W49'].map(formatPeriod)).toEqual([
      'quý IV/2026',
      '6 tháng đầu năm 2026',
      '6 tháng cuối năm 2026',
      'năm 2026',
      'tuần 49/2026',
    ]);
  });
});
