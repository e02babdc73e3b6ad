import { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot, signIn, WatchedContext } from './support/browser';
import { WebStack } from './support/web-stack';

jest.setTimeout(120_000);

const PASSWORD = 'Mật-khẩu-thử-nghiệm-2026';
const VPCP = { email: 'an.nv@chinhphu.vn', name: 'Nguyễn Văn An', role: 'vpcp' };
const BTC = { email: 'b.tt@mof.gov.vn', name: 'Trần Thị B', role: 'agency', agency: 'BTC' };
const DEADLINE = '2030-06-30';

/**
 * Issue 13: a reviewer approves an extension in the review queue and accepts a completion on the
 * task page, each time asked to confirm and offered a comment; the timeline then names every person
 * with their role ("Trần Thị B — Đầu mối Bộ Tài chính") and shows the comments, never an id.
 */
describe('review comments and a history by name (Chromium)', () => {
  const stack = new WebStack();
  let browser: Browser;
  let vpcp: WatchedContext;
  let page: Page;
  const ids: Record<string, string> = {};
  let extensionTask = '';
  let completionTask = '';

  beforeAll(async () => {
    await stack.start();
    const admin = stack.api.token('admin');
    for (const [key, u] of Object.entries({ VPCP, BTC })) {
      const res = await stack.api.request('POST', '/api/v1/users', { token: admin, body: { ...u, password: PASSWORD } });
      expect(res.status).toBe(201);
      ids[key] = res.body.id;
    }
    // The agency acts through the API with a token naming its user: the history resolves the name.
    const vpcpToken = stack.api.token('vpcp', undefined, ids.VPCP);
    const btcToken = stack.api.token('agency', 'BTC', ids.BTC);
    const res = await stack.api.request('POST', '/api/v1/notices', {
      token: vpcpToken,
      body: {
        number: '52/TB-VPCP',
        issuedAt: '2026-02-12',
        title: 'Kết luận về chuyển đổi số ngành tài chính',
        directives: [
          { text: 'Xây dựng kho dữ liệu tài chính công', lead: ['BTC'], deadline: { due: DEADLINE, kind: 'date' } },
          { text: 'Hoàn thiện hệ thống hóa đơn điện tử', lead: ['BTC'], deadline: { due: DEADLINE, kind: 'date' } },
        ],
      },
    });
    expect(res.status).toBe(201);
    [extensionTask, completionTask] = res.body.taskIds;
    const post = async (taskId: string, path: string, body: unknown = {}) =>
      expect((await stack.api.request('POST', `/api/v1/tasks/${taskId}/${path}`, { token: btcToken, body })).status).toBe(200);
    await post(extensionTask, 'acknowledge');
    await post(extensionTask, 'extension-requests', { proposedDue: '2030-12-31', reason: 'Chờ ý kiến thẩm định của các Bộ' });
    await post(completionTask, 'acknowledge');
    await post(completionTask, 'completion', { result: 'Đã đưa hệ thống vào vận hành', documentRef: '88/BC-BTC' });
    await stack.caughtUp();
    browser = await launchChromium();
    vpcp = await WatchedContext.open(browser, stack.api.baseUrl);
    page = await vpcp.page();
    await signIn(page, VPCP.email, PASSWORD);
  }, 180_000);

  afterEach(() => expect(vpcp.errors).toEqual([]));

  afterAll(async () => {
    await browser?.close();
    await stack.dispose();
  });

  it('the review queue asks to confirm an approval and takes a comment', async () => {
    await page.getByRole('link', { name: 'Xét duyệt' }).click();
    const card = page.locator('[aria-labelledby="ext-title"] li').filter({ hasText: 'kho dữ liệu tài chính công' });
    await card.waitFor();
    await card.getByRole('button', { name: 'Chấp thuận gia hạn' }).click();
    await card.getByText('Chấp thuận gia hạn đến 31/12/2030?').waitFor(); // the question before the decision
    await card.getByLabel('Ý kiến (không bắt buộc)').fill('Đồng ý; đề nghị Bộ bảo đảm tiến độ');
    // Cancelling sends nothing.
    await card.getByRole('button', { name: 'Hủy bỏ' }).click();
    expect(await card.getByLabel('Ý kiến (không bắt buộc)').count()).toBe(0);
    await card.getByRole('button', { name: 'Chấp thuận gia hạn' }).click();
    const comment = card.getByLabel('Ý kiến (không bắt buộc)');
    expect(await comment.inputValue()).toBe('Đồng ý; đề nghị Bộ bảo đảm tiến độ'); // kept while the card is open
    await screenshot(page, '40-xet-duyet-y-kien');
    await card.getByRole('button', { name: 'Đồng ý: Chấp thuận gia hạn' }).click();
    await page.locator('.alert.success').filter({ hasText: 'Đã chấp thuận gia hạn' }).waitFor();
    const approved = (await stack.api.allEvents()).find((e) => e.type === 'ExtensionApproved');
    expect(approved?.data).toMatchObject({ due: '2030-12-31', comment: 'Đồng ý; đề nghị Bộ bảo đảm tiến độ' });
  });

  it('the task page asks to confirm an acceptance and takes a comment', async () => {
    await page.goto(`/nhiem-vu/${encodeURIComponent(completionTask)}`);
    await page.getByRole('button', { name: 'Xác nhận hoàn thành' }).click();
    const form = page.getByRole('form', { name: 'Xác nhận hoàn thành' });
    await form.getByText('Xác nhận nhiệm vụ đã hoàn thành theo báo cáo và tệp đính kèm ở trên?').waitFor();
    await form.getByLabel('Ý kiến (không bắt buộc)').fill('Kết quả đạt yêu cầu');
    await form.getByRole('button', { name: 'Đồng ý: Xác nhận hoàn thành' }).click();
    const done = page.locator('.timeline li[data-event="TaskCompleted"]');
    await done.waitFor();
    expect(await done.textContent()).toContain('Ý kiến: Kết quả đạt yêu cầu');
    expect(await done.textContent()).toContain('Nguyễn Văn An — Chuyên viên Văn phòng Chính phủ (bạn)');
    await screenshot(page, '41-xac-nhan-hoan-thanh-y-kien');
  });

  it('the timeline names each person with the role, and no internal id', async () => {
    await page.goto(`/nhiem-vu/${encodeURIComponent(extensionTask)}`);
    const timeline = page.getByRole('list', { name: 'Lịch sử xử lý' });
    await timeline.locator('li[data-event="ExtensionApproved"]').waitFor();
    const who = async (type: string) => (await timeline.locator(`li[data-event="${type}"] .hint`).first().textContent())?.trim();
    expect(await who('TaskAssigned')).toBe('Nguyễn Văn An — Chuyên viên Văn phòng Chính phủ (bạn)');
    expect(await who('TaskAcknowledged')).toBe('Trần Thị B — Đầu mối Bộ Tài chính');
    expect(await who('ExtensionRequested')).toBe('Trần Thị B — Đầu mối Bộ Tài chính');
    expect(await timeline.locator('li[data-event="ExtensionApproved"]').textContent()).toContain(
      'Ý kiến: Đồng ý; đề nghị Bộ bảo đảm tiến độ',
    );
    const text = (await timeline.textContent()) ?? '';
    for (const id of Object.values(ids)) expect(text).not.toContain(id);
    expect(text).not.toMatch(/\bu-[0-9a-f]{8,}|agency-|scheduler|\bBTC\b/);
    await screenshot(page, '42-lich-su-ten-nguoi');
  });
});
