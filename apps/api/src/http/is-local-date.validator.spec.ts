import { isDateOrInstant } from './is-local-date.validator';

describe('asOf: a real date or a real instant', () => {
  it.each(['2026-02-28', '2024-02-29', '2026-02-28T10:00Z', '2026-02-28T23:59:59.999Z', '2026-06-30T17:00:00+07:00'])(
    'accepts %s',
    (value) => {
      expect(isDateOrInstant(value)).toBe(true);
    },
  );

  it.each([
    '2026-02-30',
    '2025-02-29',
    '2026-13-01',
    '2026-02-30T10:00:00Z',
    '2026-02-28T24:00Z',
    '2026-02-28T10:60Z',
    '2026-02-28T10:00+25:00',
    '2026-02-28T10:00',
    '28/02/2026',
    '',
  ])('refuses %j', (value) => {
    expect(isDateOrInstant(value)).toBe(false);
  });
});
