import { Browser } from 'playwright-core';
import { launchChromium, screenshot, signIn, WatchedContext } from './support/browser';
import { WebStack } from './support/web-stack';

jest.setTimeout(120_000);

const PASSWORD = 'Mật-khẩu-thử-nghiệm-2026';

/** A 409 explained and reloaded, validation errors beside their fields, and the admin pages. */
describe('conflicts, validation and admin pages (Chromium)', () => {
  const stack = new WebStack();
  let browser: Browser;
  let taskPath = '';

  beforeAll(async () => {
    await stack.start();
    const admin = stack.api.token('admin');
    for (const u of [
      { email: 'daumoi@mof.gov.vn', name: 'Phạm Thị Bình', role: 'agency', agency: 'BTC' },
      { email: 'quantri@chinhphu.vn', name: 'Lê Quản Trị', role: 'admin' },
    ]) {
      expect((await stack.api.request('POST', '/api/v1/users', { token: admin, body: { ...u, password: PASSWORD } })).status).toBe(201);
    }
    const res = await stack.api.request('POST', '/api/v1/notices', {
      token: stack.api.token('vpcp'),
      body: {
        number: '12/TB-VPCP',
        issuedAt: '2026-02-12',
        title: 'Kết luận về dữ liệu dân cư',
        directives: [{ text: 'Hoàn thiện Cơ sở dữ liệu quốc gia về dân cư', lead: ['BTC'], deadline: { due: '2030-12-31', kind: 'year' } }],
      },
    });
    expect(res.status).toBe(201);
    taskPath = `/nhiem-vu/${res.body.taskIds[0]}`;
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack.dispose();
  });

  it('a stale page gets "Nhiệm vụ đã được người khác thay đổi" with the new state, and reloads', async () => {
    const first = await WatchedContext.open(browser, stack.api.baseUrl);
    const second = await WatchedContext.open(browser, stack.api.baseUrl);
    second.allow(/status of 409/); // the browser logs the refused request itself; the page explains it
    const a = await first.page();
    const b = await second.page();
    for (const page of [a, b]) {
      await signIn(page, 'daumoi@mof.gov.vn', PASSWORD);
      await page.goto(taskPath);
      await page.getByRole('button', { name: 'Tiếp nhận' }).waitFor();
    }
    await a.getByRole('button', { name: 'Tiếp nhận' }).click();
    await a.locator('.timeline li[data-event="TaskAcknowledged"]').waitFor();
    await b.getByRole('button', { name: 'Tiếp nhận' }).click(); // b still shows revision 0
    await b.getByRole('alert').filter({ hasText: 'Nhiệm vụ đã được người khác thay đổi' }).waitFor();
    await b.locator('.timeline li[data-event="TaskAcknowledged"]').waitFor(); // reloaded: the new state
    expect(await b.getByRole('button', { name: 'Tiếp nhận' }).count()).toBe(0);
    await screenshot(b, '20-xung-dot-409');

    // A percent above 100 is refused by the API; the message appears beside the field.
    second.allow(/status of 400/);
    await b.getByRole('button', { name: 'Báo cáo tiến độ' }).click();
    await b.getByLabel('Nội dung *').fill('Đã xây dựng dự thảo');
    await b.getByLabel('Tỷ lệ hoàn thành (%)').fill('150');
    await b.getByRole('button', { name: 'Gửi: Báo cáo tiến độ' }).click();
    await b.locator('#progress-percent-error').waitFor();
    await screenshot(b, '21-loi-nhap-lieu');
    expect(first.errors).toEqual([]);
    expect(second.errors).toEqual([]);
    await first.close();
    await second.close();
  });

  it('the admin manages users and agency contacts', async () => {
    const ctx = await WatchedContext.open(browser, stack.api.baseUrl);
    ctx.allow(/status of 400/);
    const page = await ctx.page();
    await signIn(page, 'quantri@chinhphu.vn', PASSWORD);
    await page.waitForURL(/\/quan-tri\/nguoi-dung/);
    await page.getByLabel('Email').fill('theodoi@chinhphu.vn');
    await page.getByLabel('Họ và tên').fill('Đỗ Văn Theo');
    await page.getByLabel('Vai trò').selectOption('viewer');
    await page.getByLabel('Mật khẩu (ít nhất 10 ký tự)').fill('ngan');
    await page.getByRole('button', { name: 'Tạo người dùng' }).click();
    await page.locator('#u-password-error').waitFor(); // refused by the API, said beside the field
    await page.getByLabel('Mật khẩu (ít nhất 10 ký tự)').fill(PASSWORD);
    await page.getByRole('button', { name: 'Tạo người dùng' }).click();
    await page.getByRole('cell', { name: 'theodoi@chinhphu.vn' }).waitFor();
    await screenshot(page, '22-quan-tri-nguoi-dung');

    await page.getByRole('link', { name: 'Cơ quan' }).click();
    await page.getByLabel('Tìm cơ quan').fill('tai chinh');
    const btc = page.locator('li[data-agency="BTC"]');
    await btc.getByRole('button', { name: 'Sửa đầu mối' }).click();
    await btc.getByLabel(/Email đầu mối/).fill('khong-phai-email');
    await btc.getByRole('button', { name: 'Lưu' }).click();
    await btc.locator('#c-BTC-focal-error').waitFor();
    await btc.getByLabel(/Email đầu mối/).fill('vanthu@mof.gov.vn');
    await btc.getByLabel('Email lãnh đạo cơ quan').fill('lanhdao@mof.gov.vn');
    await btc.getByRole('button', { name: 'Lưu' }).click();
    await btc.getByText('Đầu mối: vanthu@mof.gov.vn').waitFor();
    await screenshot(page, '23-quan-tri-co-quan');
    expect(ctx.errors).toEqual([]);
    await ctx.close();
  });
});
