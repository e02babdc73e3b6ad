import { normalizeVietnamese } from './normalize-vietnamese';
import { scanTokens, tokenizeVietnamese } from './vietnamese-tokenizer';

describe('normalizeVietnamese', () => {
  it('strips tone and vowel marks, folds đ, lower-cases', () => {
    expect(normalizeVietnamese('Bộ Tài chính')).toBe('bo tai chinh');
    expect(normalizeVietnamese('ĐẮK LẮK')).toBe('dak lak');
    expect(normalizeVietnamese('Ủy ban nhân dân tỉnh Đồng Tháp')).toBe('uy ban nhan dan tinh dong thap');
  });

  it('gives one key for NFC, NFD and both tone-mark placements', () => {
    const nfc = 'Khánh Hòa, Thủy lợi, Uỷ ban';
    expect(normalizeVietnamese(nfc.normalize('NFD'))).toBe(normalizeVietnamese(nfc));
    expect(normalizeVietnamese('Khánh Hoà')).toBe(normalizeVietnamese('Khánh Hòa'));
    expect(normalizeVietnamese('Thuỷ')).toBe(normalizeVietnamese('Thủy'));
    expect(normalizeVietnamese('Uỷ ban')).toBe(normalizeVietnamese('Ủy ban'));
  });

  it('reduces spaces and punctuation to single spaces', () => {
    expect(normalizeVietnamese('  Bộ  Tài Chính,\n')).toBe('bo tai chinh');
    expect(normalizeVietnamese('TP.HCM')).toBe('tp hcm');
    expect(normalizeVietnamese('Bộ Lao động - Thương binh và Xã hội')).toBe(normalizeVietnamese('Bộ Lao động, Thương binh và Xã hội'));
  });

  it('joins abbreviations written with an ampersand', () => {
    expect(normalizeVietnamese('Bộ TT&TT')).toBe('bo tttt');
    expect(normalizeVietnamese('Bộ KH & ĐT')).toBe('bo khdt');
    // Between ordinary words "&" stays a separator.
    expect(normalizeVietnamese('Bộ Y tế & Bộ Tài chính')).toBe('bo y te bo tai chinh');
  });

  it('keeps offsets into the original text', () => {
    const text = 'Giao Bộ Y tế';
    const t = tokenizeVietnamese(text);
    expect(t.norms).toEqual(['giao', 'bo', 'y', 'te']);
    expect(text.slice(t.starts[1], t.ends[3])).toBe('Bộ Y tế');
    const nfd = text.normalize('NFD');
    const s = scanTokens(nfd);
    expect(nfd.slice(s.starts[1], s.ends[3])).toBe('Bộ Y tế'.normalize('NFD'));
  });

  it('hashes every spelling of a word alike', () => {
    const a = scanTokens('Hòa');
    const b = scanTokens('HOÀ'.normalize('NFD'));
    expect(a.hashes[0]).toBe(b.hashes[0]);
  });
});
