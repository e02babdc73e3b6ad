import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from '@tdnv/directive-parser';
import { decideRegisterNotice, TaskEvent } from '@tdnv/domain';
import { importPlan } from './import-plan';
import { DirectiveInput } from './notice-input';

/**
 * A report's appendix into RegisterNotice: a row the report marks done completes on the date its
 * result names ("Đã ban hành Nghị định số 62/2025/NĐ-CP ngày 04/3/2025"), else on the report's date,
 * on time or late by its deadline; VPCP's corrections (edits[].status) replace the parsed status.
 */
describe('import plan of a report (Báo cáo 812/BC-BNV, corpus 21)', () => {
  const text = readFileSync(resolve(__dirname, '../../directive-parser/corpus/21-bao-cao-bo-noi-vu-phu-luc.txt'), 'utf8');
  const parsed = parse(text);
  const REPORT_DATE = '2025-10-10';
  const plan = (edits: Parameters<typeof importPlan>[1]['edits'] = []) => importPlan(parsed, { edits });
  const row = (directives: DirectiveInput[], path: string) => directives.find((d) => d.path === path)!;

  /** What registering the row gives its one task after TaskAssigned, decided by the domain. */
  const history = (d: DirectiveInput): TaskEvent[] => {
    const { reported } = decideRegisterNotice(
      {
        type: 'RegisterNotice',
        actor: { id: 'v', role: 'vpcp' },
        now: '2025-10-20T02:00:00Z',
        today: '2025-10-20',
        payload: {
          noticeId: 'n',
          number: '812/BC-BNV',
          issuedAt: REPORT_DATE,
          title: 'Báo cáo',
          directives: [
            {
              text: d.text,
              lead: ['BNV'],
              coordinators: [],
              deadline: { due: d.deadline?.due ?? null, kind: 'date' },
              key: false,
              confidential: false,
              ...(d.status ? { status: d.status } : {}),
              tasks: [{ taskId: 't', lead: 'BNV' }],
            },
          ],
        },
      },
      undefined,
    );
    return reported.t ?? [];
  };
  const completed = (d: DirectiveInput) => history(d).find((e) => e.type === 'TaskCompleted')?.data;

  it('completes a done row on the date its result names: done 04/3/2025, due 30/6/2025, on time (reported 10/10/2025)', () => {
    const d = row(plan().directives, 'PL.I.1');
    expect(d.status).toEqual({ kind: 'done', result: 'Đã ban hành Nghị định số 62/2025/NĐ-CP ngày 04/3/2025', reportedOn: '2025-03-04' });
    expect(completed(d)).toMatchObject({ reportedOn: '2025-03-04', due: '2025-06-30', onTime: true });
    // The preview says the same as the import will record.
    expect(parsed.directives.find((p) => p.path === 'PL.I.1')?.status?.onTime).toBe(true);
  });

  it('completes a done row that names no date on the report’s date: late past its deadline, on time before it', () => {
    const late = row(plan().directives, 'PL.II.2');
    expect(late.status).toEqual({ kind: 'done', result: 'Hoàn thành (Thông tư số 05/2025/TT-BNV)', reportedOn: REPORT_DATE });
    expect(completed(late)).toMatchObject({ reportedOn: REPORT_DATE, due: '2025-04-30', onTime: false });
    const onTime = row(plan().directives, 'PL.III.4');
    expect(completed(onTime)).toMatchObject({ reportedOn: REPORT_DATE, due: '2025-12-31', onTime: true });
  });

  it('a row in progress is acknowledged with its text as progress, an open row no history', () => {
    expect(history(row(plan().directives, 'PL.II.1'))).toEqual([
      { type: 'TaskAcknowledged', data: { taskId: 't', by: 'BNV' } },
      { type: 'ProgressReported', data: { taskId: 't', by: 'BNV', note: 'Đang hoàn thiện hồ sơ để trình Chính phủ' } },
    ]);
    expect(history(row(plan().directives, 'PL.II.3'))).toEqual([]);
  });

  it('VPCP’s status replaces the parsed one: done with no date completes on the report’s date, open stays open', () => {
    const directives = plan([
      { path: 'PL.II.1', status: { kind: 'done', result: 'Đã trình Chính phủ' } },
      { path: 'PL.I.2', status: { kind: 'open' } },
      { path: 'PL.III.2', status: { kind: 'done', result: 'Đã kết nối 34/34 tỉnh', reportedOn: '2025-09-15' } },
    ]).directives;
    expect(completed(row(directives, 'PL.II.1'))).toMatchObject({ reportedOn: REPORT_DATE, due: '2025-09-30', onTime: false });
    expect(history(row(directives, 'PL.I.2'))).toEqual([]);
    expect(completed(row(directives, 'PL.III.2'))).toMatchObject({ reportedOn: '2025-09-15', onTime: true });
  });
});
