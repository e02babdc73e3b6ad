import { AlignmentType, Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { Appendix, APPENDIX_HEADERS } from './appendix.model';

/** Column widths in percent, close to seed 000 (the content and result columns are the wide ones). */
const WIDTHS = [6, 38, 14, 12, 30];

const cell = (text: string, options: { bold?: boolean; width: number; span?: number }) =>
  new TableCell({
    width: { size: options.width, type: WidthType.PERCENTAGE },
    columnSpan: options.span,
    children: [new Paragraph({ children: [new TextRun({ text, bold: options.bold, font: 'Times New Roman', size: 24 })] })],
  });

/** The appendix as a Word document: landscape A4, the five columns of seed 000, one heading row per notice. */
export async function appendixDocx(appendix: Appendix): Promise<Buffer> {
  const header = new TableRow({ tableHeader: true, children: APPENDIX_HEADERS.map((h, i) => cell(h, { bold: true, width: WIDTHS[i] })) });
  const rows: TableRow[] = [header];
  for (const group of appendix.groups) {
    rows.push(new TableRow({ children: [cell(group.tt, { bold: true, width: WIDTHS[0] }), cell(group.heading, { bold: true, width: 94, span: 4 })] }));
    for (const row of group.rows) {
      rows.push(new TableRow({ children: [row.tt, row.text, row.lead, row.deadline, row.result].map((text, i) => cell(text, { width: WIDTHS[i] })) }));
    }
  }
  const centred = (text: string, bold = true) =>
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold, font: 'Times New Roman', size: 26 })] });
  const document = new Document({
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          centred(appendix.title),
          centred(appendix.subtitle),
          new Paragraph({ children: [new TextRun({ text: appendix.summary, font: 'Times New Roman', size: 24 })] }),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
