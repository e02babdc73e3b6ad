import { EmptyDto, ProgressDto } from '../tasks/task-requests.dto';
import { ProblemError } from './problem';
import { createValidationPipe } from './validation.pipe';

describe('the validation pipe', () => {
  const pipe = createValidationPipe();
  const body = (metatype: new () => unknown, value: unknown) => pipe.transform(value, { type: 'body', metatype });

  it('takes {} for a body with no fields, as an instance of the DTO', async () => {
    await expect(body(EmptyDto, {})).resolves.toBeInstanceOf(EmptyDto);
  });

  it('still refuses any field in a body that has none', async () => {
    await expect(body(EmptyDto, { note: 'x' })).rejects.toBeInstanceOf(ProblemError);
  });

  it('still validates {} against a DTO with required fields', async () => {
    const error = (await body(ProgressDto, {}).catch((e: unknown) => e)) as ProblemError;
    expect(error).toBeInstanceOf(ProblemError);
    expect(error.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'note' })]));
  });

  it('passes a plain Object body on untouched', async () => {
    const value = { any: 1 };
    await expect(body(Object, value)).resolves.toBe(value);
  });
});
