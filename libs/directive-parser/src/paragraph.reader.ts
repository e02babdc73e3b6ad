/**
 * Turns the raw text into paragraphs that remember where each piece came from, so a directive's
 * span points back into the source even after page breaks were glued together.
 */

/** A verbatim run of the source text starting at `offset`. */
export interface Piece {
  text: string;
  offset: number;
}

export interface Paragraph {
  pieces: Piece[];
  /** Pieces joined by one space. */
  text: string;
  start: number;
  end: number;
  /** The paragraph's first line contains a tab: a table row, left to the table parsers. */
  tabular: boolean;
}

export function joinPieces(pieces: Piece[]): string {
  return pieces.map((p) => p.text).join(' ');
}

/** Source offset of position `index` in `joinPieces(pieces)`. */
export function sourceOffset(pieces: Piece[], index: number): number {
  let pos = 0;
  for (const p of pieces) {
    if (index <= pos + p.text.length) return p.offset + Math.max(0, index - pos);
    pos += p.text.length + 1;
  }
  const last = pieces[pieces.length - 1];
  return last ? last.offset + last.text.length : 0;
}

/** Strips markdown emphasis and heading marks the text extractors leave ("#### b)", "**Nơi nhận:**"). */
function cleanLine(line: string, offset: number): Piece | null {
  let start = 0;
  let end = line.length;
  const lead = /^[\s#>*_]*/.exec(line);
  if (lead) start = lead[0].length;
  while (end > start && /[\s*_]/.test(line[end - 1])) end -= 1;
  if (end <= start) return null;
  const text = line.slice(start, end).replace(/\*\*/g, '');
  return { text, offset: offset + start };
}

/** Blank lines separate paragraphs; lines inside one paragraph are joined. */
export function readParagraphs(source: string): Paragraph[] {
  const out: Paragraph[] = [];
  let current: Piece[] = [];
  let tabular = false;
  const flush = () => {
    if (current.length) out.push(makeParagraph(current, tabular));
    current = [];
    tabular = false;
  };
  let offset = 0;
  for (const line of source.split('\n')) {
    // A page number left between two pages is not text ("   2").
    const piece = line.includes('\t') || PAGE_NUMBER.test(line) ? null : cleanLine(line, offset);
    if (line.includes('\t')) {
      flush();
      out.push(makeParagraph([{ text: line, offset }], true));
    } else if (piece) {
      // Some extractors put one paragraph per line with no blank line between them.
      const prev = current[current.length - 1];
      if (prev && startsNewParagraph(prev.text, piece.text)) flush();
      current.push(piece);
    } else {
      flush();
    }
    offset += line.length + 1;
  }
  flush();
  return out;
}

const LINE_MARKER = /^(?:[IVX]+\.|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)|\(\d{1,2}\)|Điều\s+\d{1,3}\.|[-–•+])\s/u;
const PAGE_NUMBER = /^\s*(?:-\s*)?\d{1,3}(?:\s*-)?\s*$/u;

function startsNewParagraph(prevLine: string, line: string): boolean {
  return LINE_MARKER.test(line) || (/[.:;!?]$/u.test(prevLine) && /^\p{Lu}/u.test(line));
}

function makeParagraph(pieces: Piece[], tabular: boolean): Paragraph {
  const last = pieces[pieces.length - 1];
  return { pieces, text: joinPieces(pieces), start: pieces[0].offset, end: last.offset + last.text.length, tabular };
}

const TERMINAL = /[.;:!?…"”)]$/u;
const STARTS_LOWER = /^[a-zàáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/u;

/**
 * Glues a paragraph cut by a page break back to its predecessor: the next one starts in lower case,
 * or the previous one stops mid-sentence and the next one is not a new list item.
 */
export function joinPageBreaks(
  paragraphs: Paragraph[],
  isMarker: (text: string) => boolean,
  isHeading: (text: string) => boolean,
): Paragraph[] {
  const out: Paragraph[] = [];
  for (const p of paragraphs) {
    const prev = out[out.length - 1];
    if (prev && !prev.tabular && !p.tabular && continues(prev.text, p.text, isMarker, isHeading)) {
      const pieces = [...prev.pieces, ...p.pieces];
      out[out.length - 1] = { ...prev, pieces, text: joinPieces(pieces), end: p.end };
    } else {
      out.push(p);
    }
  }
  return out;
}

function continues(prev: string, next: string, isMarker: (t: string) => boolean, isHeading: (t: string) => boolean): boolean {
  if (isMarker(next)) return false;
  if (STARTS_LOWER.test(next)) return true;
  if (TERMINAL.test(prev) || isHeading(prev)) return false;
  return /[\p{Ll},]$/u.test(prev) && /^[\p{Lu}]/u.test(next) && !isAllCaps(next);
}

export function isAllCaps(text: string): boolean {
  // Any lower-case letter settles it without building a copy of the text.
  if (LOWER_LETTER.test(text)) return false;
  let letters = 0;
  for (let i = 0; i < text.length && letters < 3; i += 1) if (UPPER_LETTER.test(text[i])) letters += 1;
  return letters >= 3;
}

const LOWER_LETTER = /\p{Ll}/u;
const UPPER_LETTER = /\p{Lu}/u;
