import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { readShared } from '@tdnv/testing';
import { ARTIFACTS, launchChromium, screenshot, WatchedContext } from './support/browser';
import { WebStack } from './support/web-stack';

jest.setTimeout(120_000);

const SEED_003 = readShared('seeds', '003_d46952eb1e57d3ec.txt');
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('Báo cáo kết quả triển khai ứng dụng di động\n'.repeat(3000))]);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Words of English a preview must not show (the parser's and the page's text are Vietnamese). */
const ENGLISH = /\b(is|the|of|and|over|took|former|name|deadline|warning|unresolved|agency|coordinator|past)\b/i;
/** Document numbers ("57/TB-VPCP", "456/TTr-BTTTT") hold agency abbreviations by right: left out of the code check. */
const DOCUMENT_NUMBER = /\d+\/[\p{L}-]+/gu;

/**
 * Issue 13, as a VPCP officer, an agency, a provincial committee and its Sở would use the app in
 * Chromium: directives instead of copies, names instead of codes, evidence attached, each reviewer
 * its own queue, Vietnamese throughout, dd/mm/yyyy whatever the browser's language.
 */
describe('daily use (Chromium)', () => {
  const stack = new WebStack();
  let browser: Browser;
  let codes: string[] = [];
  let vpcp: WatchedContext;
  let vpcpPage: Page;
  const vpcpToken = () => stack.api.token('vpcp', undefined, 'u-chuyenvien-vpcp');

  /** The visible text of the page, without document numbers, holds none of the catalogue's codes. */
  async function expectNoAgencyCode(page: Page, where: string): Promise<void> {
    const text = (await page.locator('body').innerText()).replace(DOCUMENT_NUMBER, ' ');
    const found = codes.filter((c) => new RegExp(`(^|[^\\p{L}\\d_-])${c}($|[^\\p{L}\\d_-])`, 'u').test(text));
    expect({ where, found }).toEqual({ where, found: [] });
  }

  async function as(token: string, options: { phone?: boolean; locale?: string } = {}) {
    const ctx = await WatchedContext.open(
      browser,
      stack.api.baseUrl,
      options.phone ? { width: 390, height: 844 } : undefined,
      options.locale,
    );
    await ctx.signInWith(token);
    return { ctx, page: await ctx.page() };
  }

  beforeAll(async () => {
    await stack.start();
    const agencies = await stack.api.request('GET', '/api/v1/agencies', { token: vpcpToken() });
    codes = (agencies.body.items as { code: string }[]).map((a) => a.code);
    browser = await launchChromium();
    ({ ctx: vpcp, page: vpcpPage } = await as(vpcpToken()));
  }, 180_000);

  afterEach(() => expect(vpcp.errors).toEqual([]));

  afterAll(async () => {
    await browser?.close();
    await stack.dispose();
  });

  it('the import preview of seed 003 speaks Vietnamese: warnings as sentences on their row, names in the pickers, a summary before the button', async () => {
    await vpcpPage.goto('/nhap-thong-bao');
    await vpcpPage.getByLabel('Toàn văn Thông báo kết luận').fill(SEED_003);
    await vpcpPage.getByRole('button', { name: 'Phân tích văn bản' }).click();
    await vpcpPage.locator('table.directive-table tbody tr').first().waitFor();
    const summary = vpcpPage.locator('[data-summary]');
    await summary.getByText(/^35 chỉ đạo → \d+ nhiệm vụ/).waitFor();
    await summary.getByText(/nhiệm vụ có thời hạn đã qua/).waitFor();
    // A former name, said on its row; a past deadline and a day off, said with their dates.
    const row = vpcpPage.locator('tr[data-path="3.b.6"]');
    await row.getByText(/là tên cơ quan trước khi sắp xếp/).waitFor();
    await row.getByText('Thời hạn 30/09/2020 đã qua: nhiệm vụ sẽ quá hạn ngay khi nhập.').waitFor();
    await vpcpPage
      .getByText(/ngày nghỉ: hạn cuối tính đến hết ngày làm việc tiếp theo/)
      .first()
      .waitFor();
    // The fanned-out lead reads as its name, not ALL_MINISTRIES_AND_PROVINCES.
    await vpcpPage.locator('tr[data-path="3.a.1"] .chip').getByText('Các Bộ, ngành, địa phương').waitFor();
    const text = await vpcpPage.locator('form').innerText();
    expect(text).not.toMatch(/[A-Z]+_[A-Z_]+/);
    const english = text.split('\n').filter((line) => ENGLISH.test(line.replace(DOCUMENT_NUMBER, ' ')));
    expect(english).toEqual([]);
    await screenshot(vpcpPage, '40-nhap-xem-truoc-tieng-viet');

    await vpcpPage.getByLabel('Số hiệu').fill('57/TB-VPCP');
    await vpcpPage.getByLabel('Ngày ban hành').fill('12/02/2020');
    await vpcpPage.getByRole('button', { name: /^Đăng ký \d+ nhiệm vụ$/ }).click();
    await vpcpPage.getByText('Hãy chọn cách nhập các nhiệm vụ đã quá hạn').waitFor(); // asked, not assumed
    await vpcpPage.getByLabel(/Nhập như dữ liệu lịch sử/).check();
    await vpcpPage.getByRole('button', { name: /^Đăng ký \d+ nhiệm vụ$/ }).click();
    await vpcpPage.getByRole('heading', { name: 'Đã đăng ký thông báo' }).waitFor();
    await stack.caughtUp();
  });

  it('VPCP reads its inbox by directive: one row per fanned-out directive with its roll-up, opened to its agencies', async () => {
    await vpcpPage.goto('/nhiem-vu');
    const totals = vpcpPage.locator('[data-totals]');
    await totals.getByText(/^\d+ nhiệm vụ · \d+ quá hạn/).waitFor();
    const [total] = (await totals.innerText()).match(/\d+/)!;
    expect(Number(total)).toBeGreaterThan(400); // the server's count for the whole filter, not the 50 loaded
    const group = vpcpPage
      .locator('li[data-directive]')
      .filter({ has: vpcpPage.locator('[data-rollup]') })
      .first();
    await group.waitFor();
    await group
      .locator('[data-rollup]')
      .getByText(/^0\/\d+ cơ quan đã hoàn thành/)
      .waitFor();
    const rows = await vpcpPage.locator('li[data-directive]').count();
    expect(rows).toBeLessThanOrEqual(35);
    await group.getByText(/^Xem \d+ nhiệm vụ theo cơ quan$/).click();
    await group.locator('ul.tasks li a').getByText('Bộ Tài chính', { exact: true }).waitFor();
    await expectNoAgencyCode(vpcpPage, 'VPCP inbox, by directive');
    await screenshot(vpcpPage, '41-hop-thu-vpcp-theo-chi-dao');
    const phone = await as(vpcpToken(), { phone: true });
    await phone.page.goto('/nhiem-vu');
    await phone.page.locator('[data-rollup]').first().waitFor();
    expect(await phone.page.evaluate('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(0);
    await screenshot(phone.page, '41b-hop-thu-vpcp-dien-thoai');
    expect(phone.ctx.errors).toEqual([]);
    await phone.ctx.close();

    // Filtering by a name typed without diacritics.
    await vpcpPage.getByLabel('Cơ quan', { exact: true }).fill('bo tai chinh');
    await vpcpPage.getByRole('option', { name: 'Bộ Tài chính' }).click();
    await vpcpPage.getByRole('button', { name: 'Lọc' }).click();
    await vpcpPage.waitForURL(/agency=BTC/);
    await vpcpPage.locator('ul.tasks li[data-task-id]').first().waitFor();
    await vpcpPage
      .locator('[data-totals]')
      .getByText(/^[1-9]\d* nhiệm vụ/)
      .waitFor();
    await expectNoAgencyCode(vpcpPage, 'VPCP inbox, one agency');
  });

  it('the agency reports completion with a PDF; VPCP sees it in its review queue and downloads the same bytes', async () => {
    const { ctx, page } = await as(stack.api.token('agency', 'BKHCN', 'u-daumoi-bkhcn'), { phone: true });
    await page.goto('/nhiem-vu?q=ung+dung+tren+thiet+bi+di+dong');
    await page.getByRole('heading', { name: 'Nhiệm vụ của Bộ Khoa học và Công nghệ' }).waitFor();
    await page.locator('ul.tasks li a').first().click();
    await page.waitForURL(/\/nhiem-vu\/.+/);
    await expectNoAgencyCode(page, 'agency inbox');
    await page.getByRole('button', { name: 'Tiếp nhận' }).click();
    await page.locator('.timeline li[data-event="TaskAcknowledged"]').waitFor();
    await page.getByRole('button', { name: 'Báo cáo hoàn thành' }).click();
    await page.getByLabel('Kết quả thực hiện *').fill('Đã trình Thủ tướng Chính phủ Đề án nền tảng ứng dụng di động');
    await page.getByLabel(/Tệp đính kèm/).setInputFiles({ name: 'Báo cáo hoàn thành.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: 'Gửi: Báo cáo hoàn thành' }).click();
    await page.locator('.timeline li[data-event="CompletionReported"]').getByRole('button', { name: 'Báo cáo hoàn thành.pdf' }).waitFor();
    await page.getByRole('region', { name: 'Tệp đính kèm' }).getByRole('button', { name: 'Báo cáo hoàn thành.pdf' }).waitFor();
    await expectNoAgencyCode(page, 'task page, agency');
    await screenshot(page, '42-bao-cao-hoan-thanh-kem-tep');
    expect(ctx.errors).toEqual([]);
    await ctx.close();
    await stack.caughtUp();

    await vpcpPage.goto('/xet-duyet');
    const card = vpcpPage.locator('[aria-labelledby="done-title"] li').filter({ hasText: 'thiết bị di động' });
    await card.getByText('Đã trình Thủ tướng Chính phủ Đề án nền tảng ứng dụng di động').waitFor();
    const [download] = await Promise.all([
      vpcpPage.waitForEvent('download'),
      card.getByRole('button', { name: 'Báo cáo hoàn thành.pdf' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Báo cáo hoàn thành.pdf');
    const saved = join(ARTIFACTS, 'tep-dinh-kem-tai-ve.pdf');
    await download.saveAs(saved);
    expect(sha256(readFileSync(saved))).toBe(sha256(PDF));
    await expectNoAgencyCode(vpcpPage, 'review page');
    await screenshot(vpcpPage, '43-xet-duyet-kem-tep');
    await card.getByRole('button', { name: 'Xác nhận hoàn thành' }).click();
    await card.getByText('Xác nhận nhiệm vụ đã hoàn thành theo báo cáo trên?').waitFor();
    await card.getByRole('button', { name: 'Đồng ý: Xác nhận hoàn thành' }).click();
    await vpcpPage.locator('.alert.success').filter({ hasText: 'Đã xác nhận hoàn thành' }).waitFor();
    await stack.caughtUp();
  });

  it('the dashboard names agencies, rates on-time over every task whose deadline has come, and fits a phone', async () => {
    await vpcpPage.goto('/tong-hop');
    await vpcpPage.locator('#stats-table tr[data-group="BKHCN"]').waitFor();
    const rate = await vpcpPage.locator('[data-rate]').innerText();
    expect(rate).toMatch(/^[0-4]%$/); // 1 done on time among hundreds overdue: not "100%"
    await expectNoAgencyCode(vpcpPage, 'dashboard');
    await screenshot(vpcpPage, '44-tong-hop');
    // By directive: the same roll-ups as the inbox; and a notice's page names its late agencies.
    await vpcpPage.getByLabel('Tổng hợp theo').selectOption('directive');
    await vpcpPage.locator('[data-rollup]').first().waitFor();
    await expectNoAgencyCode(vpcpPage, 'dashboard by directive');
    await vpcpPage.getByRole('link', { name: 'Thông báo 57/TB-VPCP' }).first().click();
    await vpcpPage
      .locator('.overdue-list')
      .first()
      .getByText(/^Quá hạn: /)
      .waitFor();
    await expectNoAgencyCode(vpcpPage, 'notice page');
    await screenshot(vpcpPage, '44b-tien-do-thong-bao');
    const { ctx, page } = await as(vpcpToken(), { phone: true });
    await page.goto('/tong-hop');
    await page.locator('#stats-table tr[data-group="BKHCN"]').waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(0);
    expect(await page.evaluate('document.documentElement.scrollHeight')).toBeLessThan(7000);
    await screenshot(page, '45-tong-hop-dien-thoai');
    expect(ctx.errors).toEqual([]);
    await ctx.close();
  });

  it("a Sở's extension request is in the review queue of the Ủy ban nhân dân that delegated it, not in VPCP's", async () => {
    // The admin adds the Sở under the province from the agencies page.
    const { ctx: adminCtx, page: admin } = await as(stack.api.token('admin', undefined, 'u-quantri'));
    await admin.goto('/quan-tri/co-quan');
    await admin
      .locator('[data-missing-contacts]')
      .getByText(/chưa có email đầu mối/)
      .waitFor(); // reminders to them go nowhere
    await admin.getByLabel(/Tìm cơ quan/).fill('lao cai');
    const province = admin.locator('li[data-agency="LCI"]');
    await province.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).click();
    await province.getByLabel('Tên đơn vị *').fill('Sở Tài chính tỉnh Lào Cai');
    await province.getByRole('button', { name: 'Thêm đơn vị', exact: true }).click();
    await province.getByText('Đã thêm Sở Tài chính tỉnh Lào Cai.').waitFor();
    await screenshot(admin, '46-quan-tri-them-don-vi');
    expect(adminCtx.errors).toEqual([]);
    await adminCtx.close();
    const catalogue = await stack.api.request('GET', '/api/v1/agencies', { token: vpcpToken() });
    const so = (catalogue.body.items as { code: string; name: string; parent?: string }[]).find(
      (a) => a.parent === 'LCI' && a.name === 'Sở Tài chính tỉnh Lào Cai',
    )!;
    codes.push(so.code);

    const registered = await stack.api.request('POST', '/api/v1/notices', {
      token: vpcpToken(),
      body: {
        number: '88/TB-VPCP',
        issuedAt: '2026-02-12',
        title: 'Kết luận về giải ngân vốn đầu tư công',
        directives: [
          { text: 'Đẩy nhanh giải ngân vốn đầu tư công năm 2026', lead: ['LCI'], deadline: { due: '2030-12-31', kind: 'date' } },
        ],
      },
    });
    const parent = registered.body.taskIds[0] as string;
    const lci = stack.api.token('agency', 'LCI', 'u-daumoi-laocai');
    const soToken = stack.api.token('agency', so.code, 'u-daumoi-so');
    expect((await stack.api.request('POST', `/api/v1/tasks/${parent}/acknowledge`, { token: lci, body: {} })).status).toBe(200);
    const delegated = await stack.api.request('POST', `/api/v1/tasks/${parent}/delegate`, {
      token: lci,
      body: { agency: so.code, due: '2030-06-30' },
    });
    expect(delegated.status).toBe(200);
    const child = (await stack.api.request('GET', `/api/v1/tasks/${parent}`, { token: lci })).body.children[0] as string;
    expect((await stack.api.request('POST', `/api/v1/tasks/${child}/acknowledge`, { token: soToken, body: {} })).status).toBe(200);
    const asked = await stack.api.request('POST', `/api/v1/tasks/${child}/extension-requests`, {
      token: soToken,
      body: { proposedDue: '2030-09-30', reason: 'Chờ Hội đồng nhân dân tỉnh phân bổ vốn' },
    });
    expect(asked.status).toBe(200);
    await stack.caughtUp();

    await vpcpPage.goto('/xet-duyet');
    await vpcpPage.locator('#ext-title').waitFor();
    expect(await vpcpPage.locator(`li[data-task-id="${child}"]`).count()).toBe(0);

    const { ctx, page } = await as(lci);
    await page.goto('/xet-duyet');
    const card = page.locator(`li[data-task-id="${child}"]`);
    await card.getByText('Chờ Hội đồng nhân dân tỉnh phân bổ vốn').waitFor(); // the reason
    await card.getByText('30/09/2030').waitFor(); // the proposed date
    await card.getByRole('link', { name: 'Thông báo 88/TB-VPCP' }).waitFor(); // the notice
    await card.getByText('Sở Tài chính tỉnh Lào Cai').waitFor();
    await expectNoAgencyCode(page, 'review page of the province');
    await screenshot(page, '47-xet-duyet-cua-ubnd-tinh');
    await card.getByRole('button', { name: 'Không chấp thuận' }).click();
    await card.getByRole('button', { name: 'Gửi: Không chấp thuận' }).click();
    await card.getByText('Vui lòng nhập ý kiến, lý do').waitFor(); // the comment is asked for
    await card.getByLabel('Ý kiến, lý do *').fill('Đề nghị Sở hoàn thành trong thời hạn đã giao');
    await card.getByRole('button', { name: 'Gửi: Không chấp thuận' }).click();
    await page.locator('.alert.success').filter({ hasText: 'Đã không chấp thuận gia hạn' }).waitFor();
    const history = await stack.api.request('GET', `/api/v1/tasks/${child}/history`, { token: soToken });
    expect(history.body.events.map((e: { type: string }) => e.type)).toContain('ExtensionRejected');
    expect(ctx.errors).toEqual([]);
    await ctx.close();
  });

  it('dates are typed and shown as dd/mm/yyyy under an English browser', async () => {
    const { ctx, page } = await as(stack.api.token('agency', 'BTC', 'u-daumoi-btc'), { locale: 'en-US' });
    expect(await page.evaluate('navigator.language')).toBe('en-US');
    await page.goto('/nhiem-vu?role=lead');
    await page.locator('ul.tasks li a').first().click();
    await page.waitForURL(/\/nhiem-vu\/.+/);
    const acknowledge = page.getByRole('button', { name: 'Tiếp nhận' });
    if (await acknowledge.count()) {
      await acknowledge.click();
      await page.locator('.timeline li[data-event="TaskAcknowledged"]').waitFor();
    }
    await page.getByRole('button', { name: 'Đề nghị gia hạn' }).click();
    const due = page.getByLabel('Thời hạn đề nghị *');
    expect(await due.getAttribute('placeholder')).toBe('dd/mm/yyyy');
    expect(await due.getAttribute('type')).toBe('text');
    await due.fill('30/06/2031');
    await page.getByLabel('Lý do *').fill('Chờ ý kiến thẩm định');
    await page.getByRole('button', { name: 'Gửi: Đề nghị gia hạn' }).click();
    await page.locator('.timeline li[data-event="ExtensionRequested"]').getByText('Thời hạn đề nghị: 30/06/2031').waitFor();
    await expectNoAgencyCode(page, 'task page, English browser');
    await page.goto('/tong-hop');
    const asOf = page.getByLabel('Số liệu tính đến ngày');
    expect(await asOf.getAttribute('placeholder')).toBe('dd/mm/yyyy');
    await asOf.fill('31/12/2025');
    await page.waitForURL(/asOf=2025-12-31/);
    await page.getByText('Số liệu tính đến ngày 31/12/2025').waitFor();
    await screenshot(page, '48-ngay-dd-mm-yyyy-trinh-duyet-tieng-anh');
    expect(ctx.errors).toEqual([]);
    await ctx.close();
  });
});
