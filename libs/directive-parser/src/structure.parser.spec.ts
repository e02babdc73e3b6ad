import { ParseResult, parse } from '.';

const HEADER =
  'VĂN PHÒNG CHÍNH PHỦ\n\nSố: 10/TB-VPCP\n\nHà Nội, ngày 10 tháng 11 năm 2021\n\nTHÔNG BÁO\n\nKết luận của Thủ tướng Chính phủ tại cuộc họp\n\n';
const FOOTER =
  '\n\nVăn phòng Chính phủ thông báo để các cơ quan biết, thực hiện./.\n\nNơi nhận:\n- Các Bộ: Tài chính, Y tế;\n- Lưu: VT.\n\nKT. BỘ TRƯỞNG, CHỦ NHIỆM\n\nNguyễn Văn A\n';

function run(body: string): ParseResult {
  return parse(HEADER + body + FOOTER);
}

const summary = (r: ParseResult) =>
  r.directives.map((d) => [d.path, d.lead.map((l) => l.code).join('+'), d.coordinators.map((c) => c.code).join('+'), d.deadline.due]);

describe('notice header', () => {
  it('reads number, date, kind, issuer and leader', () => {
    const r = run('1. Bộ Y tế khẩn trương rà soát danh mục thuốc.');
    expect(r.notice).toMatchObject({
      number: '10/TB-VPCP',
      issuedAt: '2021-11-10',
      kind: 'thong_bao_ket_luan',
      issuer: 'Văn phòng Chính phủ',
    });
  });

  it('lets the caller override the issue date', () => {
    expect(parse(HEADER, { issuedAt: '2022-01-05' }).notice.issuedAt).toBe('2022-01-05');
  });
});

describe('structure and owners', () => {
  it('hands the owner of a lettered heading to its bullets and numbers them', () => {
    const r = run(
      '2. Nhiệm vụ\n\na) Bộ Y tế\n\n- Rà soát danh mục thuốc trong tháng 12 năm 2021.\n\n- Hướng dẫn các địa phương triển khai.',
    );
    expect(summary(r)).toEqual([
      ['2.a.1', 'BYT', '', '2021-12-31'],
      ['2.a.2', 'BYT', '', null],
    ]);
  });

  it('reads an owner stated inline and "Giao X chủ trì, phối hợp với Y, Z"', () => {
    const r = run(
      '1. Giao Bộ Tài chính chủ trì, phối hợp với Bộ Tư pháp, Bộ Công an sửa đổi Nghị định, trình Chính phủ trong Quý I năm 2022.\n\n2. Bộ Công an khẩn trương hoàn thiện cơ sở dữ liệu.',
    );
    expect(summary(r)).toEqual([
      ['1', 'BTC', 'BTP+BCA', '2022-03-31'],
      ['2', 'BCA', '', null],
    ]);
  });

  it('expands a shared-prefix enumeration and a title standing for its agency', () => {
    const r = run('1. Các Bộ: Tài chính, Công Thương, Xây dựng rà soát các dự án.\n\n2. Bộ trưởng Bộ Y tế chỉ đạo kiểm tra các bệnh viện.');
    expect(summary(r).map((s) => s[1])).toEqual(['BTC+BCT+BXD', 'BYT']);
  });

  it('splits one unit with two actions and two deadlines', () => {
    const r = run('1. Bộ Y tế trình Đề án trong tháng 12 năm 2021 và ban hành hướng dẫn trong tháng 01 năm 2022.');
    expect(summary(r)).toEqual([
      ['1(1)', 'BYT', '', '2021-12-31'],
      ['1(2)', 'BYT', '', '2022-01-31'],
    ]);
    expect(r.directives[1].text.startsWith('ban hành hướng dẫn')).toBe(true);
  });

  it('gives "+" items under an umbrella line the umbrella owner and coordinators', () => {
    const r = run(
      '1. Bộ Công an chủ trì, phối hợp với Bộ Tư pháp:\n\n- Hoàn thiện dữ liệu dân cư:\n\n+ Làm sạch dữ liệu trong Quý IV năm 2021.\n\n+ Kết nối với các bộ.',
    );
    expect(summary(r)).toEqual([
      ['1.1.1', 'BCA', 'BTP', '2021-12-31'],
      ['1.1.2', 'BCA', 'BTP', null],
    ]);
  });

  it('fans a group lead out', () => {
    const r = run(
      '1. Các Bộ, ngành, địa phương tăng cường kiểm tra.\n\n2. Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương báo cáo hằng quý.',
    );
    expect(r.directives.map((d) => [d.lead.map((l) => l.code).join('+'), d.fanout])).toEqual([
      ['ALL_MINISTRIES+ALL_PROVINCES', 'ALL_MINISTRIES_AND_PROVINCES'],
      ['ALL_PROVINCES', 'ALL_PROVINCES'],
    ]);
    expect(r.directives[1].deadline).toMatchObject({ kind: 'recurring', due: '2021-12-31' });
  });

  it('produces nothing for praise, assessments, the closing formula and Nơi nhận', () => {
    const r = run(
      '1. Biểu dương Bộ Y tế đã triển khai tốt.\n\n2. Bộ Tài chính đã hoàn thành việc rà soát.\n\nThời gian qua, các Bộ đã nỗ lực.',
    );
    expect(r.directives).toEqual([]);
  });

  it('glues a paragraph cut by a page break', () => {
    const r = run('1. Bộ Y tế chủ trì xây dựng Đề án phát triển y tế cơ\n\nsở, trình Thủ tướng Chính phủ trong năm 2022.');
    expect(summary(r)).toEqual([['1', 'BYT', '', '2022-12-31']]);
    expect(r.directives[0].text).toContain('y tế cơ sở, trình');
  });

  it('maps a pre-2025 name to its successor with a warning, and keeps an unknown agency as text', () => {
    const r = run('1. Ủy ban nhân dân tỉnh Kiên Giang rà soát quy hoạch.\n\n2. Tập đoàn Hòa Bình Xanh chủ trì lập báo cáo.');
    expect(r.directives[0].lead.map((l) => l.code)).toEqual(['AGG']);
    expect(r.directives[0].warnings.join(' ')).toContain('Kiên Giang');
    expect(r.directives[1].lead).toEqual([]);
    expect(r.unresolved).toEqual([
      { path: '2', role: 'lead', text: 'Tập đoàn Hòa Bình Xanh', kind: 'state_enterprise', probableParent: null },
    ]);
  });

  it('points each span back into the source text', () => {
    const text = HEADER + '1. Bộ Y tế rà soát danh mục thuốc.' + FOOTER;
    const d = parse(text).directives[0];
    expect(text.slice(d.span.start, d.span.end)).toBe('Bộ Y tế rà soát danh mục thuốc.');
  });
});
