/**
 * Splits text into diacritics-free, lower-case word tokens that keep their offsets in the
 * original string, so a match on normalized words maps back to the exact source span.
 *
 * Built for scanning megabytes: one table lookup per UTF-16 unit (no `normalize('NFD')` per
 * word), and the scan produces a hash per word instead of a string, so nothing is allocated per
 * token. Precomposed (NFC) and decomposed (NFD) input fold the same, so both tone-mark
 * placements ("Hòa"/"Hoà") compare equal.
 */

/** Word spans: offsets into the text (end exclusive) and the FNV-1a hash of the folded word. */
export interface TokenSpans {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  hashes: Int32Array;
}

export interface TokenStream {
  starts: number[];
  ends: number[];
  norms: string[];
}

const SEP = 0;
const WORD = 1;
/** Combining marks and invisible joiners: part of a word, contribute nothing to its form. */
const MARK = 2;

const TABLE_SIZE = 0x2100;
const category = new Uint8Array(TABLE_SIZE);
const upper = new Uint8Array(TABLE_SIZE);
const folded: string[] = new Array<string>(TABLE_SIZE).fill('');
/** Folded UTF-16 unit of a word character, or MULTI when it folds to several (rare) units. */
const foldedUnit = new Uint16Array(TABLE_SIZE);
const MULTI = 0xffff;

function foldChar(ch: string): string {
  // đ/Đ have no decomposition; ð/Ð appear in badly re-encoded documents in place of đ.
  if (/[đĐðÐ]/.test(ch)) return 'd';
  return ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

for (let c = 0; c < TABLE_SIZE; c++) {
  const ch = String.fromCharCode(c);
  if (/\p{M}/u.test(ch) || c === 0xad || c === 0x200c || c === 0x200d) {
    category[c] = MARK;
  } else if (/[\p{L}\p{N}]/u.test(ch)) {
    category[c] = WORD;
    folded[c] = foldChar(ch);
    foldedUnit[c] = folded[c].length === 1 ? folded[c].charCodeAt(0) : MULTI;
    upper[c] = ch !== ch.toLowerCase() ? 1 : 0;
  }
}

const slowCategory = new Map<number, number>();

function categoryOf(c: number): number {
  if (c < TABLE_SIZE) return category[c];
  if (c === 0xfeff) return MARK;
  let cat = slowCategory.get(c);
  if (cat === undefined) {
    cat = /[\p{L}\p{N}]/u.test(String.fromCharCode(c)) ? WORD : SEP;
    slowCategory.set(c, cat);
  }
  return cat;
}

/** The folded form of one UTF-16 unit ('' for marks and separators). */
export function foldedOf(c: number): string {
  const cat = categoryOf(c);
  if (cat !== WORD) return '';
  return c < TABLE_SIZE ? folded[c] : String.fromCharCode(c).toLowerCase();
}

/** True for an upper-case letter (used for abbreviations and proper-name checks). */
export function isUpperChar(c: number): boolean {
  return c < TABLE_SIZE ? upper[c] === 1 : false;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

/** Hash of a folded word, equal to the hash the scanner computes for any spelling of it. */
export function hashWord(word: string): number {
  let h = FNV_OFFSET;
  for (let k = 0; k < word.length; k++) h = Math.imul(h ^ word.charCodeAt(k), FNV_PRIME);
  return h;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0xa0;
}

/**
 * "TT&TT", "KH & ĐT": an ampersand between upper-case letters joins one abbreviation, so it
 * compares equal to "TTTT" / "KHĐT". Returns the index where the word continues, or -1.
 */
function ampersandJoin(text: string, end: number): number {
  if (end === 0 || !isUpperChar(text.charCodeAt(end - 1))) return -1;
  let j = end;
  while (j < text.length && isSpace(text.charCodeAt(j))) j++;
  if (text.charCodeAt(j) !== 0x26) return -1;
  j++;
  while (j < text.length && isSpace(text.charCodeAt(j))) j++;
  return j < text.length && isUpperChar(text.charCodeAt(j)) ? j : -1;
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** The words of a text (the first `maxTokens` of them when given). */
export function scanTokens(text: string, maxTokens = Infinity): TokenSpans {
  let cap = Math.max(16, Math.min(text.length >> 2, maxTokens));
  let starts: Int32Array = new Int32Array(cap);
  let ends: Int32Array = new Int32Array(cap);
  let hashes: Int32Array = new Int32Array(cap);
  let count = 0;
  const n = text.length;
  let i = 0;
  while (i < n && count < maxTokens) {
    if (categoryOf(text.charCodeAt(i)) === SEP) {
      i++;
      continue;
    }
    const start = i;
    let h = FNV_OFFSET;
    let letters = 0;
    for (;;) {
      while (i < n) {
        const c = text.charCodeAt(i);
        const cat = c < TABLE_SIZE ? category[c] : categoryOf(c);
        if (cat === SEP) break;
        if (cat === WORD) {
          const unit = c < TABLE_SIZE ? foldedUnit[c] : MULTI;
          if (unit !== MULTI) {
            h = Math.imul(h ^ unit, FNV_PRIME);
          } else {
            const f = foldedOf(c);
            for (let k = 0; k < f.length; k++) h = Math.imul(h ^ f.charCodeAt(k), FNV_PRIME);
          }
          letters++;
        }
        i++;
      }
      const next = ampersandJoin(text, i);
      if (next < 0) break;
      i = next;
    }
    if (letters === 0) continue;
    if (count === cap) {
      starts = grow(starts);
      ends = grow(ends);
      hashes = grow(hashes);
      cap *= 2;
    }
    starts[count] = start;
    ends[count] = i;
    hashes[count] = h;
    count++;
  }
  return { count, starts, ends, hashes };
}

/** The folded form of the word at [start, end). */
export function foldSpan(text: string, start: number, end: number): string {
  let word = '';
  for (let k = start; k < end; k++) word += foldedOf(text.charCodeAt(k));
  return word;
}

/** Whether the word at [start, end) folds to `word`, without building a string. */
export function spanFoldsTo(text: string, start: number, end: number, word: string): boolean {
  let w = 0;
  for (let k = start; k < end; k++) {
    const f = foldedOf(text.charCodeAt(k));
    for (let j = 0; j < f.length; j++) {
      if (word.charCodeAt(w++) !== f.charCodeAt(j)) return false;
    }
  }
  return w === word.length;
}

/** Words with their folded strings (for short texts: names, aliases, search keys). */
export function tokenizeVietnamese(text: string): TokenStream {
  const spans = scanTokens(text);
  const stream: TokenStream = { starts: [], ends: [], norms: [] };
  for (let k = 0; k < spans.count; k++) {
    stream.starts.push(spans.starts[k]);
    stream.ends.push(spans.ends[k]);
    stream.norms.push(foldSpan(text, spans.starts[k], spans.ends[k]));
  }
  return stream;
}
