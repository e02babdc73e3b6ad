import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { ApiHarness } from '../support/api-harness';

/**
 * Issue 12, an open agency world over HTTP: a lead the catalogue does not hold is added as a unit
 * of its parent in one step (by VPCP, from the preview's proposedUnit), a province's catalogue file
 * is uploaded by an admin, and the next preview and the import resolve leads with those units.
 */
describe('unknown leads and catalogue files over HTTP', () => {
  const api = new ApiHarness({ CLOCK_START: '2025-11-06T02:00:00Z' });
  const vpcp = api.token('vpcp');
  const admin = api.token('admin');
  // A provincial chairman's notice (Lai Châu, after 1/7/2025): Sở, Công an tỉnh and communes as leads.
  const laiChau = readFileSync(resolve(__dirname, '../../libs/directive-parser/corpus/03-tb-kl-chu-tich-ubnd-lai-chau.txt'), 'utf8');

  type Directive = { path: string; lead: { code: string }[]; unresolvedLead?: { name: string; proposedUnit?: Record<string, string> }[] };
  const preview = async (): Promise<Directive[]> => {
    const res = await api.request('POST', '/api/v1/notices/preview', { token: vpcp, body: { text: laiChau } });
    expect(res.status).toBe(200);
    return res.body.directives;
  };
  const at = (directives: Directive[], path: string) => directives.find((d) => d.path === path)!;
  const leads = (d: Directive) => d.lead.map((l) => l.code);
  const upload = async (token: string, name: string, content: string | Uint8Array, type = 'text/csv') => {
    const form = new FormData();
    form.append('file', new Blob([content], { type }), name);
    const res = await fetch(`${api.baseUrl}/api/v1/agencies/LCU/units/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    return { status: res.status, contentType: res.headers.get('content-type'), body: (await res.json()) as any };
  };
  const eventCount = async () => (await api.allEvents()).length;

  beforeAll(() => api.start());
  afterAll(() => api.dispose());

  it('VPCP adds an unknown lead as a unit of its parent from the preview; the next preview resolves it and the import assigns it', async () => {
    const before = at(await preview(), '3');
    expect(leads(before)).toEqual([]);
    const proposed = before.unresolvedLead![0].proposedUnit!;
    expect(proposed).toEqual({ parent: 'LCU', code: 'LCU_SYT', name: 'Sở Y tế' });

    // An agency adds units under itself only; VPCP under any agency.
    const asBtc = await api.request('POST', `/api/v1/agencies/${proposed.parent}/units`, {
      token: api.token('agency', 'BTC'),
      body: { code: proposed.code, name: proposed.name },
    });
    expect(asBtc.status).toBe(403);
    const added = await api.request('POST', `/api/v1/agencies/${proposed.parent}/units`, {
      token: vpcp,
      body: { code: proposed.code, name: proposed.name },
    });
    expect(added.status).toBe(201);

    const after = await preview();
    expect(leads(at(after, '3'))).toEqual(['LCU_SYT']);
    expect(at(after, '3').unresolvedLead ?? []).toEqual([]);

    const drop = after.filter((d) => d.path !== '3').map((d) => ({ path: d.path, drop: true }));
    const imported = await api.request('POST', '/api/v1/notices/import', { token: vpcp, body: { text: laiChau, edits: drop } });
    expect(imported.status).toBe(201);
    const assigned = (await api.allEvents()).filter((e) => e.type === 'TaskAssigned').map((e) => (e.data as { lead: string }).lead);
    expect(assigned).toEqual(['LCU_SYT']);
  });

  it('an admin uploads the province’s catalogue (CSV); its types, short names and other names resolve the next preview', async () => {
    const csv = [
      'Mã;Tên;Cấp trên;Loại;Tên ngắn;Tên khác',
      'LCU_CAT;Công an tỉnh Lai Châu;LCU;đơn vị cấp tỉnh;Công an Lai Châu;Công an tỉnh|CA tỉnh',
      'LCU_X_MUONG_TE;Ủy ban nhân dân xã Mường Tè;LCU;xã;Xã Mường Tè;UBND xã Mường Tè',
      'LCU_X_PA_U;Ủy ban nhân dân xã Pa Ủ;LCU;xã;;',
      'LCU_X_THU_LUM;Ủy ban nhân dân xã Thu Lũm;LCU;xã;;',
      'LCU_X_TA_TONG;Ủy ban nhân dân xã Tà Tổng;LCU;xã;;',
      'LCU_SYT;Sở Y tế;LCU;sở;;',
    ].join('\n');
    const res = await upload(api.token('vpcp'), 'lai-chau.csv', csv);
    expect(res.status).toBe(403);

    const done = await upload(admin, 'lai-chau.csv', csv);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      added: ['LCU_CAT', 'LCU_X_MUONG_TE', 'LCU_X_PA_U', 'LCU_X_THU_LUM', 'LCU_X_TA_TONG'],
      skipped: ['LCU_SYT'],
      summary: 'Đã thêm 5 đơn vị (LCU: 1 đơn vị cấp tỉnh, 4 xã/phường); 1 đơn vị đã có trong danh mục.',
    });
    const recorded = (await api.allEvents()).filter((e) => e.type === 'AgencyUnitAdded').map((e) => e.data);
    expect(recorded).toContainEqual({
      parent: 'LCU',
      code: 'LCU_CAT',
      name: 'Công an tỉnh Lai Châu',
      unitType: 'provincial_unit',
      shortName: 'Công an Lai Châu',
      aliases: ['Công an tỉnh', 'CA tỉnh'],
    });
    expect((await api.request('GET', '/api/v1/agencies/LCU_CAT', { token: admin })).body).toMatchObject({
      kind: 'unit',
      parent: 'LCU',
      unitType: 'provincial_unit',
      aliases: ['Công an tỉnh', 'CA tỉnh'],
    });

    const after = await preview();
    // "Công an tỉnh bảo đảm …": only the unit's other name says it.
    expect(leads(at(after, '4'))).toEqual(['LCU_CAT']);
    // "Ủy ban nhân dân các xã: Mường Tè, Pa Ủ, Thu Lũm, Tà Tổng": exactly those communes.
    expect(leads(at(after, '5'))).toEqual(['LCU_X_MUONG_TE', 'LCU_X_PA_U', 'LCU_X_THU_LUM', 'LCU_X_TA_TONG']);

    // The same file again adds nothing.
    const count = await eventCount();
    const again = await upload(admin, 'lai-chau.csv', csv);
    expect(again.body.summary).toBe('Đã thêm 0 đơn vị; 6 đơn vị đã có trong danh mục.');
    expect(await eventCount()).toBe(count);
  });

  it('reads an XLSX file, and CSV sent as text/plain', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Đơn vị').addRows([
      ['code', 'name', 'parent', 'unitType'],
      ['LCU_SCT', 'Sở Công Thương', 'LCU', 'department'],
    ]);
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
    const res = await upload(admin, 'so.xlsx', xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.status).toBe(200);
    expect(res.body.summary).toBe('Đã thêm 1 đơn vị (LCU: 1 sở); 0 đơn vị đã có trong danh mục.');

    const text = await api.request('POST', '/api/v1/agencies/LCU/units/import', {
      token: admin,
      raw: 'code,name,parent\nLCU_STC,Sở Tài chính,LCU\n',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
    expect(text.status).toBe(200);
    expect(text.body.added).toEqual(['LCU_STC']);
  });

  it('refuses a file with a bad line (400 problem+json naming the line) and appends nothing', async () => {
    const count = await eventCount();
    const badRow = await upload(admin, 'x.csv', 'code,name,parent\nLCU_SNV,Sở Nội vụ,LCU\nlcu x,Sở Tư pháp,LCU\n');
    expect(badRow.status).toBe(400);
    expect(badRow.contentType).toMatch(/^application\/problem\+json/);
    expect(badRow.body.detail).toContain('Dòng 3: mã "lcu x" phải gồm 2–40 ký tự');
    expect(badRow.body.errors).toEqual([{ field: 'file', message: expect.stringMatching(/^Dòng 3: /) }]);

    // A unit of another province in Lai Châu's file: refused by the import's rule, naming its line.
    const outside = await upload(admin, 'x.csv', 'code,name,parent\nLCU_SNV,Sở Nội vụ,LCU\nHNI_SNV,Sở Nội vụ,HNI\n');
    expect(outside.status).toBe(400);
    expect(outside.body.detail).toBe('Dòng 3: cơ quan cấp trên HNI không thuộc LCU');

    const notAFile = await upload(admin, 'x.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(notAFile.status).toBe(415);
    const json = await api.request('POST', '/api/v1/agencies/LCU/units/import', { token: admin, body: { code: 'LCU_SNV' } });
    expect(json.status).toBe(415);
    expect(await eventCount()).toBe(count);
  });
});
