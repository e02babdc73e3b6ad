import { InvalidTimeZoneError } from './calendar.errors';
import { deadlineTimeZone, endOfDayInstant, instantAt, isValidTimeZone, localDateOf, startOfDayInstant } from './zoned-time';

const HCM = 'Asia/Ho_Chi_Minh';
const PARIS = 'Europe/Paris';

describe('time zones of deadlines', () => {
  it('defaults to Asia/Ho_Chi_Minh and honours TZ_DEADLINES', () => {
    expect(deadlineTimeZone({})).toBe(HCM);
    expect(deadlineTimeZone({ TZ_DEADLINES: '  ' })).toBe(HCM);
    expect(deadlineTimeZone({ TZ_DEADLINES: PARIS })).toBe(PARIS);
    expect(() => deadlineTimeZone({ TZ_DEADLINES: 'Asia/Hanoi_City' })).toThrow(InvalidTimeZoneError);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });

  it('puts the 08:00 reminder at 01:00Z in Ho Chi Minh City (UTC+7, no DST)', () => {
    expect(instantAt('2025-08-22', '08:00', HCM).toISOString()).toBe('2025-08-22T01:00:00.000Z');
    expect(instantAt('2025-01-01', '08:00').toISOString()).toBe('2025-01-01T01:00:00.000Z');
    expect(instantAt('2024-07-15', '23:59', HCM).toISOString()).toBe('2024-07-15T16:59:00.000Z');
  });

  it('makes a task due on D overdue from 00:00 of D+1 local', () => {
    expect(endOfDayInstant('2025-09-03', HCM).toISOString()).toBe('2025-09-03T17:00:00.000Z');
    expect(endOfDayInstant('2024-12-31').toISOString()).toBe('2024-12-31T17:00:00.000Z');
    expect(startOfDayInstant('2025-09-03', HCM).toISOString()).toBe('2025-09-02T17:00:00.000Z');
  });

  it('finds the local date of an instant at the midnight boundary', () => {
    expect(localDateOf(new Date('2025-01-31T16:59:59.999Z'), HCM)).toBe('2025-01-31');
    expect(localDateOf(new Date('2025-01-31T17:00:00.000Z'), HCM)).toBe('2025-02-01');
    expect(localDateOf(new Date('2025-01-31T17:00:00.000Z'))).toBe('2025-02-01');
    expect(localDateOf(new Date('2025-01-31T23:00:00Z'), 'America/New_York')).toBe('2025-01-31');
  });

  it('follows Europe/Paris across the spring-forward change (CET +1 → CEST +2 on 2025-03-30)', () => {
    expect(instantAt('2025-03-29', '08:00', PARIS).toISOString()).toBe('2025-03-29T07:00:00.000Z');
    expect(instantAt('2025-03-30', '08:00', PARIS).toISOString()).toBe('2025-03-30T06:00:00.000Z');
    // The day is 23 hours long: it starts at 23:00Z and ends at 22:00Z.
    expect(endOfDayInstant('2025-03-29', PARIS).toISOString()).toBe('2025-03-29T23:00:00.000Z');
    expect(endOfDayInstant('2025-03-30', PARIS).toISOString()).toBe('2025-03-30T22:00:00.000Z');
    // 02:30 does not exist that night; like Temporal's 'compatible' it moves forward to 03:30 CEST.
    expect(instantAt('2025-03-30', '02:30', PARIS).toISOString()).toBe('2025-03-30T01:30:00.000Z');
    expect(localDateOf(new Date('2025-03-29T23:30:00Z'), PARIS)).toBe('2025-03-30');
  });

  it('follows Europe/Paris across the fall-back change (2025-10-26), taking the earlier of a repeated time', () => {
    expect(instantAt('2025-10-26', '02:30', PARIS).toISOString()).toBe('2025-10-26T00:30:00.000Z');
    expect(instantAt('2025-10-26', '08:00', PARIS).toISOString()).toBe('2025-10-26T07:00:00.000Z');
    expect(endOfDayInstant('2025-10-25', PARIS).toISOString()).toBe('2025-10-25T22:00:00.000Z');
    expect(endOfDayInstant('2025-10-26', PARIS).toISOString()).toBe('2025-10-26T23:00:00.000Z');
  });

  it('refuses a malformed time, date or zone', () => {
    expect(() => instantAt('2025-08-22', '8:00', HCM)).toThrow(RangeError);
    expect(() => instantAt('2025-08-22', '24:00', HCM)).toThrow(RangeError);
    expect(() => instantAt('2025-02-30', '08:00', HCM)).toThrow('Not a valid local date');
    expect(() => instantAt('2025-08-22', '08:00', 'Nowhere/City')).toThrow(InvalidTimeZoneError);
    expect(() => localDateOf(new Date('nope'), HCM)).toThrow(RangeError);
  });
});
