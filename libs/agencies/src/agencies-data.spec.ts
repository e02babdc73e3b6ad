import data from './agencies.data.json';
import { AgencyCatalogue } from './agency-catalogue';
import { normalizeVietnamese } from './normalize-vietnamese';

const catalogue = AgencyCatalogue.load();

/** The documented province code scheme (agencies.sources.md), before the two hand-made fixes. */
function schemeCode(place: string): string {
  const words = normalizeVietnamese(place).split(' ');
  if (words.length === 1) return words[0].toUpperCase();
  if (words.length === 2) return (words[0][0] + words[1][0] + words[1].slice(-1)).toUpperCase();
  return words
    .map((w) => w[0])
    .join('')
    .toUpperCase();
}

describe('agencies.data.json', () => {
  it('has 14 ministries, 3 ministry-level agencies and 5 government agencies', () => {
    expect(catalogue.byKind('ministry')).toHaveLength(14);
    expect(catalogue.byKind('ministry_level').map((a) => a.code)).toEqual(['NHNN', 'TTCP', 'VPCP']);
    expect(
      catalogue
        .byKind('government_agency')
        .map((a) => a.code)
        .sort(),
    ).toEqual(['DTHVN', 'DTNVN', 'TTXVN', 'VHLKHCN', 'VHLKHXH']);
  });

  it('has the 34 provincial-level units: 28 provinces and 6 centrally-run cities', () => {
    expect(catalogue.byKind('province')).toHaveLength(28);
    expect(
      catalogue
        .byKind('city')
        .map((a) => a.shortName)
        .sort(),
    ).toEqual(['Cần Thơ', 'Hà Nội', 'Hải Phòng', 'Hồ Chí Minh', 'Huế', 'Đà Nẵng'].sort());
    for (const p of [...catalogue.byKind('province'), ...catalogue.byKind('city')]) {
      const level = p.kind === 'city' ? 'thành phố' : 'tỉnh';
      expect(p.name).toBe(`Ủy ban nhân dân ${level} ${p.shortName}`);
    }
  });

  it('accounts for all 63 former provinces: 34 continue, 29 merged, plus Thừa Thiên Huế renamed', () => {
    const merged = catalogue.predecessors().filter((p) => p.kind === 'province' && p.since === '2025-07-01');
    expect(merged).toHaveLength(29);
    expect(catalogue.predecessor('TTH')).toMatchObject({ successor: 'HUE', since: '2025-01-01' });
    expect(catalogue.predecessor('KGG')).toMatchObject({ successor: 'AGG', since: '2025-07-01' });
    expect(catalogue.predecessor('HGG')).toMatchObject({ successor: 'TQG' });
    expect(catalogue.predecessor('BDG')).toMatchObject({ successor: 'HCM' });
  });

  it('maps the 2025 ministry mergers', () => {
    const successor = (code: string) => catalogue.predecessor(code)?.successor;
    expect(successor('BTTTT')).toBe('BKHCN');
    expect(successor('BKHDT')).toBe('BTC');
    expect(successor('BGTVT')).toBe('BXD');
    expect(successor('BTNMT')).toBe('BNNMT');
    expect(successor('BNNPTNT')).toBe('BNNMT');
    expect(successor('BLDTBXH')).toBe('BNV');
    expect(successor('UBDT')).toBe('BDTTG');
    expect(successor('UBQLV')).toBe('BTC');
    expect(catalogue.predecessor('BTTTT')?.since).toBe('2025-03-01');
  });

  it('places units under their parents', () => {
    expect(catalogue.get('BHXH')).toMatchObject({ kind: 'unit', parent: 'BTC' });
    expect(catalogue.get('BCYCP')).toMatchObject({ kind: 'unit', parent: 'BQP' });
    expect(catalogue.unitsOf('BTC').map((u) => u.code)).toEqual(['BHXH', 'KBNN']);
  });

  it('uses unique upper-case ASCII codes across agencies, predecessors and groups', () => {
    const codes = [...data.agencies, ...data.predecessors, ...data.groups].map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[A-Z][A-Z0-9_]*$/);
  });

  it('derives province codes from the documented scheme', () => {
    const handMade: Record<string, string> = { 'Đắk Nông': 'DNO', 'Hậu Giang': 'HGI' };
    const places = [...catalogue.all(), ...catalogue.predecessors()].filter((a) => a.kind === 'province' || a.kind === 'city');
    for (const p of places) expect(p.code).toBe(handMade[p.shortName] ?? schemeCode(p.shortName));
  });

  it('gives every predecessor a successor that is in force', () => {
    for (const p of catalogue.predecessors()) {
      const current = catalogue.currentCode(p.code);
      expect(current).toBeDefined();
      expect(catalogue.get(current as string)).toBeDefined();
      expect(p.since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('gives every agency empty contact lists, and VPCP its tracking fields', () => {
    for (const a of catalogue.all()) {
      expect(a.contacts.focal).toEqual([]);
      expect(a.contacts.leader).toEqual([]);
    }
    expect(catalogue.get('VPCP')?.contacts).toEqual({ focal: [], leader: [], trackingOfficers: [], departmentHead: [] });
  });

  it('resolves every name and alias to its own agency', () => {
    for (const a of catalogue.all()) {
      for (const alias of [a.name, ...a.aliases]) expect([alias, catalogue.resolveName(alias)?.code]).toEqual([alias, a.code]);
    }
    for (const p of catalogue.predecessors()) {
      for (const alias of [p.name, ...p.aliases]) {
        const hit = catalogue.resolveName(alias);
        expect([alias, hit?.code, hit?.via?.formerCode]).toEqual([alias, catalogue.currentCode(p.code), p.code]);
      }
    }
    for (const g of catalogue.groups()) {
      for (const alias of [g.name, ...g.aliases]) expect([alias, catalogue.resolveName(alias)?.code]).toEqual([alias, g.code]);
    }
  });

  it('refuses data where one alias names two agencies', () => {
    const broken = {
      ...data,
      agencies: data.agencies.map((a) => (a.code === 'BYT' ? { ...a, aliases: [...a.aliases, 'Bộ Tài chính'] } : a)),
    };
    expect(() => AgencyCatalogue.fromData(broken)).toThrow(/ambiguous aliases: "bo tai chinh"/);
  });

  it('refuses a predecessor whose successor does not exist', () => {
    const broken = { ...data, predecessors: [...data.predecessors, { ...data.predecessors[0], code: 'XX', successor: 'NOPE' }] };
    expect(() => AgencyCatalogue.fromData(broken)).toThrow(/XX has no current successor/);
  });
});
