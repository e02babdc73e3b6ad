import { AgencyCatalogue } from './agency-catalogue';
import { parentsFirst, parseCsv, parseUnitRows } from './unit-file';

describe('unit files (a province or ministry catalogue in CSV/XLSX)', () => {
  it('reads English or Vietnamese headers in any order, quotes and semicolons', () => {
    const csv =
      '\uFEFFTên;Mã;Cấp trên;Loại;Tên khác\n"Sở Văn hóa, Thể thao và Du lịch";LCU_SVHTTDL;LCU;sở;Sở VHTTDL; Sở VH,TT&DL\nỦy ban nhân dân xã Pa Ủ;LCU_X_PA_U;LCU;xã;\n';
    expect(parseUnitRows(parseCsv(csv))).toEqual({
      units: [
        {
          code: 'LCU_SVHTTDL',
          name: 'Sở Văn hóa, Thể thao và Du lịch',
          parent: 'LCU',
          line: 2,
          unitType: 'department',
          aliases: ['Sở VHTTDL'],
        },
        { code: 'LCU_X_PA_U', name: 'Ủy ban nhân dân xã Pa Ủ', parent: 'LCU', line: 3, unitType: 'commune' },
      ],
      errors: [],
    });
  });

  it('reports every bad row by its line, in Vietnamese, and keeps the good ones', () => {
    const rows = [
      ['code', 'name', 'parent', 'unitType'],
      ['lcu_x', 'Xã A', 'LCU', ''],
      ['LCU_A', '', 'LCU', ''],
      ['LCU_B', 'Sở B', 'LCU', 'phòng'],
      ['LCU_C', 'Sở C', 'LCU', 'department'],
      ['LCU_C', 'Sở C lần hai', 'LCU', ''],
    ];
    const file = parseUnitRows(rows);
    expect(file.units.map((u) => u.code)).toEqual(['LCU_C']);
    expect(file.errors).toEqual([
      'Dòng 2: mã "lcu_x" phải gồm 2–40 ký tự: chữ in hoa không dấu, chữ số, "-" hoặc "_"',
      'Dòng 3: thiếu tên đơn vị',
      'Dòng 4: loại đơn vị "phòng" không hợp lệ (department, provincial_unit, commune, district, ministry_unit, state_enterprise, other)',
      'Dòng 6: mã LCU_C trùng với một dòng trước',
    ]);
    expect(parseUnitRows([['mã', 'tên']]).errors[0]).toMatch(/thiếu cột: parent/);
  });

  it('orders parents first, so a catalogue can take the file in one call', () => {
    const units = parentsFirst([
      { code: 'BTC_CUC_THUE_KV1', name: 'Chi cục Thuế khu vực I', parent: 'BTC_CUC_THUE' },
      { code: 'BTC_CUC_THUE', name: 'Cục Thuế', parent: 'BTC', unitType: 'ministry_unit' },
    ]);
    expect(units.map((u) => u.code)).toEqual(['BTC_CUC_THUE', 'BTC_CUC_THUE_KV1']);
    const catalogue = AgencyCatalogue.load().withUnits(units);
    expect(catalogue.unitsOf('BTC_CUC_THUE').map((u) => u.code)).toEqual(['BTC_CUC_THUE_KV1']);
    expect(catalogue.get('BTC_CUC_THUE')?.unitType).toBe('ministry_unit');
  });

  it('reads the type of a unit added with a name only (through the API) from its name', () => {
    const catalogue = AgencyCatalogue.load().withUnits([
      { code: 'LCU_X_MUONG_TE', name: 'Ủy ban nhân dân xã Mường Tè', parent: 'LCU' },
      { code: 'LCU_STC', name: 'Sở Tài chính', parent: 'LCU' },
      { code: 'LCU_TT', name: 'Tổ công tác đặc biệt', parent: 'LCU' },
    ]);
    expect(catalogue.unitsOf('LCU').map((u) => [u.code, u.unitType])).toEqual([
      ['LCU_X_MUONG_TE', 'commune'],
      ['LCU_STC', 'department'],
      ['LCU_TT', undefined],
    ]);
  });
});
