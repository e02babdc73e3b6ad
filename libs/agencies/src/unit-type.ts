import { UnitType } from './agency';

/**
 * What a unit is, read from its name when nobody said (a unit added through the API carries only
 * its code and name): local groups ("Ủy ban nhân dân các xã, phường") fan out by it.
 */
const BY_NAME: Array<[RegExp, UnitType]> = [
  [/^(?:Ủy ban nhân dân|UBND)\s+(?:xã|phường|thị trấn|đặc khu)(?![\p{L}])/iu, 'commune'],
  [/^(?:Ủy ban nhân dân|UBND)\s+(?:huyện|quận|thị xã|thành phố)(?![\p{L}])/iu, 'district'],
  [/^(?:Sở|Văn phòng (?:Ủy ban nhân dân|UBND)|Thanh tra (?:tỉnh|thành phố))(?![\p{L}])/iu, 'department'],
  [/^(?:Cục|Vụ|Tổng cục|Văn phòng Bộ|Thanh tra Bộ)(?![\p{L}])/iu, 'ministry_unit'],
  [/^(?:Tập đoàn|Tổng công ty)(?![\p{L}])/iu, 'state_enterprise'],
];

export function inferUnitType(name: string): UnitType | undefined {
  return BY_NAME.find(([re]) => re.test(name.trim()))?.[1];
}
