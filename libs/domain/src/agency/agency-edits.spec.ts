import { Actor } from '../actor';
import { ActorForbiddenError, CommandRefusedError, InvalidCommandError } from '../domain.errors';
import { AgencyEditEvent, decideAddUnit, evolveAgencyEdits, mayAddUnit, NO_EDITS } from './agency-edits';
import { decideImportUnits, UnitCatalogueView } from './import-units';

const ADMIN: Actor = { id: 'a', role: 'admin' };
const VPCP: Actor = { id: 'v', role: 'vpcp' };
const BTC: Actor = { id: 'b', role: 'agency', agency: 'BTC' };
const VIEWER: Actor = { id: 'w', role: 'viewer' };

describe('adding a unit to the catalogue', () => {
  it('is allowed to an admin and VPCP under any agency, to an agency under itself only', () => {
    expect([ADMIN, VPCP, BTC, VIEWER].map((actor) => mayAddUnit(actor, 'BTC'))).toEqual([true, true, true, false]);
    expect([ADMIN, VPCP, BTC, VIEWER].map((actor) => mayAddUnit(actor, 'LCU'))).toEqual([true, true, false, false]);
    const unit = { parent: 'LCU', code: 'LCU_SYT', name: 'Sở Y tế' };
    expect(decideAddUnit(VPCP, unit, false)).toEqual([{ type: 'AgencyUnitAdded', data: unit }]);
    expect(() => decideAddUnit(BTC, unit, false)).toThrow(ActorForbiddenError);
  });

  it('records its type, short name and other names, trimmed and without repeats', () => {
    const [event] = decideAddUnit(
      ADMIN,
      {
        parent: 'LCU',
        code: 'LCU_X_PA_U',
        name: ' Ủy ban nhân dân xã Pa Ủ ',
        unitType: 'commune',
        shortName: ' Xã Pa Ủ ',
        aliases: ['UBND xã Pa Ủ', ' UBND xã Pa Ủ', ''],
      },
      false,
    );
    expect(event.data).toEqual({
      parent: 'LCU',
      code: 'LCU_X_PA_U',
      name: 'Ủy ban nhân dân xã Pa Ủ',
      unitType: 'commune',
      shortName: 'Xã Pa Ủ',
      aliases: ['UBND xã Pa Ủ'],
    });
  });

  it('refuses a bad code, an empty name, an unknown type (400) and a code already taken (409)', () => {
    const add =
      (unit: Record<string, unknown>, taken = false) =>
      () =>
        decideAddUnit(ADMIN, { parent: 'BTC', code: 'BTC_CUC_THUE', name: 'Cục Thuế', ...unit }, taken);
    expect(add({ code: 'btc-x' })).toThrow(InvalidCommandError);
    expect(add({ name: '  ' })).toThrow(/Tên đơn vị không được để trống/);
    expect(add({ unitType: 'phòng' })).toThrow(/Loại đơn vị “phòng” không hợp lệ/);
    expect(add({}, true)).toThrow(CommandRefusedError);
  });

  it('folds units recorded before their type and names were (code, name and parent only)', () => {
    const events: AgencyEditEvent[] = [
      { type: 'AgencyUnitAdded', data: { parent: 'BTC', code: 'BTC-CUC-THTK', name: 'Cục Tin học và Thống kê tài chính' } },
      { type: 'AgencyUnitAdded', data: { parent: 'LCU', code: 'LCU_CAT', name: 'Công an tỉnh Lai Châu', aliases: ['Công an tỉnh'] } },
    ];
    const state = events.reduce(evolveAgencyEdits, NO_EDITS);
    expect(state.units['BTC-CUC-THTK']).toEqual({ parent: 'BTC', code: 'BTC-CUC-THTK', name: 'Cục Tin học và Thống kê tài chính' });
    expect(state.units.LCU_CAT.aliases).toEqual(['Công an tỉnh']);
  });
});

describe('importing a catalogue file', () => {
  // The central catalogue: LCU and BTC; LCU already has its Sở Tài chính.
  const catalogue: UnitCatalogueView = {
    isAgency: (code) => ['LCU', 'BTC', 'LCU_STC'].includes(code),
    isTaken: (code) => ['LCU', 'BTC', 'LCU_STC', 'ALL_PROVINCES'].includes(code),
    parentOf: (code) => (code === 'LCU_STC' ? 'LCU' : undefined),
  };
  const line = (n: number, code: string, parent = 'LCU', name = `Đơn vị ${code}`) => ({ line: n, unit: { parent, code, name } });

  it('adds every new unit in one decision and skips those already under the same parent', () => {
    const lines = [line(2, 'LCU_STC', 'LCU', 'Sở Tài chính'), line(3, 'LCU_SYT'), line(4, 'LCU_SYT_TT', 'LCU_SYT')];
    const result = decideImportUnits(ADMIN, 'LCU', lines, catalogue);
    expect(result.skipped).toEqual(['LCU_STC']);
    expect(result.events.map((e) => e.data.code)).toEqual(['LCU_SYT', 'LCU_SYT_TT']);
  });

  it('is an admin’s', () => {
    expect(() => decideImportUnits(VPCP, 'LCU', [line(2, 'LCU_SYT')], catalogue)).toThrow(ActorForbiddenError);
  });

  it('refuses the whole file at its first bad line, naming it', () => {
    const refusal = (lines: ReturnType<typeof line>[], root: string | null = 'LCU') => {
      try {
        decideImportUnits(ADMIN, root ?? undefined, lines, catalogue);
      } catch (error) {
        return (error as InvalidCommandError).reason;
      }
      return 'accepted';
    };
    expect(refusal([line(2, 'LCU_SYT'), line(3, 'lcu_x')])).toBe(
      'Dòng 3: Mã đơn vị gồm 2–40 ký tự: chữ in hoa không dấu, chữ số, "-" hoặc "_"',
    );
    expect(refusal([line(2, 'BTC_CUC_THUE', 'BTC')])).toBe('Dòng 2: cơ quan cấp trên BTC không thuộc LCU');
    expect(refusal([line(2, 'BTC_CUC_THUE', 'BTC')], null)).toBe('accepted');
    expect(refusal([line(5, 'LCU_X', 'LCU_Y')])).toBe('Dòng 5: cơ quan cấp trên LCU_Y không có trong danh mục');
    expect(refusal([line(2, 'ALL_PROVINCES')])).toMatch(/^Dòng 2: mã ALL_PROVINCES đã được dùng/);
    expect(refusal([line(2, 'LCU_SYT'), line(3, 'LCU_SYT')])).toBe('Dòng 3: mã LCU_SYT trùng với một dòng trước');
    expect(refusal([])).toBe('Tệp không có đơn vị nào');
  });
});
