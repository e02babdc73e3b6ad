import { loadReminderPolicy, ReminderPolicyError } from './reminder-policy';
import { ladderOf } from './reminder-ladder';
import { at, ctx } from './reminder-log.testing';
import { foldReminderView, LoggedEvent } from './reminder-view';
import { decideFired, nextStep } from './reminder.decider';

const ev = (type: string, data: object, occurredAt: string): LoggedEvent => ({
  type,
  data: { taskId: 't', ...data },
  metadata: { occurredAt },
});
const assigned = (due: string | null, occurredAt: string) =>
  ev(
    'TaskAssigned',
    { noticeNumber: '45/TB-VPCP', text: 'x', lead: 'BTC', coordinators: [], deadline: { due, kind: 'date' }, assignedAt: occurredAt },
    occurredAt,
  );
const sent = (rung: string, due: string, occurredAt: string) =>
  ev('ReminderSent', { key: `t|${rung}|${due}`, rung, due, to: ['a@b.vn'] }, occurredAt);

describe('reminder ladder', () => {
  it('7, 3, 1 working days before, on the due day, overdue at the end of the day, escalations after 1, 5, 10 working days', () => {
    const view = foldReminderView([assigned('2026-03-31', '2026-02-12T03:00:00Z')])!;
    const ladder = ladderOf(view, ctx('2026-02-12T03:00:00Z'));
    expect(ladder.slice(0, 9).map((r) => `${r.rung} ${r.fireAt.toISOString()}`)).toEqual([
      `assigned-btc ${at('2026-02-13')}`,
      `before-7 ${at('2026-03-20')}`,
      `before-3 ${at('2026-03-26')}`,
      `before-1 ${at('2026-03-30')}`,
      `due-day ${at('2026-03-31')}`,
      `overdue ${at('2026-04-01', '00:00')}`,
      `overdue-1 ${at('2026-04-01')}`,
      `overdue-5 ${at('2026-04-07')}`,
      `overdue-10 ${at('2026-04-14')}`,
    ]);
    expect(ladder[9]).toMatchObject({ rung: 'weekly-1', fireAt: new Date(at('2026-04-21')) });
  });

  it('a Sunday due date before the National Day holidays rolls forward to 3 September (Điều 148)', () => {
    const view = foldReminderView([assigned('2025-08-31', '2025-08-01T03:00:00Z')])!;
    const byRung = Object.fromEntries(ladderOf(view, ctx('2025-08-01T03:00:00Z')).map((r) => [r.rung, r.fireAt.toISOString()]));
    expect(byRung['before-1']).toBe(at('2025-08-29'));
    expect(byRung['due-day']).toBe(at('2025-09-03'));
    expect(byRung['overdue']).toBe(at('2025-09-04', '00:00'));
    expect(byRung['overdue-1']).toBe(at('2025-09-04'));
  });

  it('skips rungs already past at assignment and schedules one next step', () => {
    const view = foldReminderView([assigned('2026-03-31', '2026-03-27T09:00:00Z')])!;
    const step = nextStep(view, ctx('2026-03-27T09:00:00Z'));
    expect(step).toMatchObject({ type: 'schedule', rung: { rung: 'assigned-btc', fireAt: new Date(at('2026-03-30')) } });
    const after = foldReminderView([assigned('2026-03-31', '2026-03-27T09:00:00Z'), sent('assigned-btc', '2026-03-31', at('2026-03-30'))])!;
    expect(nextStep(after, ctx(at('2026-03-30')))).toMatchObject({ rung: { rung: 'before-1' } });
  });

  it('a fired job that is no longer the next step is stale; the third reminder without update escalates', () => {
    const log = [assigned('2026-03-31', '2026-02-12T03:00:00Z'), sent('assigned-btc', '2026-03-31', at('2026-02-13'))];
    const view = foldReminderView(log)!;
    expect(decideFired(view, { rung: 'before-7', due: '2026-03-31' }, ctx(at('2026-03-26')))).toMatchObject({
      type: 'ignore',
      reason: 'stale: the next step is before-3 for 2026-03-31',
    });
    const later = foldReminderView([
      ...log,
      sent('before-7', '2026-03-31', at('2026-03-20')),
      sent('before-3', '2026-03-31', at('2026-03-26')),
    ])!;
    const fired = decideFired(later, { rung: 'before-1', due: '2026-03-31' }, ctx(at('2026-03-30')));
    expect(fired).toEqual({
      type: 'send',
      sends: [
        { kind: 'reminder', rung: 'before-1', due: '2026-03-31', to: ['focal'] },
        { kind: 'escalation', rung: 'unanswered', due: '2026-03-31', to: ['leader'] },
      ],
      at: new Date(at('2026-03-30')),
    });
    const closed = foldReminderView([...log, ev('TaskCancelled', { reason: 'x' }, at('2026-03-01'))]);
    expect(nextStep(closed, ctx(at('2026-03-30')))).toEqual({ type: 'ignore', reason: 'task is cancelled' });
  });

  it('after missed rungs only the latest is sent, but the overdue transition is never skipped', () => {
    const view = foldReminderView([assigned('2026-03-31', '2026-02-12T03:00:00Z'), sent('assigned-btc', '2026-03-31', at('2026-02-13'))])!;
    expect(nextStep(view, ctx('2026-03-30T05:00:00Z'))).toMatchObject({ rung: { rung: 'before-1' } });
    expect(nextStep(view, ctx('2026-04-09T05:00:00Z'))).toMatchObject({ rung: { rung: 'overdue' } });
  });
});

describe('reminder policy', () => {
  it('is overridable by env and says clearly what is wrong', () => {
    expect(loadReminderPolicy({ REMINDER_POLICY_JSON: '{"digest":false,"beforeDue":[2,0]}' })).toMatchObject({
      digest: false,
      beforeDue: [2, 0],
    });
    expect(() => loadReminderPolicy({ REMINDER_POLICY_JSON: '{"sendAt":"8h","colour":1}' })).toThrow(ReminderPolicyError);
    expect(() => loadReminderPolicy({ REMINDER_POLICY_JSON: '{"sendAt":"8h"}' })).toThrow(/sendAt must be HH:mm/);
  });
});
