import { ValidationError } from '@nestjs/common';

/**
 * class-validator's default messages are English; civil servants see these beside the fields, so
 * the common ones are said in Vietnamese. A message a DTO already wrote (in Vietnamese) is kept.
 */
const number = (message: string): string => /(-?\d+(?:\.\d+)?)/.exec(message)?.[1] ?? '';

const MESSAGES: Partial<Record<string, (field: string, english: string) => string>> = {
  whitelistValidation: (f) => `Trường ${f} không được phép gửi lên`,
  isNotEmpty: (f) => `${f} không được để trống`,
  isDefined: (f) => `${f} là bắt buộc`,
  isString: (f) => `${f} phải là chuỗi ký tự`,
  maxLength: (f, e) => `${f} dài quá ${number(e)} ký tự`,
  minLength: (f, e) => `${f} cần ít nhất ${number(e)} ký tự`,
  min: (f, e) => `${f} không được nhỏ hơn ${number(e)}`,
  max: (f, e) => `${f} không được lớn hơn ${number(e)}`,
  isInt: (f) => `${f} phải là số nguyên`,
  isNumber: (f) => `${f} phải là số`,
  isBoolean: (f) => `${f} phải là true hoặc false`,
  isArray: (f) => `${f} phải là một danh sách`,
  arrayNotEmpty: (f) => `${f} cần ít nhất một phần tử`,
  arrayMaxSize: (f, e) => `${f} có quá nhiều phần tử (tối đa ${number(e)})`,
  isEmail: (f) => `${f} không phải là địa chỉ email hợp lệ`,
  isIn: (f, e) => `${f} phải là một trong các giá trị: ${e.split('following values: ')[1] ?? ''}`.trim(),
  matches: (f) => `${f} không đúng định dạng`,
  nestedValidation: (f) => `${f} phải là một đối tượng hợp lệ`,
};

const ENGLISH_DEFAULT = /^[\x20-\x7e]*$/;

export function vietnameseMessage(constraint: string, english: string, field: string): string {
  const translate = MESSAGES[constraint];
  return translate && ENGLISH_DEFAULT.test(english) ? translate(field, english) : english;
}

export function fieldErrors(errors: ValidationError[], prefix = ''): { field: string; message: string }[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([constraint, message]) => ({
      field,
      message: vietnameseMessage(constraint, message, field),
    }));
    return [...own, ...fieldErrors(e.children ?? [], field)];
  });
}
