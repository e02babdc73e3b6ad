import * as fs from 'fs';
import * as path from 'path';
import { AgencyCatalogue, parseCsv, parentsFirst, parseUnitRows } from '@tdnv/agencies';
import { ParseResult, parse } from '.';

/**
 * A deployment for a province starts from the province's own catalogue (issue 12): with the
 * shipped example for Lai Châu loaded, the same parser resolves the province's Sở and communes to
 * catalogue codes and fans its local groups out into them.
 */
const file = parseUnitRows(parseCsv(fs.readFileSync(path.resolve(__dirname, '../../agencies/catalogues/lai-chau.csv'), 'utf8')));
const laiChau = AgencyCatalogue.load().withUnits(parentsFirst(file.units));
const corpus = (name: string) => fs.readFileSync(path.resolve(__dirname, '../corpus', name), 'utf8');
const leads = (r: ParseResult, p: string) => r.directives.find((d) => d.path === p)?.lead.map((l) => l.code);

it('loads the example catalogue: 13 departments and 38 communes of Lai Châu', () => {
  expect(file.errors).toEqual([]);
  expect(laiChau.unitsOf('LCU').filter((u) => u.unitType === 'department')).toHaveLength(13);
  expect(laiChau.unitsOf('LCU').filter((u) => u.unitType === 'commune')).toHaveLength(38);
});

describe('a provincial notice parsed with the province catalogue', () => {
  const r = parse(corpus('03-tb-kl-chu-tich-ubnd-lai-chau.txt'), { catalogue: laiChau });

  it('resolves the Sở and the named communes to their codes', () => {
    expect(leads(r, '2.1')).toEqual(['LCU_SCT']);
    expect(leads(r, '3')).toEqual(['LCU_SYT']);
    expect(leads(r, '5')).toEqual(['LCU_X_MUONG_TE', 'LCU_X_PA_U', 'LCU_X_THU_LUM', 'LCU_X_TA_TONG']);
    expect(leads(r, '6')).toEqual(['LCU_VP']);
  });

  it('fans the local groups out into the province units', () => {
    const first = r.directives.find((d) => d.path === '1')!;
    expect(first.lead).toHaveLength(13 + 38);
    expect(first.unresolvedLead).toBeUndefined();
  });

  it('still keeps what the catalogue lacks ("Công an tỉnh"), with the province as probable parent', () => {
    const police = r.directives.find((d) => d.path === '4')!;
    expect(police.lead).toEqual([]);
    expect(police.unresolvedLead?.[0]).toMatchObject({ name: 'Công an tỉnh', kind: 'provincial_unit', probableParent: { code: 'LCU' } });
  });
});

it('resolves "UBND xã …" and abbreviations through the aliases', () => {
  const text =
    'ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\n\nSố: 1/TB-UBND\n\nLai Châu, ngày 05 tháng 11 năm 2025\n\nTHÔNG BÁO\nKết luận\n\n1. UBND xã Mường Kim rà soát các hộ nghèo.\n\n2. Sở NN&MT hướng dẫn các xã.';
  const r = parse(text, { catalogue: laiChau });
  expect(r.directives.map((d) => d.lead.map((l) => l.code))).toEqual([['LCU_X_MUONG_KIM'], ['LCU_SNNMT']]);
});
