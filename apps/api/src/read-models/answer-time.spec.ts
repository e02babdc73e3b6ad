import { Clock } from '@tdnv/config';
import { ProblemError } from '../http/problem';
import { answerTime } from './read-model.providers';

/** `asOf` of the stats and appendix queries (issue 9: 9999-12-31 answered 500). */
describe('answerTime', () => {
  const zone = 'Asia/Ho_Chi_Minh';
  const clock = new Clock(zone, new Date('2026-03-02T02:00:00Z'));

  it('answers a date as the end of that day in the zone, and an instant as itself', () => {
    expect(answerTime(clock, zone, '2026-06-30')).toEqual({ asOf: '2026-06-30T16:59:59.999Z', today: '2026-06-30' });
    expect(answerTime(clock, zone, '2026-06-30T03:00:00Z')).toEqual({ asOf: '2026-06-30T03:00:00.000Z', today: '2026-06-30' });
    expect(answerTime(clock, zone)).toEqual({ today: '2026-03-02' });
  });

  it.each(['9999-12-31', '9999-12-31T20:00:00Z', '2026-02-30', '2026-13-01', 'ngày mai'])(
    'refuses %s with a validation problem, not a crash',
    (asOf) => {
      let thrown: unknown;
      try {
        answerTime(clock, zone, asOf);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ProblemError);
      expect((thrown as ProblemError).body).toMatchObject({ status: 400, type: '/problems/validation' });
    },
  );
});
