/**
 * List markers of Vietnamese administrative documents and their nesting level:
 * I. → 1. → 1.1. → a) → "-" → "+". The level decides which open item a new one closes.
 */
export type MarkerKind = 'roman' | 'number' | 'subnumber' | 'letter' | 'dash' | 'plus';

export interface Marker {
  kind: MarkerKind;
  level: number;
  /** As written: "II", "3", "2.1", "b", or "" for bullets (numbered by position). */
  label: string;
  /** Length of the marker including the following spaces. */
  length: number;
}

const LETTERS = 'a|b|c|d|đ|e|g|h|i|k|l|m|n|o|p|q|r|s|t|u|v|x|y';

const PATTERNS: Array<[MarkerKind, number, RegExp]> = [
  ['roman', 0, /^((?:X{0,3})(?:IX|IV|V?I{0,3}))\.\s+(?=\S)/u],
  ['subnumber', 2, /^(\d{1,2}\.\d{1,2})\.?\s+(?=\S)/u],
  ['number', 1, /^(\d{1,2})[.)]\s+(?=\S)/u],
  ['letter', 3, new RegExp(`^(${LETTERS})\\)\\s+(?=\\S)`, 'u')],
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
    return { kind, level, label: kind === 'dash' || kind === 'plus' ? '' : m[1], length: m[0].length };
  }
  return null;
}

export function isMarker(text: string): boolean {
  return readMarker(text) !== null;
}
