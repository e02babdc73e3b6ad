import { tokenizeVietnamese } from './vietnamese-tokenizer';

/**
 * Diacritics-blind comparison key: strips tone and vowel marks (đ → d), lower-cases, and reduces
 * every run of spaces and punctuation to one space. "Bộ  Tài Chính," and "bo tai chinh" give the
 * same key; "Bộ TT&TT" gives "bo tttt" like "Bộ TTTT". Other libs reuse it for search.
 */
export function normalizeVietnamese(text: string): string {
  return tokenizeVietnamese(text).norms.join(' ');
}
