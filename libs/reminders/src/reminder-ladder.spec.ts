import { ladderOf } from './reminder-ladder';
import { ctx } from './reminder-log.testing';
import { foldReminderView } from './reminder-view';

const view = foldReminderView([
  {
    type: 'TaskAssigned',
    data: {
      taskId: 't',
      noticeNumber: '45/TB-VPCP',
      text: 'x',
      lead: 'BTC',
      coordinators: [],
      deadline: { due: '2026-03-31', kind: 'date' },
      assignedAt: '2026-02-12T03:00:00Z',
    },
    metadata: { occurredAt: '2026-02-12T03:00:00Z' },
  },
])!;
const rungs = (now: string) => ladderOf(view, ctx(now)).map((r) => r.rung);

describe('memoised ladder', () => {
  it('grows its weekly rungs as now moves on, and shrinks back for an earlier now', () => {
    // weekly-1 fires 21/4, weekly-2 28/4 (08:00 Hà Nội).
    expect(rungs('2026-04-20T00:00:00Z').filter((r) => r.startsWith('weekly'))).toEqual(['weekly-1']);
    expect(rungs('2026-04-21T01:00:00Z').filter((r) => r.startsWith('weekly'))).toEqual(['weekly-1', 'weekly-2']);
    expect(rungs('2026-04-28T02:00:00Z').filter((r) => r.startsWith('weekly'))).toEqual(['weekly-1', 'weekly-2', 'weekly-3']);
    expect(rungs('2026-02-12T03:00:00Z').filter((r) => r.startsWith('weekly'))).toEqual(['weekly-1']);
  });

  it('shares frozen rungs: a caller cannot change another task’s ladder', () => {
    const [first] = ladderOf(view, ctx('2026-02-12T03:00:00Z')).filter((r) => r.rung === 'before-7');
    expect(Object.isFrozen(first)).toBe(true);
    expect(ladderOf(view, ctx('2026-02-12T03:00:00Z')).find((r) => r.rung === 'before-7')).toBe(first);
  });
});
