import { registerDecorator, ValidationOptions } from 'class-validator';
import { isLocalDate } from '@tdnv/domain';

/** A real calendar date written YYYY-MM-DD; "2024-02-30" is refused. */
export function IsLocalDate(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isLocalDate',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} phải là một ngày có thật, dạng YYYY-MM-DD`, ...options },
      validator: { validate: (value: unknown) => isLocalDate(value) },
    });
}

const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/**
 * A real date (YYYY-MM-DD) or a real ISO 8601 instant with its offset. `Date.parse` alone is not
 * enough: it turns 2026-02-30T10:00Z into 2 March without a word, and 24:00 into the next day.
 */
export function isDateOrInstant(value: unknown): value is string {
  if (isLocalDate(value)) return true;
  if (typeof value !== 'string') return false;
  const m = INSTANT.exec(value);
  if (!m || !isLocalDate(m[1])) return false;
  const within = (part: string | undefined, max: number) => part === undefined || Number(part) <= max;
  return within(m[2], 23) && within(m[3], 59) && within(m[4], 59) && within(m[5], 23) && within(m[6], 59);
}

/** `asOf`: the end of a local date, or an instant; an impossible one (2026-02-30) is a 400, not a 500. */
export function IsDateOrInstant(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isDateOrInstant',
      target: target.constructor,
      propertyName,
      options: {
        message: `${propertyName} phải là một ngày có thật dạng YYYY-MM-DD hoặc một thời điểm ISO 8601 (ví dụ 2026-06-30T17:00:00+07:00)`,
        ...options,
      },
      validator: { validate: (value: unknown) => isDateOrInstant(value) },
    });
}
