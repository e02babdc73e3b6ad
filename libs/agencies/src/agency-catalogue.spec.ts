import { AgencyCatalogue, AgencyCatalogueError, withContacts } from './agency-catalogue';

const catalogue = AgencyCatalogue.load();
const code = (text: string) => catalogue.resolveName(text)?.code;

describe('AgencyCatalogue.resolveName', () => {
  it.each([
    ['Bộ Tài chính', 'BTC'],
    ['Bộ Tài chính,', 'BTC'],
    ['Bộ  Tài Chính', 'BTC'],
    ['Bo Tai chinh', 'BTC'],
    ['BỘ TÀI CHÍNH', 'BTC'],
    ['Bộ Tài chính'.normalize('NFD'), 'BTC'],
    ['NHNN', 'NHNN'],
    ['Ngân hàng Nhà nước', 'NHNN'],
    ['VPCP', 'VPCP'],
    ['Văn phòng CP', 'VPCP'],
    ['Bảo hiểm xã hội Việt Nam', 'BHXH'],
    ['BHXH Việt Nam', 'BHXH'],
    ['Ban Cơ yếu Chính phủ', 'BCYCP'],
    ['Tổng công ty Bưu điện Việt Nam', 'VNPOST'],
    ['Khánh Hoà', 'KHA'],
    ['UBND tỉnh Khánh Hòa', 'KHA'],
    ['TP.HCM', 'HCM'],
    ['Thành phố Hồ Chí Minh', 'HCM'],
    ['UBND TP. Hồ Chí Minh', 'HCM'],
    ['Ủy ban nhân dân thành phố Hà Nội', 'HNI'],
    ['Thành phố Hà Nội khẩn trương rà soát', 'HNI'],
    ['Hồ Chí Minh', 'HCM'],
    ['Đại học Quốc gia TP.HCM', 'DHQGHCM'],
  ])('%s → %s', (text, expected) => {
    expect(code(text)).toBe(expected);
  });

  it('reads a title of the head as the agency', () => {
    expect(code('Bộ trưởng Bộ Y tế')).toBe('BYT');
    expect(code('Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ')).toBe('VPCP');
    expect(code('Thống đốc Ngân hàng Nhà nước Việt Nam')).toBe('NHNN');
    expect(code('Tổng Thanh tra Chính phủ')).toBe('TTCP');
    expect(code('Chủ tịch Ủy ban nhân dân tỉnh Nghệ An')).toBe('NAN');
    expect(code('Chủ tịch Ủy ban nhân dân cấp tỉnh')).toBe('ALL_PROVINCES');
  });

  it('maps a pre-2025 name to its successor and says so', () => {
    expect(catalogue.resolveName('Bộ TT&TT')).toEqual({
      code: 'BKHCN',
      name: 'Bộ Khoa học và Công nghệ',
      kind: 'ministry',
      via: { formerCode: 'BTTTT', formerName: 'Bộ Thông tin và Truyền thông', since: '2025-03-01' },
    });
    expect(catalogue.resolveName('Chủ tịch UBND tỉnh Kiên Giang')).toMatchObject({
      code: 'AGG',
      via: { formerCode: 'KGG', since: '2025-07-01' },
    });
    expect(catalogue.resolveName('Thừa Thiên Huế')).toMatchObject({ code: 'HUE', via: { since: '2025-01-01' } });
    for (const [text, expected] of [
      ['Bộ TTTT', 'BKHCN'],
      ['BTTTT', 'BKHCN'],
      ['Bộ KH&ĐT', 'BTC'],
      ['Bộ KHĐT', 'BTC'],
      ['Bộ Giao thông vận tải', 'BXD'],
      ['Bộ NN&PTNT', 'BNNMT'],
      ['Bộ Tài nguyên và Môi trường', 'BNNMT'],
      ['Bộ Lao động - Thương binh và Xã hội', 'BNV'],
      ['Ủy ban Dân tộc', 'BDTTG'],
      ['Hà Giang', 'TQG'],
      ['UBND tỉnh Bình Dương', 'HCM'],
      ['Bà Rịa - Vũng Tàu', 'HCM'],
    ]) {
      expect([text, code(text)]).toEqual([text, expected]);
    }
  });

  it('resolves the groups under their usual wordings', () => {
    expect(code('Các Bộ, ngành, địa phương')).toBe('ALL_MINISTRIES_AND_PROVINCES');
    expect(code('các Bộ, cơ quan, địa phương')).toBe('ALL_MINISTRIES_AND_PROVINCES');
    expect(code('Các Bộ, ngành')).toBe('ALL_MINISTRIES');
    expect(code('Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ')).toBe('ALL_MINISTRIES');
    expect(code('Các Bộ, cơ quan ngang bộ, cơ quan thuộc CP')).toBe('ALL_MINISTRIES');
    expect(code('Các Bộ, cơ quan ngang Bộ')).toBe('MINISTRIES_AND_MINISTRY_LEVEL');
    expect(code('Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương')).toBe('ALL_PROVINCES');
    expect(code('UBND các tỉnh, thành phố trực thuộc TW')).toBe('ALL_PROVINCES');
    expect(code('UBND các tỉnh, thành phố')).toBe('ALL_PROVINCES');
    expect(code('Các cơ quan liên quan')).toBe('RELATED_AGENCIES');
    expect(catalogue.resolveName('Các Bộ, ngành')?.kind).toBe('group');
  });

  it('leaves sub-units and unknown names unresolved', () => {
    expect(catalogue.resolveName('Sở TN&MT')).toBeUndefined();
    expect(catalogue.resolveName('Sở Tài nguyên và Môi trường')).toBeUndefined();
    expect(catalogue.resolveName('Sở Tư pháp tỉnh Kiên Giang')).toBeUndefined();
    expect(catalogue.resolveName('Văn phòng UBND tỉnh')).toBeUndefined();
    expect(catalogue.resolveName('Bộ Chính trị')).toBeUndefined();
    expect(catalogue.resolveName('')).toBeUndefined();
  });
});

describe('AgencyCatalogue.expand', () => {
  it('fans a group out into its members', () => {
    const ministries = catalogue.expand('ALL_MINISTRIES');
    expect(ministries).toHaveLength(22);
    expect(ministries).toEqual(expect.arrayContaining(['BQP', 'BDTTG', 'NHNN', 'TTCP', 'VPCP', 'TTXVN', 'VHLKHXH']));
    expect(ministries).not.toContain('BHXH');
    expect(ministries).not.toContain('DHQGHN');
    expect(catalogue.expand('MINISTRIES_AND_MINISTRY_LEVEL')).toHaveLength(17);
    expect(catalogue.expand('ALL_PROVINCES')).toHaveLength(34);
    const both = catalogue.expand('ALL_MINISTRIES_AND_PROVINCES');
    expect(both).toEqual([...ministries, ...catalogue.expand('ALL_PROVINCES')]);
    expect(catalogue.expand('RELATED_AGENCIES')).toEqual([]);
    expect(catalogue.group('RELATED_AGENCIES')?.fanout).toBe(false);
  });

  it('expands an agency to itself and a predecessor to its successor', () => {
    expect(catalogue.expand('BYT')).toEqual(['BYT']);
    expect(catalogue.expand('BTTTT')).toEqual(['BKHCN']);
    expect(catalogue.expand('UBQGCPDT')).toEqual(['BCDCP']);
    expect(catalogue.expand('NOPE')).toEqual([]);
    expect(catalogue.isGroup('ALL_PROVINCES')).toBe(true);
    expect(catalogue.isGroup('BYT')).toBe(false);
  });

  it('keeps get() to agencies in force', () => {
    expect(catalogue.get('BTTTT')).toBeUndefined();
    expect(catalogue.get('ALL_PROVINCES')).toBeUndefined();
    expect(
      catalogue
        .predecessorsOf('NBH')
        .map((p) => p.code)
        .sort(),
    ).toEqual(['HNM', 'NDH']);
  });
});

describe('edits return new catalogues', () => {
  it('withContacts replaces the given lists and leaves the base untouched', () => {
    const edited = catalogue.withContacts('BYT', { focal: [' a@moh.gov.vn ', 'a@moh.gov.vn', 'b@moh.gov.vn'] });
    expect(edited.get('BYT')?.contacts).toEqual({ focal: ['a@moh.gov.vn', 'b@moh.gov.vn'], leader: [] });
    expect(catalogue.get('BYT')?.contacts.focal).toEqual([]);
    expect(edited.resolveName('Bộ Y tế')?.code).toBe('BYT');
    expect(Object.isFrozen(edited.get('BYT'))).toBe(true);
  });

  it('withContacts refuses a malformed e-mail and an unknown code, in Vietnamese', () => {
    expect(() => catalogue.withContacts('BYT', { leader: ['not-an-email'] })).toThrow('Địa chỉ email không hợp lệ: not-an-email');
    expect(() => catalogue.withContacts('NOPE', { leader: [] })).toThrow(AgencyCatalogueError);
  });

  it('the pure withContacts keeps the VPCP-only lists', () => {
    const vpcp = catalogue.get('VPCP');
    if (!vpcp) throw new Error('VPCP missing');
    const next = withContacts(vpcp, { trackingOfficers: ['tdnv@chinhphu.vn'] });
    expect(next.contacts).toEqual({ focal: [], leader: [], trackingOfficers: ['tdnv@chinhphu.vn'], departmentHead: [] });
    expect(vpcp.contacts.trackingOfficers).toEqual([]);
  });

  it('withUnit adds a sub-unit resolvable within its parent only', () => {
    const edited = catalogue.withUnit('AGG', { code: 'AGG_STP', name: 'Sở Tư pháp' });
    expect(edited.get('AGG_STP')).toMatchObject({ kind: 'unit', parent: 'AGG', shortName: 'Sở Tư pháp' });
    expect(edited.unitsOf('AGG').map((u) => u.code)).toEqual(['AGG_STP']);
    expect(edited.resolveUnit('AGG', 'Sở Tư pháp tỉnh An Giang')?.code).toBe('AGG_STP');
    expect(edited.resolveUnit('HNI', 'Sở Tư pháp')).toBeUndefined();
    expect(edited.resolveName('Sở Tư pháp')).toBeUndefined();
    expect(catalogue.get('AGG_STP')).toBeUndefined();
    expect(edited.expand('ALL_PROVINCES')).toHaveLength(34);
  });

  it('withUnit refuses a used code, a bad code and an unknown parent', () => {
    expect(() => catalogue.withUnit('AGG', { code: 'BTTTT', name: 'X' })).toThrow('Mã BTTTT đã được sử dụng');
    expect(() => catalogue.withUnit('AGG', { code: 'sở', name: 'X' })).toThrow(AgencyCatalogueError);
    expect(() => catalogue.withUnit('NOPE', { code: 'X1', name: 'X' })).toThrow(AgencyCatalogueError);
  });
});
