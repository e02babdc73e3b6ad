import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { AgencyDirectory } from '@tdnv/agency-directory';
import { createCliContext } from '../../apps/cli/src/cli-context';
import { runCatalogue } from '../../apps/cli/src/catalogue.command';

/** `npm run cli -- catalogue check|import <file>`: a province's own units into the catalogue. */
describe('catalogue command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tdnv-catalogue-'));
  const laiChau = resolve(__dirname, '../../libs/agencies/catalogues/lai-chau.csv');
  const store = () => createCliContext({ DATA_DIR: dir });
  let lines: string[] = [];
  let log: jest.SpyInstance;
  let error: jest.SpyInstance;

  beforeEach(() => {
    lines = [];
    log = jest.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    error = jest.spyOn(console, 'error').mockImplementation((line: string) => void lines.push(line));
  });
  afterEach(() => {
    log.mockRestore();
    error.mockRestore();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('checks the shipped Lai Châu catalogue without writing anything', async () => {
    expect(await runCatalogue(['check', laiChau], store)).toBe(0);
    expect(lines[0]).toMatch(/lai-chau\.csv: 51 đơn vị hợp lệ$/);
    expect(lines[1]).toBe('  LCU: 13 sở, 38 xã/phường');
  });

  it('imports the units once through the add-unit rule, and skips them the second time', async () => {
    expect(await runCatalogue(['import', laiChau], store)).toBe(0);
    expect(lines).toContain('Đã thêm 51 đơn vị (LCU: 13 sở, 38 xã/phường); 0 đơn vị đã có trong danh mục.');
    expect(await runCatalogue(['import', laiChau], store)).toBe(0);
    expect(lines).toContain('Đã thêm 0 đơn vị; 51 đơn vị đã có trong danh mục.');
    const cli = store();
    try {
      const snapshot = await new AgencyDirectory(cli.store).snapshot();
      expect(snapshot.agency('LCU_X_MUONG_TE')).toMatchObject({ name: 'Ủy ban nhân dân xã Mường Tè', parent: 'LCU', kind: 'unit' });
      // The file's type, short name and other names are recorded with the unit, not only its code and name.
      expect(snapshot.agency('LCU_VP')).toMatchObject({
        unitType: 'department',
        shortName: 'Văn phòng UBND tỉnh',
        aliases: ['Văn phòng UBND tỉnh Lai Châu'],
      });
      const { events } = await cli.store.readStream('agency-catalogue');
      expect(events).toHaveLength(51);
      expect(events[0].data).toEqual({
        parent: 'LCU',
        code: 'LCU_VP',
        name: 'Văn phòng Ủy ban nhân dân tỉnh',
        unitType: 'department',
        shortName: 'Văn phòng UBND tỉnh',
        aliases: ['Văn phòng UBND tỉnh Lai Châu'],
      });
    } finally {
      await cli.store.close();
    }
  });

  it('reads an XLSX file and refuses to import a file with bad rows', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Đơn vị');
    sheet.addRows([
      ['Mã', 'Tên', 'Cấp trên', 'Loại'],
      ['BTC_CUC_THUE', 'Cục Thuế', 'BTC', 'cục'],
      ['btc-x', 'Vụ X', 'BTC', ''],
    ]);
    const path = join(dir, 'bo-tai-chinh.xlsx');
    await workbook.xlsx.writeFile(path);
    expect(await runCatalogue(['import', path], store)).toBe(1);
    expect(lines).toEqual([
      `${path}: 1 đơn vị hợp lệ, 1 dòng lỗi`,
      '  BTC: 1 cục/vụ',
      'Dòng 3: mã "btc-x" phải gồm 2–40 ký tự: chữ in hoa không dấu, chữ số, "-" hoặc "_"',
      'Chưa nhập: hãy sửa các dòng lỗi trước.',
    ]);
  });
});
