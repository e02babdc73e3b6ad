import { registerDecorator, ValidationOptions } from 'class-validator';
import { isLocalDate } from '../../../../libs/domain/src/local-date';

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
