/**
 * What a unit of the catalogue may be: one rule for a unit added through the API, imported from a
 * catalogue file (CLI or upload) or folded into the parser's catalogue (libs/agencies re-exports it).
 */

/**
 * What a unit is inside its parent: a province's departments (Sở, Thanh tra tỉnh, Văn phòng
 * UBND tỉnh), its other bodies, its commune-level committees (and, before 1/7/2025, district
 * ones); a ministry's Cục, Vụ and offices; a state enterprise. Local groups ("Các sở, ban, ngành",
 * "Ủy ban nhân dân các xã, phường") fan out by it.
 */
export type UnitType = 'department' | 'provincial_unit' | 'commune' | 'district' | 'ministry_unit' | 'state_enterprise' | 'other';

export const UNIT_TYPES: readonly UnitType[] = [
  'department',
  'provincial_unit',
  'commune',
  'district',
  'ministry_unit',
  'state_enterprise',
  'other',
];

/** The type's name in a summary for people ("13 sở, 38 xã/phường"). */
export const UNIT_TYPE_NAMES: Readonly<Record<UnitType, string>> = {
  department: 'sở',
  provincial_unit: 'đơn vị cấp tỉnh',
  commune: 'xã/phường',
  district: 'huyện',
  ministry_unit: 'cục/vụ',
  state_enterprise: 'doanh nghiệp nhà nước',
  other: 'đơn vị khác',
};

const UNIT_CODE = /^[A-Z0-9][A-Z0-9_-]{1,39}$/;

/** A unit's code is stable once tasks are assigned to it: 2–40 upper-case ASCII letters, digits, "-" or "_". */
export const isUnitCode = (code: string): boolean => UNIT_CODE.test(code);

/** The rule of isUnitCode, for a person. */
export const UNIT_CODE_RULE = 'gồm 2–40 ký tự: chữ in hoa không dấu, chữ số, "-" hoặc "_"';

export const UNIT_NAME_MAX = 300;
export const UNIT_ALIASES_MAX = 50;

export interface NewAgencyUnit {
  parent: string;
  code: string;
  name: string;
  unitType?: UnitType;
  shortName?: string;
  aliases?: string[];
}

/**
 * The unit as it is recorded (names trimmed, empty optional fields left out, aliases without
 * repeats), or the first thing wrong with it, built by `refuse(reason, field)`.
 */
export function checkedUnit(unit: NewAgencyUnit, refuse: (reason: string, field: string) => Error): NewAgencyUnit {
  if (!isUnitCode(unit.code)) throw refuse(`Mã đơn vị ${UNIT_CODE_RULE}`, 'code');
  const name = unit.name.trim();
  if (!name) throw refuse('Tên đơn vị không được để trống', 'name');
  if (name.length > UNIT_NAME_MAX) throw refuse(`Tên đơn vị dài quá ${UNIT_NAME_MAX} ký tự`, 'name');
  if (unit.unitType !== undefined && !UNIT_TYPES.includes(unit.unitType))
    throw refuse(`Loại đơn vị “${unit.unitType}” không hợp lệ (${UNIT_TYPES.join(', ')})`, 'unitType');
  const shortName = unit.shortName?.trim();
  if (shortName && shortName.length > UNIT_NAME_MAX) throw refuse(`Tên ngắn dài quá ${UNIT_NAME_MAX} ký tự`, 'shortName');
  const aliases = [...new Set((unit.aliases ?? []).map((a) => a.trim()).filter(Boolean))];
  if (aliases.length > UNIT_ALIASES_MAX) throw refuse(`Tối đa ${UNIT_ALIASES_MAX} tên khác`, 'aliases');
  if (aliases.some((a) => a.length > UNIT_NAME_MAX)) throw refuse(`Mỗi tên khác dài tối đa ${UNIT_NAME_MAX} ký tự`, 'aliases');
  return {
    parent: unit.parent,
    code: unit.code,
    name,
    ...(unit.unitType ? { unitType: unit.unitType } : {}),
    ...(shortName ? { shortName } : {}),
    ...(aliases.length ? { aliases } : {}),
  };
}
