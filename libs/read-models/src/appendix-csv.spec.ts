import { appendixCsv, csvCell, neutraliseFormula } from './appendix-csv';

describe('CSV cells (OWASP CSV injection)', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\t=1+1', '\r=1+1'])('puts a single quote before %j', (value) => {
    expect(neutraliseFormula(value)).toBe(`'${value}`);
  });

  it.each(['Đã xây dựng dự thảo', '1', "'=quoted already", ' =1', ''])('leaves %j as it is', (value) => {
    expect(neutraliseFormula(value)).toBe(value);
  });

  it('quotes every cell and doubles its quotes', () => {
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
  });

  it('writes the header bare and every other cell quoted', () => {
    const csv = appendixCsv({
      issuer: '',
      title: '',
      subject: [],
      summary: '',
      lines: [
        { kind: 'document', tt: 'I', text: 'Thông báo', lead: '', deadline: '', result: '' },
        { kind: 'directive', tt: '1', text: '=1', lead: 'BTC', deadline: '30/06/2026', result: '-' },
      ],
      statistics: { rows: [], total: [] },
    });
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFTT,Nội dung công việc,Cơ quan chủ trì,Thời gian hoàn thành,Kết quả thực hiện',
      '"I","Thông báo","","",""',
      '"1","\'=1","BTC","30/06/2026","\'-"',
      '',
    ]);
  });
});
