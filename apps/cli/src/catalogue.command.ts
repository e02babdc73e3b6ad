/**
 * `catalogue check <file>` and `catalogue import <file>`: a province's or a ministry's own units
 * (Sở, communes, Cục, Vụ) from a CSV or XLSX file (libs/agencies/catalogues/README.md), added to
 * the agency catalogue by the same use case as POST /api/v1/agencies/{code}/units/import: one
 * append for the whole file, units already there skipped.
 */
import { readFile } from 'node:fs/promises';
import { AgencyDirectory, ImportAgencyUnitsCommand, ImportAgencyUnitsHandler } from '@tdnv/agency-directory';
import { readUnitFile as readUnits, UnitFile, unitSummary } from '@tdnv/agencies';
import { CliContext } from './cli-context';

const USAGE = 'Cách dùng: npm run cli -- catalogue check <tệp.csv|tệp.xlsx> | catalogue import <tệp.csv|tệp.xlsx>';
const ADMIN = { id: 'cli', role: 'admin' as const };

/** A catalogue file on disk: its units parents first, and the bad rows by line. */
export async function readUnitFile(path: string): Promise<UnitFile> {
  return readUnits(await readFile(path));
}

/** `catalogue check <file>` needs no store; `catalogue import <file>` writes to it. */
export async function runCatalogue(argv: string[], store: () => CliContext): Promise<number> {
  const [sub, file] = argv;
  if ((sub !== 'check' && sub !== 'import') || !file) {
    console.error(USAGE);
    return 2;
  }
  let read: UnitFile;
  try {
    read = await readUnitFile(file);
  } catch (error) {
    console.error(`Không đọc được tệp ${file}: ${(error as Error).message}`);
    return 1;
  }
  console.log(`${file}: ${read.units.length} đơn vị hợp lệ${read.errors.length ? `, ${read.errors.length} dòng lỗi` : ''}`);
  console.log(
    unitSummary(read.units)
      .map((line) => `  ${line}`)
      .join('\n'),
  );
  for (const e of read.errors) console.error(e);
  if (sub === 'check') return read.errors.length ? 1 : 0;
  if (read.errors.length) {
    console.error('Chưa nhập: hãy sửa các dòng lỗi trước.');
    return 1;
  }
  const cli = store();
  try {
    const now = cli.clock.now();
    const context = { actor: ADMIN, now, today: cli.clock.today(), requestHash: '' };
    const lines = read.units.map(({ line, ...unit }) => ({ line: line ?? 0, unit }));
    const done = await new ImportAgencyUnitsHandler(cli.store, new AgencyDirectory(cli.store)).execute(
      new ImportAgencyUnitsCommand(undefined, lines, context),
    );
    console.log(done.summary);
    return 0;
  } catch (error) {
    console.error(`Chưa nhập: ${(error as Error).message}`);
    return 1;
  } finally {
    await cli.store.close();
  }
}
