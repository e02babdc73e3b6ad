import { documentKindName, noticeOutlineOf, pathWithin, sectionLabel, sectionOf } from './notice-outline';

describe('the outline of a registered notice', () => {
  it.each([
    [undefined, '10/BC-BTTTT', 'Báo cáo'],
    [undefined, '45/TB-VPCP', 'Thông báo'],
    [undefined, '05/CT-TTg', 'Chỉ thị'],
    [undefined, '942/QĐ-TTg', 'Quyết định'],
    [undefined, '17/NQ-CP', 'Nghị quyết'],
    [undefined, '6922/VP-KGVX', 'Công văn'],
    ['bao_cao', '45/TB-VPCP', 'Báo cáo'],
    ['thong_bao_ket_luan', '1/TB', 'Thông báo'],
    ['Kế hoạch', '12/KH-UBND', 'Kế hoạch'],
    ['unknown', '10/BC-BTTTT', 'Báo cáo'],
  ])('kind %s, number %s → %s', (kind, number, name) => {
    expect(documentKindName(kind, number)).toBe(name);
  });

  it('reads kind and sections when the registration has them, and nothing else', () => {
    expect(noticeOutlineOf({ number: '1/TB-VPCP' })).toEqual({ sections: [] });
    expect(
      noticeOutlineOf({
        kind: 'bao_cao',
        sections: [{ path: 'PL.I', title: ' Thể chế ' }, { path: 'PL.II', heading: 'Nền tảng' }, { path: '', title: 'x' }, null],
      }),
    ).toEqual({
      kind: 'bao_cao',
      sections: [
        { path: 'PL.I', title: 'Thể chế' },
        { path: 'PL.II', title: 'Nền tảng' },
      ],
    });
  });

  it('puts a path in its deepest section and writes it as the document does', () => {
    const sections = [
      { path: '3', title: 'Nhiệm vụ' },
      { path: '3.b', title: 'Bộ Tài chính' },
      { path: '3.bb', title: 'x' },
    ];
    expect(sectionOf('3.b.2', sections)).toEqual(sections[1]);
    expect(sectionOf('3.a', sections)).toEqual(sections[0]);
    expect(sectionOf('4.1', sections)).toBeUndefined();
    expect(sectionOf(undefined, sections)).toBeUndefined();
    expect(sectionLabel({ path: 'PL.IV', title: '' })).toBe('IV');
    expect(pathWithin('3.b.2', sections[1])).toBe('2');
  });
});
