import mammoth from 'mammoth';
import { ReadModelApi } from '../read-models/read-model-api.harness';
import { registerNotice } from '../support/notice-requests';
import { zipParts } from './office-files';

jest.setTimeout(120_000);

/** Đôn đốc letters over HTTP (issue 14): drafted by GET, issued by POST, as of a day. */
describe('đôn đốc letters', () => {
  // Friday 10/4/2026: the 31/3 and 15/3 deadlines have passed, the 30/6 one has not.
  const rm = new ReadModelApi('sqlite', { CLOCK_START: '2026-04-10T02:00:00Z' });
  const api = rm.api;
  const vpcp = api.token('vpcp');
  const btc = api.token('agency', 'BTC');
  let noticeId: string;
  let btcTask: string;
  let afterProgress: string;

  const get = (path: string, token = vpcp) => fetch(`${api.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const post = (body: object, headers: Record<string, string> = {}) =>
    fetch(`${api.baseUrl}/api/v1/reports/reminder-letter`, {
      method: 'POST',
      headers: { authorization: `Bearer ${vpcp}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const text = async (res: Response) =>
    (await mammoth.extractRawText({ buffer: Buffer.from(await res.arrayBuffer()) })).value.replace(/\s+/g, ' ');

  beforeAll(async () => {
    await rm.start();
    ({ noticeId } = await registerNotice(api, vpcp, [
      {
        text: 'Hoàn thiện Cơ sở dữ liệu quốc gia về tài chính.',
        lead: ['BTC'],
        deadline: { due: '2026-03-31', phrase: 'trong tháng 3 năm 2026', kind: 'month' },
      },
      { text: 'Sửa đổi Nghị định về an ninh mạng', lead: ['BCA'], deadline: { due: '2026-06-30', kind: 'date' } },
      { text: 'Đẩy mạnh dịch vụ công trực tuyến toàn trình', lead: ['ALL_PROVINCES'], deadline: { due: '2026-03-15', kind: 'date' } },
    ]));
    btcTask = `${noticeId}.1.btc`;
    expect((await api.request('POST', `/api/v1/tasks/${btcTask}/acknowledge`, { token: btc })).status).toBe(200);
    expect(
      (
        await api.request('POST', `/api/v1/tasks/${btcTask}/progress`, {
          token: btc,
          body: { note: 'Đã xây dựng dự thảo, đang lấy ý kiến các Bộ', percent: 60 },
        })
      ).status,
    ).toBe(200);
    afterProgress = new Date(Date.parse((await api.allEvents()).at(-1)!.metadata.occurredAt) + 1).toISOString();
    await rm.caughtUp();
  });
  afterAll(() => rm.dispose());

  it('drafts the letter in the layout of Nghị định 30/2020/NĐ-CP, citing each overdue task', async () => {
    const res = await get('/api/v1/reports/reminder-letter?agency=BTC&format=docx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    const letter = await text(res);
    for (const part of [
      'VĂN PHÒNG CHÍNH PHỦ',
      'Số: /VPCP-TH',
      'V/v đôn đốc thực hiện nhiệm vụ tại Thông báo số 45/TB-VPCP',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Hà Nội, ngày 10 tháng 4 năm 2026',
      'Kính gửi: Bộ Tài chính.',
      'tính đến ngày 10 tháng 4 năm 2026, Bộ Tài chính còn 01 nhiệm vụ đã quá thời hạn',
      '1. Nhiệm vụ "Hoàn thiện Cơ sở dữ liệu quốc gia về tài chính" (Thông báo số 45/TB-VPCP ngày 12/02/2026): thời hạn hoàn thành 31/03/2026, đã quá hạn 10 ngày; tình hình thực hiện: Đã xây dựng dự thảo, đang lấy ý kiến các Bộ.',
      'trước ngày 17/04/2026',
      'Nơi nhận:',
      'KT. BỘ TRƯỞNG, CHỦ NHIỆM',
    ])
      expect(letter).toContain(part);
    expect(letter).not.toContain('Sửa đổi Nghị định về an ninh mạng');
  });

  it('answers 404 for an agency with nothing overdue and 403 to an agency, and zips every overdue agency’s letter', async () => {
    expect((await get('/api/v1/reports/reminder-letter?agency=BCA')).status).toBe(404);
    expect((await get('/api/v1/reports/reminder-letter?agency=BTC', btc)).status).toBe(403);
    expect((await get('/api/v1/reports/reminder-letter?agency=KHONGCO')).status).toBe(400);
    expect((await get('/api/v1/reports/reminder-letter?format=docx')).status).toBe(400);
    const zip = await get('/api/v1/reports/reminder-letter?format=zip');
    expect(zip.status).toBe(200);
    expect(zip.headers.get('content-type')).toBe('application/zip');
    const names = [...(await zipParts(Buffer.from(await zip.arrayBuffer()))).keys()];
    // Bộ Tài chính and the 34 provinces, whose 15/3 deadline has passed.
    expect(names).toHaveLength(35);
    expect(names).toContain('cong-van-don-doc-btc-2026-04-10.docx');
  });

  it('issues the letter: ReminderLetterIssued on each cited task, once, and the same DOCX with its number', async () => {
    const res = await post({ agency: 'BTC', number: '123/VPCP-TH' });
    expect(res.status).toBe(200);
    const letter = await text(res);
    expect(letter).toContain('Số: 123/VPCP-TH');
    expect(letter).toContain('Hoàn thiện Cơ sở dữ liệu quốc gia về tài chính');
    const history = async () =>
      (await api.request('GET', `/api/v1/tasks/${btcTask}/history`, { token: vpcp })).body.events.filter(
        (e: { type: string }) => e.type === 'ReminderLetterIssued',
      );
    expect(await history()).toEqual([
      expect.objectContaining({
        data: {
          taskId: btcTask,
          letterId: res.headers.get('x-letter-id'),
          number: '123/VPCP-TH',
          agency: 'BTC',
          issuedOn: '2026-04-10',
          due: '2026-03-31',
          reportBy: '2026-04-17',
        },
      }),
    ]);
    expect((await post({ agency: 'BTC', number: '123/VPCP-TH' })).status).toBe(200);
    expect(await history()).toHaveLength(1);
    expect((await post({ agency: 'BCA' })).status).toBe(404);
  });

  /** Issue 9's API fuzzer: a letter sent with If-Match recorded the first tasks, then answered 409 on one whose revision differed. */
  it('refuses If-Match on a letter (it spans several tasks) and records nothing', async () => {
    await registerNotice(
      api,
      vpcp,
      [
        { text: 'Rà soát quy hoạch xây dựng vùng', lead: ['BXD'], deadline: { due: '2026-03-20', kind: 'date' } },
        { text: 'Ban hành tiêu chuẩn nhà ở xã hội', lead: ['BXD'], deadline: { due: '2026-03-25', kind: 'date' } },
      ],
      { number: '31/TB-VPCP' },
    );
    await rm.caughtUp();
    const issued = async () => (await api.allEvents()).filter((e) => e.type === 'ReminderLetterIssued' && e.stream.includes('.bxd')).length;
    const res = await post({ agency: 'BXD' }, { 'if-match': '"0"' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(((await res.json()) as { detail: string }).detail).toContain('If-Match');
    expect(await issued()).toBe(0);
    expect((await post({ agency: 'BXD' })).status).toBe(200);
    expect(await issued()).toBe(2);
  });

  it('drafts as of a past instant, and that letter does not change when the task moves on', async () => {
    const before = await text(await get(`/api/v1/reports/reminder-letter?agency=BTC&asOf=${afterProgress}`));
    const T = `/api/v1/tasks/${btcTask}`;
    expect((await api.request('POST', `${T}/completion`, { token: btc, body: { result: 'Đã trình Thủ tướng Chính phủ' } })).status).toBe(
      200,
    );
    expect((await api.request('POST', `${T}/completion/accept`, { token: vpcp })).status).toBe(200);
    await rm.caughtUp();
    expect(await text(await get(`/api/v1/reports/reminder-letter?agency=BTC&asOf=${afterProgress}`))).toBe(before);
    expect((await get('/api/v1/reports/reminder-letter?agency=BTC')).status).toBe(404);
  });
});
