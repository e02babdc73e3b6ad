import { UNIT_TYPE_NAMES, UnitType } from './agency';
import { inferUnitType } from './unit-type';
import { parentsFirst, parseCsv, parseUnitRows, UnitFile, UnitRecord } from './unit-file';

/**
 * A catalogue file as the CLI reads it from disk and the API from an upload: CSV (UTF-8) or XLSX
 * (its first sheet), told apart by content (an XLSX file is a zip), read into units parents first
 * and the bad rows by line.
 */

/** The file is neither readable CSV nor XLSX; the message says so in Vietnamese. */
export class UnitFileError extends Error {}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export const isZip = (bytes: Uint8Array): boolean => ZIP_MAGIC.every((b, i) => bytes[i] === b);

/** The first sheet as rows of cell texts; row n of the sheet is rows[n - 1], so line numbers hold across empty rows. */
async function xlsxRows(bytes: Uint8Array): Promise<string[][]> {
  // Loaded only for an XLSX file: the parser and the API import this lib without needing it.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as never);
  } catch {
    throw new UnitFileError('Không đọc được tệp .xlsx; hãy kiểm tra tệp đúng định dạng Excel và không bị hỏng');
  }
  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  sheet?.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c += 1) cells.push(row.getCell(c).text ?? '');
    while (rows.length < number - 1) rows.push([]);
    rows.push(cells);
  });
  return rows;
}

function csvText(bytes: Uint8Array | string): string {
  if (typeof bytes === 'string') return bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UnitFileError('Tệp CSV phải được lưu bằng bảng mã UTF-8 (Excel: “CSV UTF-8”)');
  }
}

/** A catalogue file's bytes (or CSV text) into units, parents first, and one message per bad row. */
export async function readUnitFile(bytes: Uint8Array | string): Promise<UnitFile> {
  const rows = typeof bytes !== 'string' && isZip(bytes) ? await xlsxRows(bytes) : parseCsv(csvText(bytes));
  const file = parseUnitRows(rows.map((r) => r.map((c) => c ?? '')));
  return { units: parentsFirst(file.units), errors: file.errors };
}

/** A unit's type as given, else as its name says, else `other`. */
const typeOf = (u: UnitRecord): UnitType => u.unitType ?? inferUnitType(u.name) ?? 'other';

/** Per parent, the units by type in Vietnamese: "LCU: 13 sở, 38 xã/phường". */
export function unitSummary(units: readonly UnitRecord[]): string[] {
  const byParent = new Map<string, Map<UnitType, number>>();
  for (const u of units) {
    const types = byParent.get(u.parent) ?? new Map<UnitType, number>();
    types.set(typeOf(u), (types.get(typeOf(u)) ?? 0) + 1);
    byParent.set(u.parent, types);
  }
  return [...byParent].map(([parent, types]) => `${parent}: ${[...types].map(([t, n]) => `${n} ${UNIT_TYPE_NAMES[t]}`).join(', ')}`);
}
