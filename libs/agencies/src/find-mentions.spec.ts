import { AgencyCatalogue } from './agency-catalogue';

const catalogue = AgencyCatalogue.load();
const found = (text: string) => catalogue.findMentions(text).map((m) => `${m.text}=${m.code}`);

describe('AgencyCatalogue.findMentions', () => {
  it('finds every agency in a paragraph, longest first, in order, with exact offsets', () => {
    const text =
      'Giao Bộ Thông tin và Truyền thông chủ trì, phối hợp với Bộ Tài chính, Bộ KH&ĐT và các Bộ, ' +
      'cơ quan liên quan; Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương báo cáo ' +
      'Văn phòng\nChính phủ. Đại học Quốc gia Hà Nội và UBND TP.HCM phối hợp.';
    const mentions = catalogue.findMentions(text);
    expect(mentions.map((m) => `${m.text}=${m.code}`)).toEqual([
      'Bộ Thông tin và Truyền thông=BKHCN',
      'Bộ Tài chính=BTC',
      'Bộ KH&ĐT=BTC',
      'các Bộ, cơ quan liên quan=RELATED_MINISTRIES',
      'Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương=ALL_PROVINCES',
      'Văn phòng\nChính phủ=VPCP',
      'Đại học Quốc gia Hà Nội=DHQGHN',
      'UBND TP.HCM=HCM',
    ]);
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(mentions[0].via).toEqual({ formerCode: 'BTTTT', formerName: 'Bộ Thông tin và Truyền thông', since: '2025-03-01' });
  });

  it('works on decomposed (NFD) text', () => {
    const text = 'Bộ Y tế phối hợp với tỉnh Khánh Hoà'.normalize('NFD');
    expect(catalogue.findMentions(text).map((m) => m.code)).toEqual(['BYT', 'KHA']);
  });

  it('reads a capitalized place name as the province, a common word or a person not', () => {
    expect(found('Tại Hòa Bình, Bến Tre, Cao Bằng')).toEqual(['Hòa Bình=PTO', 'Bến Tre=VLG', 'Cao Bằng=CBG']);
    expect(found('vì hòa bình và phát triển')).toEqual([]);
    expect(found('Phó Thủ tướng Nguyễn Hòa Bình chủ trì')).toEqual([]);
    expect(found('Thái Bình Dương')).toEqual([]);
    expect(found('Hồ Chí Minh')).toEqual([]);
  });

  it('ignores abbreviations inside document numbers and in lower case', () => {
    expect(found('Báo cáo số 10/BC-BTTTT của Bộ TTTT')).toEqual(['Bộ TTTT=BKHCN']);
    expect(found('Thông báo 45/TB-VPCP; VPCP đôn đốc')).toEqual(['VPCP=VPCP']);
    expect(found('nhnn và bộ tttt')).toEqual([]);
  });

  it('does not join words across a table cell, a colon or a parenthesis', () => {
    expect(found('Các bộ: Tài chính, Tư pháp')).toEqual([]);
    expect(found('Bộ Y tế\tBộ Tài chính')).toEqual(['Bộ Y tế=BYT', 'Bộ Tài chính=BTC']);
    expect(found('thành phố (Hà Nội)')).toEqual(['Hà Nội=HNI']);
  });

  it('does not read "từ" as "TƯ" (Trung ương)', () => {
    expect(found('các cơ quan từ Trung ương đến địa phương')).toEqual([]);
    expect(found('UBND các tỉnh, thành phố trực thuộc TƯ')).toEqual(['UBND các tỉnh, thành phố trực thuộc TƯ=ALL_PROVINCES']);
  });

  it('mentionAtStart agrees with findMentions at position 0, for names longer than the first words it reads', () => {
    const texts = [
      'Ban Chỉ đạo của Chính phủ về phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số và Đề án 06 chủ trì',
      'Viện Hàn lâm Khoa học và Công nghệ Việt Nam phối hợp',
      'Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương báo cáo',
      'Bộ Y tế chủ trì',
      'Tăng cường công tác phối hợp với Bộ Y tế',
    ];
    for (const text of texts) {
      const first = catalogue.findMentions(text)[0];
      const expected = first && first.start === 0 ? `${first.text}=${first.code}` : undefined;
      const m = catalogue.mentionAtStart(text);
      expect(m ? `${m.text}=${m.code}` : undefined).toBe(expected);
    }
  });

  // CPU time, not wall time: the box running the suite is shared with other test workers.
  it('scans at least 5 MB of dense text per CPU second', () => {
    const paragraph =
      'Thủ tướng Chính phủ giao Bộ Thông tin và Truyền thông chủ trì, phối hợp với Bộ Tài chính, ' +
      'Bộ Kế hoạch và Đầu tư và các Bộ, cơ quan liên quan đề xuất việc chuyển một phần Quỹ viễn ' +
      'thông công ích cho các dự án nền tảng dùng chung, báo cáo Chính phủ trong Quý I năm 2020. ' +
      'Ủy ban nhân dân tỉnh Kiên Giang, Hòa Bình, Thừa Thiên Huế thực hiện đúng tiến độ.\n';
    const text = paragraph.repeat(Math.ceil(4_000_000 / Buffer.byteLength(paragraph)));
    catalogue.findMentions(paragraph);
    let best = Infinity;
    for (let run = 0; run < 3; run++) {
      const started = process.cpuUsage();
      catalogue.findMentions(text);
      const used = process.cpuUsage(started);
      best = Math.min(best, (used.user + used.system) / 1e6);
    }
    const mbPerSecond = Buffer.byteLength(text) / 1e6 / best;
    expect(mbPerSecond).toBeGreaterThan(5);
  });
});
