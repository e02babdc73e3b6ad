import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import { vnDate } from './appendix-cells';
import { centred, FONT, mm, pageNumberHeaders, run, Style } from './docx-text';
import { ReminderLetter } from './reminder-letter.model';

/**
 * The letter in the layout of a công văn (Nghị định 30/2020/NĐ-CP, Phụ lục I): A4 portrait, margins
 * 20/15/20/30 mm; the issuing body and the number on the left, the national title and the place
 * and date on the right; "V/v …" under the number; "Kính gửi"; the body; "Nơi nhận" and the
 * signature block side by side. The number stays blank until the letter is issued with one.
 */
export interface LetterSender {
  /** "VĂN PHÒNG CHÍNH PHỦ". */
  issuer: string;
  /** The short name in letters ("Văn phòng Chính phủ"). */
  name: string;
  /** The number's tail, after "Số:      /". */
  numberSuffix: string;
  place: string;
  signer: string[];
  /** The last line of "Nơi nhận". */
  archive: string;
}

export const VPCP_SENDER: LetterSender = {
  issuer: 'VĂN PHÒNG CHÍNH PHỦ',
  name: 'Văn phòng Chính phủ',
  numberSuffix: 'VPCP-TH',
  place: 'Hà Nội',
  signer: ['KT. BỘ TRƯỞNG, CHỦ NHIỆM', 'PHÓ CHỦ NHIỆM'],
  archive: '- Lưu: VT, TH.',
};

const PAGE = { top: 20, bottom: 20, left: 30, right: 15 } as const;
const TEXT_WIDTH = mm(210 - PAGE.left - PAGE.right);
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

/** "ngày 05 tháng 02 năm 2026", "ngày 10 tháng 4 năm 2026": a day under 10 and the months 1 and 2 get a 0 (Nghị định 30). */
export function writtenDate(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return `ngày ${String(date).padStart(2, '0')} tháng ${month < 3 ? String(month).padStart(2, '0') : month} năm ${year}`;
}

/** A short rule under a heading, as the layout draws under the issuer and under "Độc lập - Tự do - Hạnh phúc". */
const rule = (indent: number) =>
  new Paragraph({
    indent: { left: mm(indent), right: mm(indent) },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000' } },
    spacing: { after: 60 },
    children: [],
  });

function sideBySide(left: Paragraph[], right: Paragraph[], leftShare: number): Table {
  const cell = (children: Paragraph[], share: number) =>
    new TableCell({
      width: { size: Math.round(TEXT_WIDTH * share), type: WidthType.DXA },
      borders: NO_BORDERS,
      margins: { left: 0, right: 0 },
      children,
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [Math.round(TEXT_WIDTH * leftShare), Math.round(TEXT_WIDTH * (1 - leftShare))],
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, leftShare), cell(right, 1 - leftShare)] })],
  });
}

const body = (text: string, style: Style = {}) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: mm(10) },
    spacing: { before: 60, after: 60, line: 300 },
    children: [run(text, { size: 14, ...style })],
  });

function heading(letter: ReminderLetter, sender: LetterSender): Table {
  const number = letter.number ? `Số: ${letter.number}` : `Số:        /${sender.numberSuffix}`;
  return sideBySide(
    [centred(sender.issuer, { bold: true, size: 13 }), rule(22), centred(number, { size: 13 }), centred(letter.subject, { size: 12 })],
    [
      centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 12 }),
      centred('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 14 }),
      rule(20),
      centred(`${sender.place}, ${writtenDate(letter.asOf)}`, { italics: true, size: 14 }),
    ],
    0.38,
  );
}

function content(letter: ReminderLetter, sender: LetterSender): Paragraph[] {
  const agency = letter.agency.name;
  const count = String(letter.tasks.length).padStart(2, '0');
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 360, after: 240 },
      children: [run(`Kính gửi: ${agency}.`, { size: 14 })],
    }),
    body(
      `Qua theo dõi tình hình thực hiện các nhiệm vụ được giao, tính đến ${writtenDate(letter.asOf)}, ${agency} còn ${count} nhiệm vụ đã quá thời hạn nhưng chưa hoàn thành, cụ thể như sau:`,
    ),
    ...letter.tasks.map((t, i) =>
      body(
        `${i + 1}. Nhiệm vụ "${t.text}" (${t.source}): thời hạn hoàn thành ${vnDate(t.due)}, đã quá hạn ${t.daysOverdue} ngày; ` +
          `tình hình thực hiện: ${t.latest ? t.latest.replace(/[.;]+$/u, '') : 'chưa có báo cáo'}.`,
      ),
    ),
    body(
      `${sender.name} đề nghị ${agency} khẩn trương chỉ đạo thực hiện các nhiệm vụ nêu trên; báo cáo kết quả thực hiện ` +
        `(hoặc đề nghị điều chỉnh thời hạn, nếu có) về ${sender.name} trước ngày ${vnDate(letter.reportBy)} để tổng hợp, báo cáo Thủ tướng Chính phủ.`,
    ),
    body(`${sender.name} thông báo để ${agency} biết, thực hiện./.`),
  ];
}

function closing(sender: LetterSender): Table {
  const left = (text: string, style: Style) => new Paragraph({ children: [run(text, style)] });
  return sideBySide(
    [
      new Paragraph({ spacing: { before: 240 }, children: [run('Nơi nhận:', { bold: true, italics: true, size: 12 })] }),
      left('- Như trên;', { size: 11 }),
      left(sender.archive, { size: 11 }),
    ],
    [new Paragraph({ spacing: { before: 240 }, children: [] }), ...sender.signer.map((line) => centred(line, { bold: true, size: 14 }))],
    0.45,
  );
}

/** The letter as a Word document, ready for a number and a signature. */
export async function reminderLetterDocx(letter: ReminderLetter, sender: LetterSender = VPCP_SENDER): Promise<Buffer> {
  const document = new Document({
    creator: sender.issuer,
    title: letter.subject,
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: { margin: { top: mm(PAGE.top), bottom: mm(PAGE.bottom), left: mm(PAGE.left), right: mm(PAGE.right), header: mm(10) } },
        },
        headers: pageNumberHeaders(),
        children: [heading(letter, sender), ...content(letter, sender), closing(sender)],
      },
    ],
  });
  return Packer.toBuffer(document);
}
