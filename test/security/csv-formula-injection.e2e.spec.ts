import ExcelJS from 'exceljs';
import { ReadModelApi } from '../read-models/read-model-api.harness';

jest.setTimeout(60_000);

const HYPERLINK = '=HYPERLINK("http://evil.example/?x=1","Bấm vào đây")';
const DDE = "+cmd|' /C calc'!A0";
const AT = "@SUM(1+1)*cmd|' /C calc'!A0";
const MINUS = "-2+3+cmd|' /C calc'!A0";

/** The cells of a CSV body (RFC 4180: quoted fields, doubled quotes), BOM dropped. */
function csvCells(body: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const text = body.replace(/^\uFEFF/, '');
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (!quoted && c === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

/** Issue 9, finding 5: a progress note "=HYPERLINK(…)" came out of the CSV as a live formula. */
describe('issue 9 finding 5: formula injection in CSV', () => {
  const rm = new ReadModelApi('sqlite', { CLOCK_START: '2026-04-10T02:00:00Z' });
  const api = rm.api;
  const vpcp = api.token('vpcp');
  const btc = api.token('agency', 'BTC');
  let noticeId = '';

  beforeAll(async () => {
    await rm.start();
    const res = await api.request('POST', '/api/v1/notices', {
      token: vpcp,
      body: {
        number: '77/TB-VPCP',
        issuedAt: '2026-02-12',
        title: 'Kết luận về an toàn dữ liệu',
        directives: [
          { text: DDE, lead: ['BTC'], deadline: { due: '2026-06-30', kind: 'date' } },
          { text: AT, lead: ['BTC'], deadline: { due: '2026-06-30', kind: 'date' } },
          { text: MINUS, lead: ['BTC'], deadline: { due: '2026-06-30', kind: 'date' } },
        ],
      },
    });
    expect(res.status).toBe(201);
    noticeId = res.body.noticeId;
    const task = `/api/v1/tasks/${res.body.taskIds[0]}`;
    expect((await api.request('POST', `${task}/acknowledge`, { token: btc, body: {} })).status).toBe(200);
    expect((await api.request('POST', `${task}/progress`, { token: btc, body: { note: HYPERLINK, percent: 10 } })).status).toBe(200);
    await rm.caughtUp();
  });
  afterAll(() => rm.dispose());

  it('CSV: every cell that a spreadsheet would read as a formula starts with a single quote', async () => {
    const res = await api.request('GET', `/api/v1/reports/appendix?format=csv&noticeId=${noticeId}`, { token: vpcp });
    expect(res.status).toBe(200);
    const cells = csvCells(res.body as string);
    const all = cells.flat();
    expect(all).toContain(`'${HYPERLINK}`);
    expect(all).toContain(`'${DDE}`);
    expect(all).toContain(`'${AT}`);
    expect(all).toContain(`'${MINUS}`);
    expect(all.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    // Quoted, so a spreadsheet splitting on ";" or a tab cannot start a new cell inside one of ours.
    expect(res.body as string).toContain(`"'=HYPERLINK(""http://evil.example/?x=1"",""Bấm vào đây"")"`);
  });

  it('XLSX: the same text is a string cell, never a formula (exceljs writes strings as text)', async () => {
    const res = await fetch(`${api.baseUrl}/api/v1/reports/appendix?format=xlsx&noticeId=${noticeId}`, {
      headers: { authorization: `Bearer ${vpcp}` },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await res.arrayBuffer()) as never);
    const cells: ExcelJS.Cell[] = [];
    workbook.worksheets[0].eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    expect(cells.filter((cell) => cell.type === ExcelJS.ValueType.Formula)).toEqual([]);
    const note = cells.find((cell) => cell.value === HYPERLINK);
    expect(note?.type).toBe(ExcelJS.ValueType.String);
  });
});
