import { isUpperChar, TokenSpans } from './vietnamese-tokenizer';

/**
 * Checks that keep short aliases from matching where they mean something else. They run only
 * when scanning running text (findMentions), never when resolving a phrase the caller chose.
 */

export const CASE_ANY = 0;
/** Every word capitalized: bare place names ("Hòa Bình" the province, not "hòa bình" peace). */
export const CASE_TITLE = 1;
/** All capitals: abbreviations ("NHNN", "Bộ TTTT"). */
export const CASE_UPPER = 2;

type WordCase = 'lower' | 'title' | 'upper';

function wordCase(text: string, start: number, end: number): WordCase {
  if (!isUpperChar(text.charCodeAt(start))) return 'lower';
  const raw = text.slice(start, end);
  return raw === raw.toUpperCase() && end - start > 1 ? 'upper' : 'title';
}

export function caseMatches(rule: number, text: string, start: number, end: number): boolean {
  if (rule === CASE_ANY) return true;
  if (!isUpperChar(text.charCodeAt(start))) return false;
  if (rule === CASE_TITLE) return true;
  const raw = text.slice(start, end);
  return raw === raw.toUpperCase();
}

/** Only spaces between two tokens: they belong to the same written name. */
function joined(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c !== 0x20 && c !== 0xa0) return false;
  }
  return true;
}

const SENTENCE_BREAK = /[.!?:;\n\r\t(•\-–—"“”'[]/;

/** A token that opens a sentence or a list item is capitalized for that reason alone. */
function opensSentence(tokens: TokenSpans, text: string, j: number): boolean {
  if (j === 0) return true;
  return SENTENCE_BREAK.test(text.slice(tokens.ends[j - 1], tokens.starts[j]));
}

/**
 * A bare place name glued to another capitalized word is part of a longer proper name:
 * "Nguyễn Hòa Bình" (a person), "Thái Bình Dương" (the Pacific), not the province. A capital
 * that only opens a sentence ("Tại Hòa Bình") does not count, unless that word itself begins a
 * name (`beginsName`: "Thái" of "Thái Bình Dương").
 */
export function standsAlone(
  tokens: TokenSpans,
  text: string,
  first: number,
  endToken: number,
  beginsName: (token: number) => boolean,
): boolean {
  const own = wordCase(text, tokens.starts[first], tokens.ends[first]);
  const prev = first - 1;
  if (prev >= 0 && joined(text, tokens.ends[prev], tokens.starts[first])) {
    const c = wordCase(text, tokens.starts[prev], tokens.ends[prev]);
    const capital = c === 'title' || (c === 'upper' && own === 'upper');
    if (capital && (!opensSentence(tokens, text, prev) || beginsName(prev))) return false;
  }
  if (endToken < tokens.count && joined(text, tokens.ends[endToken - 1], tokens.starts[endToken])) {
    const c = wordCase(text, tokens.starts[endToken], tokens.ends[endToken]);
    if (c === 'title' || (c === 'upper' && own === 'upper')) return false;
  }
  return true;
}

/** "10/BC-BTTTT", "BTTTT-THH": an abbreviation inside a document number is not a mention. */
export function outsideDocumentNumber(text: string, start: number, end: number): boolean {
  const before = start > 0 ? text.charCodeAt(start - 1) : 0;
  const after = end < text.length ? text.charCodeAt(end) : 0;
  return before !== 0x2f && before !== 0x2d && after !== 0x2f && after !== 0x2d;
}
