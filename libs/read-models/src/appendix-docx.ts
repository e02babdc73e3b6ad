import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlign,
  WidthType,
} from 'docx';
import { Appendix, APPENDIX_HEADERS, AppendixLine } from './appendix.model';
import { centred, FONT, mm, pageNumberHeaders, paragraphs, run, Style } from './docx-text';

/** A4 landscape, margins of Nghị định 30 turned with the page: 20 mm top and bottom, 25 mm left, 15 mm right. */
export const APPENDIX_PAGE = { width: 297, height: 210, top: 20, bottom: 20, left: 25, right: 15 } as const;
/** Column shares of the text width, close to seed 000 (the content and result columns are the wide ones). */
const SHARES = [0.055, 0.36, 0.16, 0.11, 0.315];
/** The table's text is 12 pt, the title block 13–14 pt. */
const TABLE_SIZE = 12;

const textWidth = mm(APPENDIX_PAGE.width - APPENDIX_PAGE.left - APPENDIX_PAGE.right);
export const APPENDIX_COLUMN_WIDTHS = SHARES.map((share) => Math.round(share * textWidth));

const CENTRED_COLUMNS = new Set([0, 3]);

function cell(text: string, column: number, style: Style, span = 1): TableCell {
  const width = APPENDIX_COLUMN_WIDTHS.slice(column, column + span).reduce((a, b) => a + b, 0);
  const alignment = CENTRED_COLUMNS.has(column) && span === 1 ? AlignmentType.CENTER : AlignmentType.JUSTIFIED;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: span > 1 ? span : undefined,
    verticalAlign: VerticalAlign.TOP,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: paragraphs(text, { size: TABLE_SIZE, ...style }, { alignment }),
  });
}

function lineRow(line: AppendixLine): TableRow {
  if (line.kind === 'document' || line.kind === 'section') {
    return new TableRow({ children: [cell(line.tt, 0, { bold: true }), cell(line.text, 1, { bold: true }, 4)] });
  }
  const style: Style = line.kind === 'member' ? { italics: true } : {};
  return new TableRow({ children: [line.tt, line.text, line.lead, line.deadline, line.result].map((text, i) => cell(text, i, style)) });
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/** The table: the five columns of seed 000, the header row repeated on every page. */
export function appendixTable(appendix: Appendix): Table {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: APPENDIX_HEADERS.map(
      (h, i) =>
        new TableCell({
          width: { size: APPENDIX_COLUMN_WIDTHS[i], type: WidthType.DXA },
          verticalAlign: VerticalAlign.CENTER,
          children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(h, { size: TABLE_SIZE, bold: true })] })],
        }),
    ),
  });
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: APPENDIX_COLUMN_WIDTHS,
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [header, ...appendix.lines.map(lineRow)],
  });
}

/** The title block: issuing body, "Phụ lục", the subject, "(Kèm theo …)", then the summary sentence. */
function titleBlock(appendix: Appendix): Paragraph[] {
  return [
    new Paragraph({ children: [run(appendix.issuer, { bold: true, size: 13 })], spacing: { after: 120 } }),
    centred(appendix.title, { bold: true, size: 14 }),
    ...appendix.subject.map((line) => centred(line, { bold: true, size: 14 })),
    ...(appendix.attachedTo ? [centred(appendix.attachedTo, { italics: true, size: 13 })] : []),
    new Paragraph({
      spacing: { before: 200, after: 200 },
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: mm(10) },
      children: [run(appendix.summary)],
    }),
  ];
}

/** The appendix as a Word document VPCP can attach to a report: A4 landscape, Times New Roman, page numbers from page 2. */
export async function appendixDocx(appendix: Appendix): Promise<Buffer> {
  const document = new Document({
    creator: appendix.issuer,
    title: `${appendix.title} ${appendix.subject.join(' ')}`,
    styles: { default: { document: { run: { font: FONT, size: 26 } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { orientation: PageOrientation.LANDSCAPE },
            margin: {
              top: mm(APPENDIX_PAGE.top),
              bottom: mm(APPENDIX_PAGE.bottom),
              left: mm(APPENDIX_PAGE.left),
              right: mm(APPENDIX_PAGE.right),
              header: mm(10),
            },
          },
        },
        headers: pageNumberHeaders(),
        children: [...titleBlock(appendix), appendixTable(appendix)],
      },
    ],
  });
  return Packer.toBuffer(document);
}
