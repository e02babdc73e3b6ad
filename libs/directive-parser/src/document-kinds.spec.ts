import { ParseResult, parse } from '.';

/** Small documents of each kind: the structures of issue 12, one behaviour per test. */

const header = (issuer: string, number: string, type: string, title: string, date = 'Hà Nội, ngày 06 tháng 10 năm 2025') =>
  `${issuer}\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố: ${number}\n\n${date}\n\n${type}\n${title}\n\n`;
const FOOTER = '\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nNguyễn Văn A\n';

const leads = (r: ParseResult) =>
  r.directives.map((d) => [...d.lead.map((l) => l.code), ...(d.unresolvedLead ?? []).map((u) => u.name)].join('+'));

describe('document kinds from the header', () => {
  it.each([
    ['THÔNG BÁO', '1/TB-VPCP', 'thong_bao_ket_luan'],
    ['CHỈ THỊ', '1/CT-TTg', 'chi_thi'],
    ['CÔNG ĐIỆN', '1/CĐ-TTg', 'cong_dien'],
    ['QUYẾT ĐỊNH', '1/QĐ-TTg', 'quyet_dinh'],
    ['KẾ HOẠCH', '1/KH-UBND', 'ke_hoach'],
    ['BÁO CÁO', '1/BC-BNV', 'bao_cao'],
  ])('%s → %s', (type, number, kind) => {
    expect(parse(header('VĂN PHÒNG CHÍNH PHỦ', number, type, 'Về việc thử')).notice.kind).toBe(kind);
  });

  it('reads a Công văn from its V/v line', () => {
    const text =
      'BỘ Y TẾ\n\nSố: 12/BYT-KHTC\nV/v triển khai thanh toán\nkhông dùng tiền mặt\n\nHà Nội, ngày 18 tháng 11 năm 2024\n\nKính gửi: Các đơn vị thuộc Bộ.\n\n1. Cục Công nghệ thông tin hỗ trợ các đơn vị.';
    expect(parse(text).notice).toMatchObject({ kind: 'cong_van', title: 'triển khai thanh toán không dùng tiền mặt', issuer: 'Bộ Y tế' });
  });
});

describe('Chỉ thị: sections addressed to a group or an agency own their items', () => {
  const r = parse(
    header('THỦ TƯỚNG CHÍNH PHỦ', '5/CT-TTg', 'CHỈ THỊ', 'Về việc thử') +
      'Thủ tướng Chính phủ yêu cầu:\n\n1. Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương:\n\na) Rà soát các dự án trước ngày 31/12/2025.\n\nb) Báo cáo kết quả hằng quý.\n\n2. Ngân hàng Nhà nước Việt Nam:\n\na) Chỉ đạo các tổ chức tín dụng giảm lãi suất.' +
      FOOTER,
  );

  it('gives each lettered item its section owner', () => {
    expect(r.directives.map((d) => d.path)).toEqual(['1.a', '1.b', '2.a']);
    expect(leads(r)).toEqual(['ALL_MINISTRIES+ALL_PROVINCES', 'ALL_MINISTRIES+ALL_PROVINCES', 'NHNN']);
  });
});

describe('named member lists and "nêu trên"', () => {
  it('resolves "Ủy ban nhân dân các tỉnh, thành phố: A, B, C" to exactly those members', () => {
    const r = parse(
      header('VĂN PHÒNG CHÍNH PHỦ', '9/TB-VPCP', 'THÔNG BÁO', 'Kết luận') +
        '1. Ủy ban nhân dân các tỉnh, thành phố: Hà Nội, Huế, Cần Thơ rà soát các dự án.' +
        FOOTER,
    );
    expect(leads(r)).toEqual(['HNI+HUE+CTO']);
    expect(r.directives[0].fanout).toBeUndefined();
  });

  it('reads "các tỉnh, thành phố nêu trên" from the "… điện:" list', () => {
    const r = parse(
      header('THỦ TƯỚNG CHÍNH PHỦ', '9/CĐ-TTg', 'CÔNG ĐIỆN', 'Về việc ứng phó bão') +
        'THỦ TƯỚNG CHÍNH PHỦ điện:\n- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố: Quảng Ninh, Hải Phòng;\n- Bộ trưởng các Bộ: Quốc phòng, Công an.\n\nThủ tướng Chính phủ yêu cầu:\n\n1. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố nêu trên chủ động sơ tán người dân.\n\n2. Bộ trưởng các Bộ nêu trên chỉ đạo lực lượng hỗ trợ.',
    );
    expect(leads(r)).toEqual(['QNH+HPG', 'BQP+BCA']);
  });
});

describe('paragraph directives and "Tỉnh"', () => {
  const r = parse(
    header('VĂN PHÒNG CHÍNH PHỦ', '9/TB-VPCP', 'THÔNG BÁO', 'Kết luận của Phó Thủ tướng tại buổi làm việc với lãnh đạo tỉnh Gia Lai') +
      'Tỉnh cần tập trung hoàn thiện quy hoạch trong Quý I năm 2026.\n\nĐề nghị Bộ Xây dựng hướng dẫn Tỉnh lập hồ sơ.\n\nĐề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh vận động Nhân dân.\n\nĐồng ý về nguyên tắc việc bổ sung dự án.' +
      FOOTER,
  );

  it('reads "Tỉnh" as the province the notice is about, and "Đề nghị Bộ …" as a directive', () => {
    expect(leads(r)).toEqual(['GLI', 'BXD']);
  });

  it('says why the other paragraphs give no task', () => {
    expect(r.skipped.map((s) => s.reason)).toEqual(['outside_command', 'approval']);
    expect(r.skipped[0].note).toMatch(/ngoài quyền chỉ đạo/);
  });
});

describe('Quyết định: Điều 2 gives each numbered paragraph to the agency it names first', () => {
  const r = parse(
    header('THỦ TƯỚNG CHÍNH PHỦ', '7/QĐ-TTg', 'QUYẾT ĐỊNH', 'Phê duyệt Chương trình') +
      'QUYẾT ĐỊNH:\n\nĐiều 1. Phê duyệt Chương trình với các nội dung sau:\n\n1. Mục tiêu\n\nNâng cao năng suất lao động.\n\nĐiều 2. Tổ chức thực hiện\n\n1. Văn phòng Chính phủ chủ trì, phối hợp với Bộ Tư pháp theo dõi việc thực hiện.\n\n2. Bộ Tài chính bố trí kinh phí trong năm 2026.\n\nĐiều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký.' +
      FOOTER,
  );

  it('numbers the paths by article and skips the enforcement article', () => {
    expect(
      r.directives.map((d) => [d.path, d.lead.map((l) => l.code).join('+'), d.coordinators.map((c) => c.code).join('+'), d.deadline.due]),
    ).toEqual([
      ['Đ2.1', 'VPCP', 'BTP', null],
      ['Đ2.2', 'BTC', '', '2026-12-31'],
    ]);
    expect(r.skipped.map((s) => s.reason)).toContain('closing');
  });
});

describe('agencies outside the catalogue', () => {
  const r = parse(
    header(
      'ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU',
      '3/TB-UBND',
      'THÔNG BÁO',
      'Kết luận của Chủ tịch Ủy ban nhân dân tỉnh',
      'Lai Châu, ngày 05 tháng 11 năm 2025',
    ) +
      '1. Sở Tài chính chủ trì, phối hợp với Sở Xây dựng rà soát kinh phí.\n\n2. Ủy ban nhân dân các xã: Mường Tè, Pa Ủ báo cáo trước ngày 20/11/2025.\n\n3. Các sở, ban, ngành tỉnh triển khai thực hiện.\n\n4. Công ty TNHH Xây dựng Hòa Bình hoàn thành công trình.' +
      FOOTER,
  );
  const unresolved = r.directives.map((d) => d.unresolvedLead ?? []);

  it('keeps a Sở with its kind, its province and a unit to add', () => {
    expect(unresolved[0]).toEqual([
      {
        name: 'Sở Tài chính',
        kind: 'department',
        probableParent: { code: 'LCU', name: 'Ủy ban nhân dân tỉnh Lai Châu' },
        proposedUnit: { parent: 'LCU', code: 'LCU_STC', name: 'Sở Tài chính' },
      },
    ]);
  });

  it('expands a named list of communes and keeps a local group as a group', () => {
    expect(unresolved[1].map((u) => [u.name, u.kind])).toEqual([
      ['Ủy ban nhân dân xã Mường Tè', 'commune_committee'],
      ['Ủy ban nhân dân xã Pa Ủ', 'commune_committee'],
    ]);
    expect(unresolved[2]).toEqual([
      {
        name: 'Các sở, ban, ngành',
        kind: 'local_group',
        probableParent: { code: 'LCU', name: 'Ủy ban nhân dân tỉnh Lai Châu' },
        fanout: true,
      },
    ]);
  });

  it('lists every unresolved lead with a Vietnamese warning; a private company (Công ty TNHH) is not a state enterprise', () => {
    expect(r.unresolved.map((u) => [u.path, u.text, u.kind])).toContainEqual(['4', 'Công ty TNHH Xây dựng Hòa Bình', 'other']);
    expect(r.directives[3].warnings[0]).toMatch(
      /^Cơ quan chủ trì chưa có trong danh mục: “Công ty TNHH Xây dựng Hòa Bình” \(cơ quan khác\)/,
    );
  });

  it('classes a Tập đoàn or Tổng công ty as a state enterprise, a Công ty CP as another body', () => {
    const leadKind = (name: string) =>
      parse(
        header('ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU', '4/TB-UBND', 'THÔNG BÁO', 'Kết luận', 'Lai Châu, ngày 05 tháng 11 năm 2025') +
          `1. ${name} hoàn thành công trình trước ngày 30/12/2025.` +
          FOOTER,
      ).directives[0].unresolvedLead?.[0]?.kind;
    expect(leadKind('Tổng công ty Điện lực miền Bắc')).toBe('state_enterprise');
    expect(leadKind('Công ty CP Xi măng Lai Châu')).toBe('other');
    expect(leadKind('Công ty TNHH Một thành viên Dịch vụ Tây Bắc')).toBe('other');
  });
});
