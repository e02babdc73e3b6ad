/**
 * List markers of Vietnamese administrative documents and their nesting level:
 * Điều 1. → I. → 1. → 1.1. → a) → (1) → "-" → "+". The level decides which open item a new one closes.
 */
export type MarkerKind = 'article' | 'roman' | 'number' | 'subnumber' | 'letter' | 'paren' | 'dash' | 'plus';

export interface Marker {
  kind: MarkerKind;
  level: number;
  /** As written: "Đ2", "II", "3", "2.1", "b", "1", or "" for bullets (numbered by position). */
  label: string;
  /** Length of the marker including the following spaces. */
  length: number;
}

const LETTERS = 'a|b|c|d|đ|e|g|h|i|k|l|m|n|o|p|q|r|s|t|u|v|x|y';

const PATTERNS: Array<[MarkerKind, number, RegExp]> = [
  ['article', -0.5, /^Điều\s+(\d{1,3})\.\s*(?=\S)/u],
  ['roman', 0, /^((?:X{0,3})(?:IX|IV|V?I{0,3}))\.\s+(?=\S)/u],
  ['subnumber', 2, /^(\d{1,2}\.\d{1,2})\.?\s+(?=\S)/u],
  ['number', 1, /^(\d{1,2})[.)]\s+(?=\S)/u],
  ['letter', 3, new RegExp(`^(${LETTERS})\\)\\s+(?=\\S)`, 'u')],
  ['paren', 3.5, /^\((\d{1,2})\)\s+(?=\S)/u],
  ['dash', 4, /^[-–•]\s*(?=\S)/u],
  ['plus', 5, /^\+\s*(?=\S)/u],
];

export function readMarker(text: string): Marker | null {
  for (const [kind, level, re] of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    if (kind === 'roman' && !m[1]) continue;
    // "2020. Năm ..." or a date is not a list item.
    if (kind === 'number' && Number(m[1]) > 40) continue;
    const label = kind === 'dash' || kind === 'plus' ? '' : kind === 'article' ? `Đ${m[1]}` : m[1];
    return { kind, level, label, length: m[0].length };
  }
  return null;
}

export function isMarker(text: string): boolean {
  return readMarker(text) !== null;
}
