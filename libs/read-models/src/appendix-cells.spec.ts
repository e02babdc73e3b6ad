import { deadlineCell, resultCell } from './appendix-cells';
import { ReportRow } from './report-rows.query';

const task = (over: Partial<ReportRow>): ReportRow => ({
  task_id: 't',
  notice_id: 'n',
  notice_number: '1/TB-VPCP',
  directive_index: 0,
  text: 'x',
  lead: 'BTC',
  coordinators: '[]',
  delegated_by: null,
  confidential: 0,
  key_flag: 0,
  status: 'in_progress',
  due: null,
  due_phrase: null,
  due_kind: 'date',
  effective_due: null,
  original_due: null,
  original_phrase: null,
  original_effective_due: null,
  completed_on: null,
  result: null,
  assigned_on: '2026-01-01',
  parent_task_id: null,
  fanout: null,
  ...over,
});

describe('appendix cells', () => {
  it('writes a date as dd/mm/yyyy, never the phrase, and the original beside a moved one', () => {
    expect(deadlineCell([task({ due: '2026-03-31', original_due: '2026-03-31', due_phrase: 'trong tháng 3 năm 2026' })])).toBe(
      '31/03/2026',
    );
    expect(deadlineCell([task({ due: '2026-04-30', original_due: '2026-03-20', due_phrase: 'gia hạn' })])).toBe(
      '30/04/2026 (điều chỉnh từ 20/03/2026)',
    );
    expect(
      deadlineCell([task({ due: '2026-04-30', original_due: '2026-03-20' }), task({ due: '2026-03-20', original_due: '2026-03-20' })]),
    ).toBe('20/03/2026 (1 cơ quan được điều chỉnh thời hạn)');
  });

  it('says "Thường xuyên" only where the source says so', () => {
    expect(deadlineCell([task({ due_phrase: 'thường xuyên' })])).toBe('Thường xuyên');
    expect(deadlineCell([task({ due_phrase: 'hằng quý' })])).toBe('Hằng quý');
    expect(deadlineCell([task({})])).toBe('');
  });

  it('sums up a fanned-out directive and names who has not finished', () => {
    const name = (code: string) => ({ BTC: 'Bộ Tài chính', NAN: 'Ủy ban nhân dân tỉnh Nghệ An', BCA: 'Bộ Công an' })[code] ?? code;
    const tasks = [
      task({ lead: 'NAN', fanout: 'ALL_MINISTRIES_AND_PROVINCES' }),
      task({ lead: 'BTC', fanout: 'ALL_MINISTRIES_AND_PROVINCES' }),
      task({ lead: 'BCA', fanout: 'ALL_MINISTRIES_AND_PROVINCES', status: 'completed', result: 'Xong' }),
    ];
    expect(resultCell(tasks, name)).toBe('1/3 cơ quan đã hoàn thành; chưa hoàn thành: Bộ Tài chính, UBND tỉnh Nghệ An');
    expect(resultCell([task({ lead: 'BTC', result: 'Đã trình' }), task({ lead: 'BCA' })], name)).toBe(
      '- Bộ Tài chính: Đã trình\n- Bộ Công an: Chưa có báo cáo',
    );
    const many = Array.from({ length: 20 }, (_, i) => task({ lead: `P${i}`, fanout: 'ALL_PROVINCES' }));
    expect(resultCell(many, name)).toBe('0/20 tỉnh đã hoàn thành; 20 tỉnh chưa hoàn thành');
  });
});
