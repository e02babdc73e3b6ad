import { ParsedDirective } from '../../api/types';
import { editsOf, mapLead, registerBody, Row, rowErrors, statusInput, toRows, unmappedLeads } from './import-model';

/** Issue 12: a report's rows keep their status from the preview to the body of the import. */
const row = (path: string, status?: ParsedDirective['status'], extra: Partial<ParsedDirective> = {}): ParsedDirective => ({
  path,
  text: `Nhiệm vụ ${path}`,
  span: { start: 0, end: 1 },
  lead: [{ code: 'BNV', name: 'Bộ Nội vụ' }],
  coordinators: [],
  deadline: { due: '2025-06-30', phrase: 'Tháng 6/2025', kind: 'month', rule: null },
  warnings: [],
  ...(status ? { status } : {}),
  ...extra,
});

const DONE = row('PL.1', {
  kind: 'done',
  result: 'Đã ban hành Quyết định số 1180/QĐ-BNV ngày 20/5/2025',
  reportedOn: '2026-01-15',
  completedOn: '2025-05-20',
});
const ONGOING = row('PL.2', { kind: 'in_progress', result: 'Đang lấy ý kiến các bộ, ngành', reportedOn: '2026-01-15' });
const EMPTY = row('PL.3', { kind: 'open', reportedOn: '2026-01-15' });
const header = { number: '215/BC-BNV', issuedAt: '2026-01-15', title: 'Báo cáo' };

describe('the status of a report row in the import preview', () => {
  it('starts as the report says: done on the day the result names, in progress with its text, else not done', () => {
    const [done, ongoing, empty, notice] = toRows([DONE, ONGOING, EMPTY, row('1')], '2026-01-15');
    expect(done.status).toEqual({ kind: 'done', result: DONE.status!.result, date: '2025-05-20' });
    expect(ongoing.status).toEqual({ kind: 'in_progress', result: 'Đang lấy ý kiến các bộ, ngành', date: '2026-01-15' });
    expect(empty.status.kind).toBe('open');
    expect(notice.status).toEqual({ kind: 'open', result: '', date: '2026-01-15' });
  });

  it('sends no status edit for a row left as parsed', () => {
    expect(editsOf(toRows([DONE, ONGOING, EMPTY], '2026-01-15'))).toEqual([]);
  });

  it('sends the changed status in the shape of edits[].status: done keeps the result and takes the day typed', () => {
    const rows = toRows([DONE, ONGOING, EMPTY], '2026-01-15');
    rows[1] = { ...rows[1], status: { ...rows[1].status, kind: 'done', date: '2025-12-01' } };
    rows[2] = { ...rows[2], status: { ...rows[2].status, kind: 'in_progress', result: 'Đang xây dựng dự thảo' } };
    rows[0] = { ...rows[0], status: { ...rows[0].status, kind: 'open' } };
    expect(editsOf(rows)).toEqual([
      { path: 'PL.1', status: { kind: 'open' } },
      { path: 'PL.2', status: { kind: 'done', result: 'Đang lấy ý kiến các bộ, ngành', reportedOn: '2025-12-01' } },
      { path: 'PL.3', status: { kind: 'in_progress', result: 'Đang xây dựng dự thảo' } },
    ]);
  });

  it('a done row needs its day, not after today', () => {
    const [r] = toRows([EMPTY]);
    const done: Row = { ...r, status: { kind: 'done', result: '', date: '' } };
    expect(rowErrors(done).status).toBe('Nhập ngày hoàn thành (dd/mm/yyyy)');
    expect(rowErrors({ ...done, status: { ...done.status, date: '2026-02-01' } }, '2026-01-31').status).toBe(
      'Ngày hoàn thành không được sau hôm nay',
    );
    expect(rowErrors({ ...done, status: { ...done.status, date: '2026-01-31' } }, '2026-01-31').status).toBeUndefined();
  });

  it('registers a .docx report with each row’s status on its directive (none for a row not done)', () => {
    const body = registerBody(toRows([DONE, ONGOING, EMPTY], '2026-01-15'), header);
    expect(body.directives.map((d) => (d as { status?: unknown }).status)).toEqual([
      { kind: 'done', result: DONE.status!.result, reportedOn: '2025-05-20' },
      { kind: 'in_progress', result: 'Đang lấy ý kiến các bộ, ngành' },
      undefined,
    ]);
    expect(statusInput({ kind: 'open', result: 'x', date: '2026-01-01' })).toEqual({ kind: 'open' });
  });
});

describe('a lead outside the catalogue', () => {
  const unknown = row('1', undefined, {
    lead: [],
    unresolvedLead: [
      {
        name: 'Vụ Pháp luật quốc tế',
        kind: 'ministry_unit',
        probableParent: { code: 'BTP', name: 'Bộ Tư pháp' },
        proposedUnit: { parent: 'BTP', code: 'BTP_VPLQT', name: 'Vụ Pháp luật quốc tế' },
      },
    ],
  });

  it('waits until it is mapped, then is the row’s lead and sent as the lead edit', () => {
    const [r] = toRows([unknown]);
    expect(unmappedLeads(r).map((u) => u.name)).toEqual(['Vụ Pháp luật quốc tế']);
    const mapped = mapLead(r, 'Vụ Pháp luật quốc tế', 'BTP_VPLQT');
    expect(unmappedLeads(mapped)).toEqual([]);
    expect(mapped.lead).toEqual(['BTP_VPLQT']);
    expect(editsOf([mapped])).toEqual([{ path: '1', lead: ['BTP_VPLQT'] }]);
  });

  it('no longer waits once VPCP chose a lead by hand', () => {
    const [r] = toRows([unknown]);
    expect(unmappedLeads({ ...r, lead: ['BTP'] })).toEqual([]);
  });
});
