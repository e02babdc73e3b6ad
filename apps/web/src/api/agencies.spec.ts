import { Agency } from './types';
import { agencyName, indexAgencies, matchesAgency } from './agency-index';
import { parseDmy } from '../lib/dates';

const BTC: Agency = { code: 'BTC', name: 'Bộ Tài chính', shortName: 'Tài chính', kind: 'ministry', aliases: ['BTC', 'Bộ TC'] };
const HCM: Agency = {
  code: 'HCM',
  name: 'Ủy ban nhân dân thành phố Hồ Chí Minh',
  shortName: 'Hồ Chí Minh',
  kind: 'city',
  aliases: ['TP.HCM', 'TPHCM'],
};
const DNG: Agency = { code: 'DNG', name: 'Ủy ban nhân dân thành phố Đà Nẵng', shortName: 'Đà Nẵng', kind: 'city', aliases: [] };

describe('the agency picker finds names as people type them', () => {
  it.each([
    ['bo tai chinh', BTC],
    ['Bộ Tài chính', BTC],
    ['tai ch', BTC],
    ['btc', BTC],
    ['tp hcm', HCM],
    ['ho chi minh', HCM],
    ['da nang', DNG],
  ])('“%s”', (query, agency) => {
    expect([BTC, HCM, DNG].filter((a) => matchesAgency(a, query))).toEqual([agency]);
  });

  it('shows the name, the short name where asked, and a code only when the catalogue does not know it', () => {
    const index = indexAgencies([BTC]);
    expect(agencyName(index, 'BTC')).toBe('Bộ Tài chính');
    expect(agencyName(index, 'BTC', true)).toBe('Tài chính');
    expect(agencyName(index, 'XYZ')).toBe('XYZ');
    expect(agencyName(undefined, 'BTC')).toBe('…'); // not yet loaded: never the code
  });
});

describe('dates typed as dd/mm/yyyy', () => {
  it.each([
    ['30/06/2026', '2026-06-30'],
    ['1/7/2026', '2026-07-01'],
    ['2026-06-30', '2026-06-30'],
    ['31/02/2026', undefined],
    ['06/30/2026', undefined],
  ])('%s → %s', (text, iso) => expect(parseDmy(text)).toBe(iso));
});
