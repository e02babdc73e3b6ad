import { getMetadataStorage, IsInt, IsString, MaxLength, validateSync } from 'class-validator';
import { cacheValidationMetadata } from './validation-metadata-cache';

class Base {
  @IsString()
  note!: string;
}

class Child extends Base {
  @IsInt()
  percent!: number;
}

describe('validation metadata cache', () => {
  const storage = getMetadataStorage();
  const rules = (type: abstract new (...args: never[]) => unknown) =>
    storage
      .getTargetValidationMetadatas(type, '', false, false)
      .map((m) => `${m.propertyName}:${m.name ?? m.type}`)
      .sort();

  beforeAll(() => cacheValidationMetadata());

  it('answers the same rules as the library, inherited ones included, and the same object the second time', () => {
    expect(rules(Child)).toEqual(['note:isString', 'percent:isInt']);
    expect(storage.getTargetValidationMetadatas(Child, '', false, false)).toBe(
      storage.getTargetValidationMetadatas(Child, '', false, false),
    );
    expect(validateSync(Object.assign(new Child(), { note: 1, percent: 'x' })).map((e) => e.property)).toEqual(['percent', 'note']);
  });

  it('forgets what it kept when a rule is registered later (a class defined after the first validation)', () => {
    expect(rules(Child)).toHaveLength(2);
    class Later extends Child {
      @MaxLength(3)
      code!: string;
    }
    expect(rules(Later)).toEqual(['code:maxLength', 'note:isString', 'percent:isInt']);
    expect(validateSync(Object.assign(new Later(), { note: 'a', percent: 1, code: 'toolong' })).map((e) => e.property)).toEqual(['code']);
  });

  it('is installed once however often the pipe is created', () => {
    const lookup = storage.getTargetValidationMetadatas;
    cacheValidationMetadata();
    expect(storage.getTargetValidationMetadatas).toBe(lookup);
  });
});
