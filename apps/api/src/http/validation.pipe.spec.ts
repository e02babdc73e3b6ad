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

describe('text in bodies, queries and path parameters (issue 9 finding 10)', () => {
  const pipe = createValidationPipe();
  const refusal = async (work: Promise<unknown>) => ((await work.catch((e: unknown) => e)) as ProblemError).body;

  it('refuses a control character in a body field, naming the field', async () => {
    const body = await refusal(pipe.transform({ note: 'a\u0000b' }, { type: 'body', metatype: ProgressDto }));
    expect(body).toMatchObject({
      status: 400,
      errors: [{ field: 'note', message: 'note chứa ký tự không được phép: ký tự điều khiển (U+0000)' }],
    });
  });

  it('names nested fields and path parameters', async () => {
    expect(await refusal(pipe.transform({ a: [{ b: 'x\u202Ey' }] }, { type: 'body', metatype: ProgressDto }))).toMatchObject({
      errors: [{ field: 'a.0.b' }],
    });
    expect(await refusal(pipe.transform('\uDC00', { type: 'param', metatype: String, data: 'id' }))).toMatchObject({
      errors: [{ field: 'id' }],
    });
  });

  it('stores text composed (NFC) and keeps TAB, LF and CR', async () => {
    const dto = (await pipe.transform({ note: 'Hoa\u0300n tha\u0300nh\t1\r\n2' }, { type: 'body', metatype: ProgressDto })) as ProgressDto;
    expect(dto.note).toBe('Hoàn thành\t1\r\n2');
    expect(await pipe.transform('Ha\u0300 Nô\u0323i', { type: 'query', metatype: String, data: 'q' })).toBe('Hà Nội');
  });

  it('leaves a raw body to the handler that reads it (the notice import applies the same rule)', async () => {
    const value = { text: 'a\u0000b' };
    await expect(pipe.transform(value, { type: 'body', metatype: Object })).resolves.toBe(value);
  });
});
