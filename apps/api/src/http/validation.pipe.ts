import { ArgumentMetadata, Type, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage, validateSync, ValidationError, ValidatorOptions } from 'class-validator';
import { problem, ProblemError } from './problem';
import { cleanTextInput } from './text-input';
import { cacheValidationMetadata } from './validation-metadata-cache';
import { fieldErrors } from './validation-messages';

/**
 * A body DTO with no fields (acknowledge, accept) accepts exactly `{}`: that case is answered without
 * class-transformer and class-validator, which cost ~20 µs a request for nothing. Any other body
 * still goes through them, so a stray field gets the usual 400.
 */
class CommandValidationPipe extends ValidationPipe {
  private readonly fieldless = new Map<Type<unknown>, boolean>();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (this.holdsText(metadata)) value = cleanTextInput(value, metadata.data ?? '');
    const type = metadata.metatype;
    // toValidate: false for String, Object, Array… (their bodies are passed on untouched by the parent).
    if (metadata.type === 'body' && type && this.toValidate(metadata) && isEmptyPlainObject(value) && this.hasNoFields(type))
      return new (type as new () => unknown)();
    return super.transform(value, metadata);
  }

  /**
   * Control characters and lone surrogates are refused, and text NFC-normalised, in every body
   * DTO, query and path parameter. A body taken raw (`@Body() body: unknown`, the notice import's
   * text or .docx) is read by its handler, which applies the same rule (notice-text.ts).
   */
  private holdsText(metadata: ArgumentMetadata): boolean {
    if (metadata.type === 'query' || metadata.type === 'param') return true;
    return metadata.type === 'body' && this.toValidate(metadata);
  }

  /**
   * Every validator of our DTOs is synchronous (class-validator's own and IsLocalDate), so the
   * synchronous run gives the same errors without a promise per property: ~5 µs less a request.
   * An asynchronous validator added later would be skipped here; none may be.
   */
  protected override validate(object: object, validatorOptions?: ValidatorOptions): ValidationError[] {
    return validateSync(object, validatorOptions);
  }

  private hasNoFields(type: Type<unknown>): boolean {
    let known = this.fieldless.get(type);
    if (known === undefined) {
      known = getMetadataStorage().getTargetValidationMetadatas(type, '', false, false).length === 0 && type.length === 0;
      this.fieldless.set(type, known);
    }
    return known;
  }
}

function isEmptyPlainObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const _key in value) return false;
  return true;
}

/** class-validator at the edge: unknown fields are rejected, every error names its field. */
export function createValidationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new CommandValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // What Nest sets on every validation anyway. Nest merges it into these options with a literal
    // that opens with their spread: named here, the key is replaced, not added (adding a key after
    // an opening spread takes V8's slow path on Node 20, ~2 µs a request).
    validationError: { target: false },
    exceptionFactory: (errors) => {
      const list = fieldErrors(errors);
      return new ProblemError(problem('validation', list.map((e) => `${e.field}: ${e.message}`).join('; '), { errors: list }));
    },
  });
}
