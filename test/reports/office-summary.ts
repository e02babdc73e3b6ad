import ExcelJS from 'exceljs';
import { attributeValues, zipParts } from './office-files';

/**
 * What a reader of an export sees of its structure, read back from the file: for a DOCX, the page,
 * the fonts, the paragraphs before the table and every table row's cells (span, text, weight); for
 * an XLSX, every sheet's print settings, frozen panes, merged ranges and cells (value, font, borders,
 * wrapping). The golden files compare these summaries, not bytes (zips carry dates).
 */
const text = (xml: string): string =>
  [...xml.matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)]
    .map((p) => [...p[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
    .join('\n')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');

const has = (xml: string, element: string): boolean =>
  new RegExp(`<${element}(\\s[^>]*)?/?>`).test(xml) && !new RegExp(`<${element}\\s[^>]*w:val="(false|0)"`).test(xml);

function paragraphSummary(xml: string) {
  return {
    text: text(xml),
    align: /<w:jc w:val="(\w+)"/.exec(xml)?.[1] ?? 'left',
    bold: has(xml, 'w:b'),
    italic: has(xml, 'w:i'),
    size: Number(/<w:sz w:val="(\d+)"/.exec(xml)?.[1] ?? 0) / 2,
  };
}

export async function docxSummary(buffer: Buffer) {
  const parts = await zipParts(buffer);
  const document = parts.get('word/document.xml')!;
  const body = document.slice(document.indexOf('<w:body>'), document.indexOf('<w:tbl>'));
  const table = document.slice(document.indexOf('<w:tbl>'), document.indexOf('</w:tbl>'));
  const section = /<w:sectPr[\s\S]*?<\/w:sectPr>/.exec(document)![0];
  const attribute = (element: string, name: string) => attributeValues(section, element, name)[0];
  const headers = [...parts.entries()].filter(([name]) => /^word\/header\d*\.xml$/.test(name)).map(([, xml]) => xml);
  return {
    page: {
      width: Number(attribute('w:pgSz', 'w:w')),
      height: Number(attribute('w:pgSz', 'w:h')),
      orientation: attribute('w:pgSz', 'w:orient'),
      margins: ['w:top', 'w:right', 'w:bottom', 'w:left'].map((side) => Number(attribute('w:pgMar', side))),
      titlePage: /<w:titlePg\b/.test(section),
      pageNumberHeader: headers.some((xml) => /PAGE/.test(xml)),
    },
    fonts: [...new Set([...parts.values()].flatMap((xml) => attributeValues(xml, 'w:rFonts', 'w:ascii')))].sort(),
    titleBlock: [...body.matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)].map((p) => paragraphSummary(p[0])),
    columns: attributeValues(table, 'w:gridCol', 'w:w').map(Number),
    layout: attributeValues(table, 'w:tblLayout', 'w:type')[0],
    rows: [...table.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].map((tr) => ({
      repeatedHeader: /<w:tblHeader\b/.test(tr[0]),
      cells: [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => {
        const p = paragraphSummary(tc[0]);
        return {
          span: Number(attributeValues(tc[0], 'w:gridSpan', 'w:val')[0] ?? 1),
          text: p.text,
          bold: p.bold,
          italic: p.italic,
          size: p.size,
        };
      }),
    })),
  };
}

const borderOf = (cell: ExcelJS.Cell): string =>
  (['top', 'left', 'bottom', 'right'] as const).map((side) => cell.border?.[side]?.style ?? 'none').join(',');

export async function xlsxSummary(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as never);
  return workbook.worksheets.map((sheet) => {
    const setup = sheet.pageSetup;
    const rows: unknown[] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const cells: unknown[] = [];
      row.eachCell({ includeEmpty: true }, (cell) =>
        cells.push({
          value: cell.value ?? '',
          font: `${cell.font?.name ?? ''} ${cell.font?.size ?? ''}${cell.font?.bold ? ' bold' : ''}${cell.font?.italic ? ' italic' : ''}`,
          border: borderOf(cell),
          wrap: cell.alignment?.wrapText ?? false,
          align: `${cell.alignment?.horizontal ?? ''}/${cell.alignment?.vertical ?? ''}`,
        }),
      );
      rows.push({ number: row.number, height: row.height ?? null, cells });
    });
    return {
      name: sheet.name,
      columns: (sheet.columns ?? []).map((c) => c.width),
      pageSetup: {
        paperSize: setup.paperSize,
        orientation: setup.orientation,
        fitToPage: setup.fitToPage,
        fitToWidth: setup.fitToWidth,
        fitToHeight: setup.fitToHeight,
        printTitlesRow: setup.printTitlesRow,
        horizontalCentered: setup.horizontalCentered,
      },
      views: sheet.views.map((v) => ({ state: v.state, ySplit: (v as { ySplit?: number }).ySplit })),
      merges: [...(sheet.model.merges ?? [])].sort(),
      rows,
    };
  });
}
