/**
 * `catalogue check <file>` and `catalogue import <file>`: a province's or a ministry's own units
 * (Sở, communes, Cục, Vụ) from a CSV or XLSX file (libs/agencies/catalogues/README.md), added to
 * the agency catalogue through the same rule as POST /api/v1/agencies/{parent}/units.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import ExcelJS from 'exceljs';
import { AddAgencyUnitCommand, AddAgencyUnitHandler, AgencyDirectory } from '@tdnv/agency-directory';
import { UnitRecord, parseCsv, parentsFirst, parseUnitRows } from '@tdnv/agencies';
import { CliContext } from './cli-context';

const USAGE = 'Cách dùng: npm run cli -- catalogue check <tệp.csv|tệp.xlsx> | catalogue import <tệp.csv|tệp.xlsx>';
const ADMIN = { id: 'cli', role: 'admin' as const };

/** The first sheet of a workbook as rows of cell texts. */
async function xlsxRows(path: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  sheet?.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c += 1) cells.push(row.getCell(c).text ?? '');
    rows.push(cells);
  });
  return rows;
}

export async function readUnitFile(path: string): Promise<{ units: UnitRecord[]; errors: string[] }> {
  const rows = extname(path).toLowerCase() === '.xlsx' ? await xlsxRows(path) : parseCsv(await readFile(path, 'utf8'));
  const file = parseUnitRows(rows);
  return { units: parentsFirst(file.units), errors: file.errors };
}

function summary(units: UnitRecord[]): string[] {
  const byParent = new Map<string, Map<string, number>>();
  for (const u of units) {
    const types = byParent.get(u.parent) ?? new Map<string, number>();
    types.set(u.unitType ?? 'other', (types.get(u.unitType ?? 'other') ?? 0) + 1);
    byParent.set(u.parent, types);
  }
  return [...byParent].map(([parent, types]) => `  ${parent}: ${[...types].map(([t, n]) => `${n} ${t}`).join(', ')}`);
}

/** Adds each unit as the API would; units already in the catalogue are skipped, not an error. */
async function importUnits(cli: CliContext, units: UnitRecord[]): Promise<{ added: number; skipped: string[]; failed: string[] }> {
  const result = { added: 0, skipped: [] as string[], failed: [] as string[] };
  for (const unit of units) {
    // A fresh directory per unit: the one before may be the parent of this one.
    const directory = new AgencyDirectory(cli.store);
    if ((await directory.snapshot()).exists(unit.code)) {
      result.skipped.push(unit.code);
      continue;
    }
    const now = cli.clock.now();
    const context = {
      actor: ADMIN,
      now,
      today: cli.clock.today(),
      requestHash: `cli-catalogue-import|${unit.code}`,
      idempotencyKey: `cli-catalogue-import|${unit.code}`,
    };
    try {
      await new AddAgencyUnitHandler(cli.store, directory).execute(
        new AddAgencyUnitCommand(unit.parent, { code: unit.code, name: unit.name }, context),
      );
      result.added += 1;
    } catch (error) {
      result.failed.push(`${unit.code}: ${(error as Error).message}`);
    }
  }
  return result;
}

/** `catalogue check <file>` needs no store; `catalogue import <file>` writes to it. */
export async function runCatalogue(argv: string[], store: () => CliContext): Promise<number> {
  const [sub, file] = argv;
  if ((sub !== 'check' && sub !== 'import') || !file) {
    console.error(USAGE);
    return 2;
  }
  let read: { units: UnitRecord[]; errors: string[] };
  try {
    read = await readUnitFile(file);
  } catch (error) {
    console.error(`Không đọc được tệp ${file}: ${(error as Error).message}`);
    return 1;
  }
  console.log(`${file}: ${read.units.length} đơn vị hợp lệ${read.errors.length ? `, ${read.errors.length} dòng lỗi` : ''}`);
  console.log(summary(read.units).join('\n'));
  for (const e of read.errors) console.error(e);
  if (sub === 'check') return read.errors.length ? 1 : 0;
  if (read.errors.length) {
    console.error('Chưa nhập: hãy sửa các dòng lỗi trước.');
    return 1;
  }
  const cli = store();
  try {
    const done = await importUnits(cli, read.units);
    console.log(`Đã thêm ${done.added} đơn vị; ${done.skipped.length} đơn vị đã có trong danh mục.`);
    for (const f of done.failed) console.error(`Không thêm được ${f}`);
    return done.failed.length ? 1 : 0;
  } finally {
    await cli.store.close();
  }
}
