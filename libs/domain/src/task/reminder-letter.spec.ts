import { ActorForbiddenError, CommandRefusedError, InvalidCommandError } from '../domain.errors';
import { assigned, command, fold, LEAD, TASK_ID, VPCP } from '@tdnv/testing';
import { allowedActions, decideTask } from './task.decide';
import { evolveTask } from './task.evolve';
import { Task } from './task.state';

/** A đôn đốc letter recorded on each task it cites (issue 14). */
describe('IssueReminderLetter', () => {
  const overdue = fold([assigned('2026-03-31')]) as Task;
  const letter = (today: string, payload = {}) => command('IssueReminderLetter', { today, payload });

  it('records the letter on an overdue task, with the agency, the due date and the date to report by', () => {
    expect(decideTask(letter('2026-04-10'), overdue)).toEqual([
      {
        type: 'ReminderLetterIssued',
        data: {
          taskId: TASK_ID,
          letterId: 'letter-btc-2026-04-10',
          number: '123/VPCP-TH',
          agency: 'BTC',
          issuedOn: '2026-04-10',
          due: '2026-03-31',
          reportBy: '2026-04-17',
        },
      },
    ]);
  });

  it('records a retry of the same letter once, and a second letter again', () => {
    const [event] = decideTask(letter('2026-04-10'), overdue);
    const after = evolveTask(overdue, event) as Task;
    expect(after.letters).toEqual([
      { letterId: 'letter-btc-2026-04-10', number: '123/VPCP-TH', issuedOn: '2026-04-10', due: '2026-03-31', reportBy: '2026-04-17' },
    ]);
    expect(decideTask(letter('2026-04-11'), after)).toEqual([]);
    expect(decideTask(letter('2026-04-20', { letterId: 'letter-btc-2026-04-20' }), after)).toHaveLength(1);
  });

  it('refuses a task that is not overdue or has no deadline, and a bad date to report by', () => {
    expect(() => decideTask(letter('2026-03-31'), overdue)).toThrow(CommandRefusedError);
    expect(() => decideTask(letter('2026-04-10'), fold([assigned(null)]))).toThrow(CommandRefusedError);
    expect(() => decideTask(letter('2026-04-10', { reportBy: '2026-02-30' }), overdue)).toThrow(InvalidCommandError);
  });

  it('is VPCP’s (or a delegating agency’s), and never a button of the task page', () => {
    expect(() => decideTask(command('IssueReminderLetter', { today: '2026-04-10', actor: LEAD }), overdue)).toThrow(ActorForbiddenError);
    expect(allowedActions(VPCP, overdue)).not.toContain('IssueReminderLetter');
  });
});
