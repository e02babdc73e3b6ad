import ExcelJS from 'exceljs';
import { AgencyCatalogue } from './agency-catalogue';
import { readUnitFile, UnitFileError, unitSummary } from './unit-file.reader';

describe('reading a catalogue file (CSV or XLSX, from disk or an upload)', () => {
  it('reads CSV bytes and keeps the type, short name and other names of each unit', async () => {
    const csv =
      'code,name,parent,unitType,shortName,aliases\nLCU_CAT,Công an tỉnh Lai Châu,LCU,provincial_unit,Công an tỉnh,Công an tỉnh|CA tỉnh\n';
    const file = await readUnitFile(new TextEncoder().encode(csv));
    expect(file).toEqual({
      units: [
        {
          code: 'LCU_CAT',
          name: 'Công an tỉnh Lai Châu',
          parent: 'LCU',
          line: 2,
          unitType: 'provincial_unit',
          shortName: 'Công an tỉnh',
          aliases: ['Công an tỉnh', 'CA tỉnh'],
        },
      ],
      errors: [],
    });
  });

  it('reads the first sheet of an XLSX file, with the sheet’s line numbers across empty rows', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Đơn vị');
    sheet.getRow(1).values = ['Mã', 'Tên', 'Cấp trên', 'Loại'];
    sheet.getRow(2).values = ['BTC_CUC_THUE', 'Cục Thuế', 'BTC', 'cục'];
    sheet.getRow(4).values = ['btc x', 'Vụ X', 'BTC', ''];
    const file = await readUnitFile(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(file.units).toEqual([{ code: 'BTC_CUC_THUE', name: 'Cục Thuế', parent: 'BTC', line: 2, unitType: 'ministry_unit' }]);
    expect(file.errors).toEqual(['Dòng 4: mã "btc x" phải gồm 2–40 ký tự: chữ in hoa không dấu, chữ số, "-" hoặc "_"']);
  });

  it('refuses a file that is not UTF-8 CSV or a readable XLSX, in Vietnamese', async () => {
    await expect(readUnitFile(new Uint8Array([0x63, 0x6f, 0x64, 0x65, 0x0a, 0xe0, 0xff]))).rejects.toThrow(UnitFileError);
    await expect(readUnitFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]))).rejects.toThrow(/Không đọc được tệp \.xlsx/);
  });

  it('records names in NFC and refuses a row with a control character', async () => {
    const decomposed = 'Sở Y tế'.normalize('NFD');
    const file = await readUnitFile(`code,name,parent\nLCU_SYT,${decomposed},LCU\nLCU_X,Xã\u0001X,LCU\n`);
    expect(file.units.map((u) => u.name)).toEqual(['Sở Y tế'.normalize('NFC')]);
    expect(file.errors).toEqual(['Dòng 3: có ký tự điều khiển (không in được); hãy lưu lại tệp dạng văn bản']);
  });

  it('sums up the units per parent by Vietnamese type names, guessing a missing type from the name', () => {
    expect(
      unitSummary([
        { code: 'LCU_STC', name: 'Sở Tài chính', parent: 'LCU', unitType: 'department' },
        { code: 'LCU_X_A', name: 'Ủy ban nhân dân xã A', parent: 'LCU' },
        { code: 'LCU_X_B', name: 'Ủy ban nhân dân phường B', parent: 'LCU', unitType: 'commune' },
        { code: 'BTC_TT', name: 'Tổ công tác', parent: 'BTC' },
      ]),
    ).toEqual(['LCU: 1 sở, 2 xã/phường', 'BTC: 1 đơn vị khác']);
  });

  it('folds units whose codes the API accepts ("-", a leading digit) into a catalogue', () => {
    const catalogue = AgencyCatalogue.load().withUnits([
      { code: 'BTC-CUC-THTK', name: 'Cục Tin học và Thống kê tài chính', parent: 'BTC' },
      { code: 'BTC-CUC-THTK-1', name: 'Phòng 1', parent: 'BTC-CUC-THTK' },
    ]);
    expect(catalogue.unitsOf('BTC-CUC-THTK').map((u) => u.code)).toEqual(['BTC-CUC-THTK-1']);
    expect(() => AgencyCatalogue.load().withUnit('BTC', { code: 'btc', name: 'X' })).toThrow(/Mã đơn vị gồm 2–40 ký tự/);
  });
});
