import { vietnameseMessage } from './validation-messages';

describe('validation messages in Vietnamese', () => {
  it('translates class-validator defaults and keeps the numbers', () => {
    expect(vietnameseMessage('max', 'percent must not be greater than 100', 'percent')).toBe('percent không được lớn hơn 100');
    expect(vietnameseMessage('whitelistValidation', 'property hack should not exist', 'hack')).toBe('Trường hack không được phép gửi lên');
    expect(vietnameseMessage('maxLength', 'reason must be shorter than or equal to 4000 characters', 'reason')).toBe(
      'reason dài quá 4000 ký tự',
    );
  });
  it('keeps a message a DTO already wrote in Vietnamese, and unknown constraints', () => {
    expect(vietnameseMessage('minLength', 'mật khẩu cần ít nhất 10 ký tự', 'password')).toBe('mật khẩu cần ít nhất 10 ký tự');
    expect(vietnameseMessage('isUuid', 'id must be a UUID', 'id')).toBe('id must be a UUID');
  });
});
