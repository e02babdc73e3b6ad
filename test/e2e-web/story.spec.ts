import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { ARTIFACTS, launchChromium, screenshot, signIn, WatchedContext } from './support/browser';
import { readShared } from '@tdnv/testing';
import { WebStack } from './support/web-stack';

jest.setTimeout(120_000);

const SEED_003 = readShared('seeds', '003_d46952eb1e57d3ec.txt');
const PASSWORD = 'Mật-khẩu-thử-nghiệm-2020';
const USERS = {
  vpcp: { email: 'chuyenvien@chinhphu.vn', name: 'Trần Thị Thu', role: 'vpcp' },
  agency: { email: 'daumoi@mst.gov.vn', name: 'Nguyễn Văn An', role: 'agency', agency: 'BKHCN' },
  admin: { email: 'quantri@chinhphu.vn', name: 'Lê Quản Trị', role: 'admin' },
};
// The extension and completion below are on 3.b.6 ("… một ứng dụng trên thiết bị di động …", Quý III/2020).
const SEARCH = 'ung dung tren thiet bi di dong';
const localDate = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(d);
const TODAY = localDate(new Date());
const PROPOSED_DUE = localDate(new Date(Date.now() + 90 * 86_400_000));
const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('/');

/**
 * The story of issue 6 in a real Chromium: VPCP imports seed 003 and registers it; the agency signs
 * in, acknowledges, asks for an extension; VPCP approves; the agency reports completion; VPCP
 * accepts; the dashboard counts change and the appendix downloads. Any console error fails it.
 */
describe('web story (Chromium)', () => {
  // The real clock: seed 003's deadlines (2020) have all passed, so its dated tasks are overdue
  // (red) and the extension moves one of them into the future (green). A CLOCK_START in 2020 would
  // be closer to the story, but sign-in tokens are stamped with the system clock and checked
  // against the real one, so they would expire at once (reported to the lead).
  const stack = new WebStack();
  let browser: Browser;
  let vpcp: WatchedContext;
  let agency: WatchedContext;
  let vpcpPage: Page;
  let agencyPage: Page;
  let taskPath = '';
  let doneBefore = 0;

  beforeAll(async () => {
    await stack.start();
    const admin = stack.api.token('admin');
    for (const u of Object.values(USERS)) {
      const res = await stack.api.request('POST', '/api/v1/users', { token: admin, body: { ...u, password: PASSWORD } });
      expect(res.status).toBe(201);
    }
    browser = await launchChromium();
    vpcp = await WatchedContext.open(browser, stack.api.baseUrl);
    agency = await WatchedContext.open(browser, stack.api.baseUrl, { width: 390, height: 844 }); // a phone
    vpcpPage = await vpcp.page();
    agencyPage = await agency.page();
  }, 180_000);

  afterEach(() => {
    expect(vpcp.errors).toEqual([]);
    expect(agency.errors).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await stack.dispose();
  });

  it('a wrong password shows the message beside the form', async () => {
    await vpcpPage.goto('/');
    await vpcpPage.waitForURL(/\/dang-nhap/);
    await screenshot(vpcpPage, '01-dang-nhap');
    vpcp.allow(/status of 401/); // the browser logs the refused sign-in request itself
    await vpcpPage.getByLabel('Thư điện tử').fill(USERS.vpcp.email);
    await vpcpPage.getByLabel('Mật khẩu').fill('sai-mat-khau-roi');
    await vpcpPage.getByRole('button', { name: 'Đăng nhập' }).click();
    await vpcpPage.getByRole('alert').filter({ hasText: 'Email hoặc mật khẩu không đúng' }).waitFor();
  });

  it('VPCP signs in, imports seed 003, corrects the preview and registers it', async () => {
    await signIn(vpcpPage, USERS.vpcp.email, PASSWORD);
    await vpcpPage.getByRole('link', { name: 'Nhập thông báo' }).click();
    await vpcpPage.getByLabel('Toàn văn Thông báo kết luận').fill(SEED_003);
    await vpcpPage.getByRole('button', { name: 'Phân tích văn bản' }).click();
    const rows = vpcpPage.locator('table.directive-table tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(35);
    expect(await vpcpPage.locator('tr.warn').count()).toBeGreaterThan(0); // former agency names, "Định kỳ" without a date
    // The seed has no number: registering without one is refused beside the field.
    await vpcpPage.getByRole('button', { name: /^Đăng ký \d+ nhiệm vụ$/ }).click();
    await vpcpPage.locator('#reg-number-error').waitFor();
    await vpcpPage.getByLabel('Số hiệu').fill('57/TB-VPCP');
    await vpcpPage.getByLabel('Ngày ban hành').fill('12/02/2020');
    // A correction: 3.b.6 is marked as a key task (trọng tâm).
    await vpcpPage.locator('tr[data-path="3.b.6"]').getByLabel('Trọng tâm').check();
    // Every 2020 deadline has passed: the summary asks how to import them before the button acts.
    await vpcpPage
      .locator('[data-summary]')
      .getByText(/đã qua/)
      .waitFor();
    await vpcpPage.getByLabel(/Nhập để theo dõi/).check();
    await screenshot(vpcpPage, '02-nhap-thong-bao-xem-truoc');
    await vpcpPage.getByRole('button', { name: /^Đăng ký \d+ nhiệm vụ$/ }).click();
    await vpcpPage.getByRole('heading', { name: 'Đã đăng ký thông báo' }).waitFor();
    const tasks = Number(await vpcpPage.locator('.alert.success strong').textContent());
    expect(tasks).toBeGreaterThan(35);
    await screenshot(vpcpPage, '03-da-dang-ky');
    await stack.caughtUp();
  });

  it('the dashboard shows the official buckets before any work', async () => {
    await vpcpPage.getByRole('link', { name: 'Tổng hợp' }).click();
    const row = vpcpPage.locator('#stats-table tr[data-group="BKHCN"]');
    await row.waitFor();
    doneBefore = Number(await row.locator('td[data-bucket="done_on_time"]').textContent());
    expect(doneBefore).toBe(0);
    expect(Number(await row.locator('td[data-bucket="open_overdue"]').textContent())).toBeGreaterThan(0);
    await screenshot(vpcpPage, '04-tong-hop-truoc');
  });

  it('the agency signs in on a phone, finds its task without diacritics, acknowledges and asks for an extension', async () => {
    await signIn(agencyPage, USERS.agency.email, PASSWORD);
    await agencyPage.waitForURL(/\/nhiem-vu/);
    await agencyPage.locator('ul.tasks li').first().waitFor();
    expect(await agencyPage.locator('ul.tasks li.u-overdue').count()).toBeGreaterThan(0); // the 2020 deadlines have passed
    expect(await agencyPage.locator('ul.tasks li.u-none').count()).toBeGreaterThan(0); // "thường xuyên", no date
    const overflow = await agencyPage.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0); // nothing wider than the phone
    await screenshot(agencyPage, '05-hop-thu-co-quan-dien-thoai');
    await agencyPage.getByLabel('Tìm kiếm (gõ có dấu hoặc không dấu)').fill(SEARCH);
    await agencyPage.getByRole('button', { name: 'Lọc' }).click();
    await agencyPage.waitForURL(/q=ung/);
    const found = agencyPage.locator('ul.tasks li');
    await found.first().waitFor();
    await agencyPage.waitForFunction('document.querySelectorAll("ul.tasks li").length === 1');
    await found.first().locator('a').click();
    await agencyPage.waitForURL(/\/nhiem-vu\/.+/);
    taskPath = new URL(agencyPage.url()).pathname;
    // Only the lead's actions are shown; VPCP's are not rendered at all.
    await agencyPage.getByRole('button', { name: 'Tiếp nhận' }).waitFor();
    expect(await agencyPage.getByRole('button', { name: 'Xác nhận hoàn thành' }).count()).toBe(0);
    expect(await agencyPage.getByRole('button', { name: 'Thu hồi nhiệm vụ' }).count()).toBe(0);
    await agencyPage.getByRole('button', { name: 'Tiếp nhận' }).click();
    await agencyPage.locator('.timeline li[data-event="TaskAcknowledged"]').waitFor();
    await agencyPage.getByRole('button', { name: 'Đề nghị gia hạn' }).click();
    await agencyPage.getByRole('button', { name: 'Gửi: Đề nghị gia hạn' }).click();
    await agencyPage.locator('#extension-proposedDue-error').waitFor(); // required field, said beside it
    await agencyPage.getByLabel('Thời hạn đề nghị *').fill(ddmmyyyy(PROPOSED_DUE));
    await agencyPage.getByLabel('Lý do *').fill('Chờ ý kiến thẩm định của các Bộ, ngành');
    await agencyPage.getByRole('button', { name: 'Gửi: Đề nghị gia hạn' }).click();
    await agencyPage.locator('.timeline li[data-event="ExtensionRequested"]').waitFor();
    await screenshot(agencyPage, '06-nhiem-vu-de-nghi-gia-han');
    await stack.caughtUp();
  });

  it('VPCP approves the extension from the review queue', async () => {
    await vpcpPage.getByRole('link', { name: 'Xét duyệt' }).click();
    const item = vpcpPage.locator('[aria-labelledby="ext-title"] li').filter({ hasText: 'thiết bị di động' });
    await item.waitFor();
    await screenshot(vpcpPage, '07-xet-duyet-gia-han');
    await item.getByText('Chờ ý kiến thẩm định của các Bộ, ngành').waitFor(); // the reason, on the card
    await item.getByRole('button', { name: 'Chấp thuận gia hạn' }).click();
    await item.getByRole('button', { name: 'Đồng ý: Chấp thuận gia hạn' }).click(); // asked twice
    await vpcpPage.locator('.alert.success').filter({ hasText: 'Đã chấp thuận gia hạn' }).waitFor();
    await stack.caughtUp();
  });

  it('the agency sees the new deadline and reports completion', async () => {
    await agencyPage.goto(taskPath);
    await agencyPage.locator('.timeline li[data-event="ExtensionApproved"]').waitFor();
    await agencyPage.getByText('Thời hạn ban đầu: 30/09/2020').waitFor();
    await agencyPage
      .locator(`.badge[data-urgency="ok"]`)
      .filter({ hasText: ddmmyyyy(PROPOSED_DUE) })
      .waitFor(); // green now
    await agencyPage.getByRole('button', { name: 'Báo cáo hoàn thành' }).click();
    await agencyPage.getByLabel('Kết quả thực hiện *').fill('Đã trình Thủ tướng Chính phủ Đề án nền tảng ứng dụng di động');
    await agencyPage.getByLabel('Số văn bản báo cáo').fill('456/TTr-BTTTT');
    await agencyPage.getByRole('button', { name: 'Gửi: Báo cáo hoàn thành' }).click();
    await agencyPage.locator('.timeline li[data-event="CompletionReported"]').waitFor();
    await screenshot(agencyPage, '08-nhiem-vu-bao-cao-hoan-thanh');
    await stack.caughtUp();
  });

  it('VPCP accepts the completion report; the dashboard counts change', async () => {
    await vpcpPage.getByRole('link', { name: 'Xét duyệt' }).click();
    const item = vpcpPage.locator('[aria-labelledby="done-title"] li').filter({ hasText: 'thiết bị di động' });
    await item.waitFor();
    await item.getByRole('button', { name: 'Xác nhận hoàn thành' }).click();
    await item.getByRole('button', { name: 'Đồng ý: Xác nhận hoàn thành' }).click();
    await vpcpPage.locator('.alert.success').filter({ hasText: 'Đã xác nhận hoàn thành' }).waitFor();
    await screenshot(vpcpPage, '09-xet-duyet-sau-xac-nhan');
    await stack.caughtUp();
    await vpcpPage.getByRole('link', { name: 'Tổng hợp' }).click();
    const row = vpcpPage.locator('#stats-table tr[data-group="BKHCN"]');
    await row
      .locator('td[data-bucket="done_on_time"]')
      .filter({ hasText: String(doneBefore + 1) })
      .waitFor();
    await screenshot(vpcpPage, '10-tong-hop-sau');
  });

  it('the appendix downloads as Word and Excel', async () => {
    for (const [label, ext] of [
      ['Tải Phụ lục (Word)', 'docx'],
      ['Tải Phụ lục (Excel)', 'xlsx'],
    ] as const) {
      const [download] = await Promise.all([vpcpPage.waitForEvent('download'), vpcpPage.getByRole('button', { name: label }).click()]);
      expect(download.suggestedFilename()).toBe(`phu-luc-${TODAY}.${ext}`);
      const path = join(ARTIFACTS, download.suggestedFilename());
      await download.saveAs(path);
      expect(statSync(path).size).toBeGreaterThan(1000);
      expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK'); // an Office Open XML zip
    }
  });

  it('the timeline shows every step, and the notice progress rolls the tasks up', async () => {
    await vpcpPage.goto(taskPath);
    for (const type of [
      'TaskAssigned',
      'TaskAcknowledged',
      'ExtensionRequested',
      'ExtensionApproved',
      'CompletionReported',
      'TaskCompleted',
    ]) {
      await vpcpPage.locator(`.timeline li[data-event="${type}"]`).waitFor();
    }
    expect(await vpcpPage.locator('section.card button, [data-action]').count()).toBe(0); // completed: nothing left to do
    await screenshot(vpcpPage, '11-nhiem-vu-hoan-thanh');
    await vpcpPage.getByRole('link', { name: /^Thông báo 57\/TB-VPCP/ }).click();
    await vpcpPage
      .getByText(/\d+\/\d+ (bộ, ngành, địa phương|cơ quan) đã hoàn thành/)
      .first()
      .waitFor();
    await screenshot(vpcpPage, '12-tien-do-thong-bao');
  });
});
