import * as fs from 'fs';
import * as path from 'path';
import { ParsedDirective, parse } from '.';

/**
 * Seeds 000 and 004: every appendix row becomes one directive with its lead and deadline. The row
 * counts were made by hand from the seeds (000: tab-separated; 004: one cell line at a time).
 */
const SEEDS = path.resolve(__dirname, '../../../../shared/seeds');
const read = (prefix: string) => {
  const file = fs.readdirSync(SEEDS).find((f) => f.startsWith(prefix));
  return fs.readFileSync(path.join(SEEDS, file!), 'utf8');
};

function rows(text: string): Map<string, ParsedDirective> {
  const out = new Map<string, ParsedDirective>();
  for (const d of parse(text).directives) if (d.path.startsWith('PL.')) out.set(d.path, d);
  return out;
}

const countByGroup = (m: Map<string, ParsedDirective>) => {
  const counts: Record<string, number> = {};
  for (const p of m.keys()) counts[p.split('.')[1]] = (counts[p.split('.')[1]] ?? 0) + 1;
  return counts;
};

const leads = (d: ParsedDirective | undefined) => d?.lead.map((l) => l.code);
const due = (d: ParsedDirective | undefined) => [d?.deadline.kind, d?.deadline.due];

describe('seed 000: appendix of Báo cáo 10/BC-BTTTT (tab-separated, rows across page breaks)', () => {
  const table = rows(read('000_'));

  it('finds every row of every group: 23 + 28 + 13 + 6 + 9 + 2 = 81', () => {
    expect(countByGroup(table)).toEqual({ I: 23, II: 28, III: 13, IV: 6, V: 9, VI: 2 });
    expect(table.size).toBe(81);
  });

  it('gives every row a lead and a deadline', () => {
    for (const d of table.values()) {
      expect(d.lead.length).toBeGreaterThan(0);
      expect(d.deadline.due).not.toBeNull();
    }
  });

  it('reads rows exactly', () => {
    const first = table.get('PL.I.1');
    expect(first?.text.startsWith('Xây dựng Nghị định thay thế Nghị định số 102/2009/NĐ-CP')).toBe(true);
    // Bộ Thông tin và Truyền thông is assigned to its successor, with a warning.
    expect(leads(first)).toEqual(['BKHCN']);
    expect(first?.warnings.join(' ')).toContain('Bộ Thông tin và Truyền thông');
    expect(due(first)).toEqual(['month', '2019-03-31']);
    expect([leads(table.get('PL.I.11')), due(table.get('PL.I.11'))]).toEqual([['BCA'], ['quarter', '2021-03-31']]);
    expect([leads(table.get('PL.I.13')), due(table.get('PL.I.13'))]).toEqual([['BCA'], ['year', '2020-12-31']]);
    expect([leads(table.get('PL.V.8')), due(table.get('PL.V.8'))]).toEqual([['VNPOST'], ['year', '2020-12-31']]);
  });

  it('fans a group lead out and reads a range', () => {
    const d = table.get('PL.II.12');
    expect(leads(d)).toEqual(['ALL_MINISTRIES', 'ALL_PROVINCES']);
    expect(d?.fanout).toBe('ALL_MINISTRIES_AND_PROVINCES');
    expect(due(d)).toEqual(['range', '2025-12-31']);
  });

  it('joins a row continued after a repeated header (content and lead cells)', () => {
    expect(table.get('PL.IV.4')?.text).toMatch(
      /đẩy mạnh triển khai các hoạt động bảo đảm an toàn thông tin theo quy định tại Nghị định số 85\/2016\/NĐ-CP/,
    );
    expect(leads(table.get('PL.V.9'))).toEqual(['BKHCN', 'TTXVN', 'DTNVN', 'DTHVN', 'ALL_MINISTRIES', 'ALL_PROVINCES']);
  });
});

describe('seed 004: appendix of the 2023 report on Quyết định 942/QĐ-TTg (one cell line at a time)', () => {
  const table = rows(read('004_'));

  it('finds every row: 56 in group I, 18 in group II', () => {
    expect(countByGroup(table)).toEqual({ I: 56, II: 18 });
  });

  it('takes the lead of group I from its heading and of group II from the lead column', () => {
    for (const [p, d] of table) {
      if (p.startsWith('PL.I.')) expect(leads(d)).toEqual(['BKHCN']);
      else expect(d.lead.length).toBe(1);
    }
    expect(leads(table.get('PL.II.2'))).toEqual(['BKHCN']);
    expect(leads(table.get('PL.II.12'))).toEqual(['BCYCP']);
    expect(leads(table.get('PL.II.10'))).toEqual(['BTC']);
    expect(table.get('PL.II.10')?.warnings.join(' ')).toContain('Bộ Kế hoạch và Đầu tư');
  });

  it('reads the progress/deadline column ("Đang thực hiện/2025", "/Hàng năm", "/2021-2025")', () => {
    expect(due(table.get('PL.I.1'))).toEqual(['recurring', '2023-12-31']);
    expect(due(table.get('PL.I.2'))).toEqual(['year', '2025-12-31']);
    expect(due(table.get('PL.I.4'))).toEqual(['range', '2025-12-31']);
    expect(due(table.get('PL.I.12'))).toEqual(['year', '2023-12-31']);
    expect(due(table.get('PL.I.53'))).toEqual(['none', null]);
    expect(due(table.get('PL.II.1'))).toEqual(['none', null]);
  });

  it('keeps the task text of a row', () => {
    expect(table.get('PL.I.1')?.text).toBe('Tổ chức triển khai các chiến dịch bảo đảm an toàn thông tin mạng');
    expect(table.get('PL.II.7')?.text).toBe('Nghiên cứu, đề xuất sửa đổi Luật Lưu trữ');
    expect(table.get('PL.II.16')?.text).toMatch(/^Lựa chọn ưu tiên, đẩy mạnh phong trào nghiên cứu một số công nghệ cốt lõi/);
  });
});

describe('reports: only the task table gives tasks, and its result column gives their status (issue 12)', () => {
  const seed000 = parse(read('000_'));

  it('seed 000 yields exactly its 81 appendix rows, nothing from the report body', () => {
    expect(seed000.directives).toHaveLength(81);
    expect(seed000.directives.every((d) => d.path.startsWith('PL.'))).toBe(true);
    expect(seed000.notice.kind).toBe('bao_cao');
  });

  it('says why the body paragraphs that look like tasks are skipped', () => {
    const reasons = new Set(seed000.skipped.map((s) => s.reason));
    expect(reasons).toEqual(new Set(['achievement', 'upward_recommendation', 'report_body']));
    const kienNghi = seed000.skipped.find((s) => s.text.startsWith('Các bộ tiếp tục đẩy mạnh') || s.path.startsWith('III.'));
    expect(kienNghi?.reason).toBe('upward_recommendation');
  });

  it('imports the rows the source marks done as done, with the report date, late by their deadline', () => {
    const row = (path: string) => seed000.directives.find((d) => d.path === path);
    // "Ngày 09/4/2020, Chính phủ đã ban hành Nghị định số 47/2020/NĐ-CP …", due Tháng 9/2019.
    expect(row('PL.I.3')?.status).toMatchObject({ kind: 'done', reportedOn: '2021-03-01', onTime: false, completedOn: '2020-04-09' });
    expect(row('PL.I.3')?.status?.result).toMatch(/^Ngày 09\/4\/2020, Chính phủ đã ban hành Nghị định số 47\/2020\/NĐ-CP/);
    // "Bộ TTTT đã trình Chính phủ hồ sơ dự thảo Nghị định …": submitted, not done.
    expect(row('PL.I.4')?.status?.kind).toBe('in_progress');
    expect(row('PL.I.11')?.status?.kind).toBe('in_progress');
    const counts = { done: 0, in_progress: 0, open: 0 };
    for (const d of seed000.directives) counts[d.status!.kind] += 1;
    expect(counts).toEqual({ done: 33, in_progress: 48, open: 0 });
  });

  it('seed 004: the status column gives the status, the neighbouring column no longer leaks, a cut row is joined', () => {
    const table = rows(read('004_'));
    expect(table.get('PL.I.23')?.text).toBe('Xây dựng Cổng dữ liệu quốc gia');
    expect(table.get('PL.I.34')?.text).toBe('Phát triển Nền tảng tích hợp, chia sẻ dữ liệu cấp của Bộ (LGSP)');
    expect(table.get('PL.II.11')?.text).toMatch(/theo quy định tại Luật An ninh mạng$/);
    expect(table.get('PL.I.22')?.status).toMatchObject({ kind: 'done', result: 'Đã hoàn thành tại địa chỉ: tech.gov.vn' });
    expect(table.get('PL.I.23')?.status).toMatchObject({ kind: 'in_progress', result: 'Đang xây dựng' });
  });

  it('seed 001 (a review report with recommendations and no task table) gives no task', () => {
    const r = parse(read('001_'));
    expect(r.directives).toEqual([]);
    expect(r.skipped.filter((s) => s.reason === 'upward_recommendation').length).toBeGreaterThan(10);
  });
});

describe('seed 002: a provincial office cascades a report to a Sở (issue 12)', () => {
  const r = parse(read('002_'));

  it('names the issuer as it was in 2021, with a note on its successor, and the whole title', () => {
    expect(r.notice).toMatchObject({
      kind: 'cong_van',
      issuer: 'Văn phòng Ủy ban nhân dân tỉnh Kiên Giang',
      issuerAgency: { code: 'AGG', name: 'Ủy ban nhân dân tỉnh An Giang' },
      title: 'tham mưu, thực hiện các đề xuất, kiến nghị của Bộ Thông tin và Truyền thông tại Báo cáo số 76/BC-BTTTT.',
    });
    expect(r.notice.notes?.[0]).toContain('Kiên Giang');
  });

  it('returns the Sở lead with its kind and probable parent instead of no lead', () => {
    expect(r.directives).toHaveLength(3);
    for (const d of r.directives) {
      expect(d.unresolvedLead).toEqual([
        {
          name: 'Sở Thông tin và Truyền thông',
          kind: 'department',
          probableParent: { code: 'AGG', name: 'Ủy ban nhân dân tỉnh An Giang' },
          proposedUnit: { parent: 'AGG', code: 'AGG_STTTT', name: 'Sở Thông tin và Truyền thông' },
        },
      ]);
      expect(d.warnings.join(' ')).toContain('Sở Thông tin và Truyền thông');
    }
  });
});
