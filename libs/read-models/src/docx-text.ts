import { AlignmentType, Header, IParagraphOptions, PageNumber, Paragraph, TextRun } from 'docx';

/**
 * Text in the house style of administrative documents (Nghị định 30/2020/NĐ-CP, Phụ lục I): Times
 * New Roman, sizes in points; shared by the appendix and the đôn đốc letter.
 */
export const FONT = 'Times New Roman';

export interface Style {
  size?: number;
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
}

export const run = (text: string, style: Style = {}): TextRun =>
  new TextRun({
    text,
    font: FONT,
    size: (style.size ?? 13) * 2,
    bold: style.bold,
    italics: style.italics,
    underline: style.underline ? {} : undefined,
  });

/** One paragraph per line of `text` ("\n" separates them), each with the same style. */
export function paragraphs(text: string, style: Style = {}, options: Omit<IParagraphOptions, 'children'> = {}): Paragraph[] {
  return text.split('\n').map((line) => new Paragraph({ ...options, children: [run(line, style)] }));
}

export const centred = (text: string, style: Style = {}, spacingAfter = 0): Paragraph =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: spacingAfter }, children: [run(text, style)] });

/** Millimetres to twentieths of a point (the unit of page sizes and margins). */
export const mm = (value: number): number => Math.round((value * 1440) / 25.4);

/** The page number, centred at the top, from the second page (Nghị định 30: not on the first). */
export const pageNumberHeaders = () => ({
  default: new Header({
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 26 })] }),
    ],
  }),
  first: new Header({ children: [] }),
});
