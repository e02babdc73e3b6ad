import { cleanTextInput, forbiddenCharacter, withoutForbiddenCharacters } from './text-input';

describe('forbidden characters in stored text', () => {
  it.each([
    ['\u0000', 'ký tự điều khiển (U+0000)'],
    ['\u001B', 'ký tự điều khiển (U+001B)'],
    ['\u007F', 'ký tự điều khiển (U+007F)'],
    ['\u0085', 'ký tự điều khiển (U+0085)'],
    ['\u202A', 'ký tự điều khiển hướng chữ (U+202A)'],
    ['\u202E', 'ký tự điều khiển hướng chữ (U+202E)'],
    ['\u2066', 'ký tự điều khiển hướng chữ (U+2066)'],
    ['\u2069', 'ký tự điều khiển hướng chữ (U+2069)'],
    ['\uD800', 'nửa cặp thay thế UTF-16 đứng lẻ (U+D800)'],
    ['a\uDFFF', 'nửa cặp thay thế UTF-16 đứng lẻ (U+DFFF)'],
  ])('refuses %j', (text, reason) => {
    expect(forbiddenCharacter(`x${text}y`)).toBe(reason);
  });

  it.each(['\t', '\n', '\r', 'Hà Nội', '😀', '\u200E', '‘trích dẫn’'])('accepts %j', (text) => {
    expect(forbiddenCharacter(text)).toBeUndefined();
  });

  it('drops them where the user cannot see them (.docx text)', () => {
    expect(withoutForbiddenCharacters('a\u202Eb\u0001c\tđ')).toBe('abc\tđ');
  });

  it('walks a deeply nested body without recursion', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(() => cleanTextInput(deep)).toThrow('chứa ký tự không được phép');
  });
});
