import { Browser } from 'playwright-core';
import { launchChromium, screenshot, signIn, WatchedContext } from './support/browser';
import { WebStack } from './support/web-stack';

// These callbacks run inside the page; the test program has no DOM types, so its globals are declared.
declare const document: { activeElement: { textContent: string | null } | null };
declare const location: { protocol: string };
declare const sessionStorage: { setItem(key: string, value: string): void };

jest.setTimeout(120_000);

const PASSWORD = 'Mật-khẩu-thử-nghiệm-2026';
const UNIT = { code: 'BTC-CUC-TH', name: 'Cục Tin học và Thống kê tài chính' };
const DEADLINE = '2030-12-31';

/**
 * The lead agency delegates from the task page to one of its own units (added through the API): a
 * due date after the task's deadline is refused beside the field, a good one lists the child task,
 * and the unit's user sees the child with its link back to the task it came from.
 */
describe('delegation to a unit (Chromium)', () => {
  const stack = new WebStack();
  let browser: Browser;
  let taskId = '';

  beforeAll(async () => {
    await stack.start();
    const admin = stack.api.token('admin');
    const user = { email: 'daumoi@mof.gov.vn', name: 'Phạm Thị Bình', role: 'agency', agency: 'BTC', password: PASSWORD };
    expect((await stack.api.request('POST', '/api/v1/users', { token: admin, body: user })).status).toBe(201);
    const unit = await stack.api.request('POST', '/api/v1/agencies/BTC/units', { token: stack.api.token('agency', 'BTC'), body: UNIT });
    expect(unit.status).toBe(201);
    const res = await stack.api.request('POST', '/api/v1/notices', {
      token: stack.api.token('vpcp'),
      body: {
        number: '21/TB-VPCP',
        issuedAt: '2026-02-12',
        title: 'Kết luận về chuyển đổi số ngành tài chính',
        directives: [{ text: 'Xây dựng kho dữ liệu tài chính công', lead: ['BTC'], deadline: { due: DEADLINE, kind: 'date' } }],
      },
    });
    expect(res.status).toBe(201);
    taskId = res.body.taskIds[0];
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack.dispose();
  });

  it('the lead delegates to its unit; the unit sees "Giao từ nhiệm vụ …" with a link back', async () => {
    const lead = await WatchedContext.open(browser, stack.api.baseUrl);
    const page = await lead.page();
    await signIn(page, 'daumoi@mof.gov.vn', PASSWORD);
    await page.goto(`/nhiem-vu/${taskId}`);
    // Not offered before the task is acknowledged.
    await page.getByRole('button', { name: 'Tiếp nhận' }).waitFor();
    expect(await page.getByRole('button', { name: 'Giao đơn vị cấp dưới' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Tiếp nhận' }).click();
    await page.locator('.timeline li[data-event="TaskAcknowledged"]').waitFor();

    // Opened with the keyboard; every control is found by its label.
    await page.getByRole('button', { name: 'Giao đơn vị cấp dưới' }).focus();
    await page.keyboard.press('Enter');
    const unit = page.getByLabel('Đơn vị cấp dưới *');
    await unit.waitFor();
    // Exactly BTC's own units, as GET /agencies lists them (the catalogue's and the one just added).
    const catalogue = (await stack.api.request('GET', '/api/v1/agencies', { token: stack.api.token('agency', 'BTC') })).body as {
      items: { code: string; name: string; parent?: string }[];
    };
    // By name only: the code is in the option's tooltip, not its text (issue 13).
    const own = catalogue.items.filter((a) => a.parent === 'BTC').map((a) => a.name);
    expect(own).toContain(UNIT.name);
    expect(await unit.locator('option').allTextContents()).toEqual(['— Chọn —', ...own]);
    await unit.selectOption(UNIT.code);
    const due = page.getByLabel('Thời hạn giao đơn vị *');
    expect(await due.getAttribute('placeholder')).toBe('dd/mm/yyyy');
    await page.getByText('không muộn hơn thời hạn của nhiệm vụ (31/12/2030)').waitFor();

    // Not a date: said beside the field before anything is sent.
    await due.fill('31/02/2030');
    await page.getByRole('button', { name: 'Gửi: Giao đơn vị cấp dưới' }).click();
    await page.locator('#delegate-due-error').filter({ hasText: 'nhập theo dạng dd/mm/yyyy' }).waitFor();

    // Later than the task's deadline: the API refuses it and the page says so beside the field.
    lead.allow(/status of 400/); // the browser logs the refused request itself
    await due.fill('15/01/2031');
    await page.getByRole('button', { name: 'Gửi: Giao đơn vị cấp dưới' }).click();
    const dueError = page.locator('#delegate-due-error');
    await dueError.waitFor();
    await dueError.filter({ hasText: 'Thời hạn giao đơn vị không được muộn hơn thời hạn của nhiệm vụ (31/12/2030)' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'Dữ liệu không hợp lệ' }).waitFor();
    expect(await due.getAttribute('aria-invalid')).toBe('true');
    expect((await due.getAttribute('aria-describedby'))?.split(' ')).toContain('delegate-due-error');
    await screenshot(page, '30-giao-don-vi-qua-han');

    // Typed with the keyboard: the due date, Tab to the note, and the form is sent with Enter on its button.
    await due.fill('');
    await due.focus();
    await page.keyboard.type('30/06/2030');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Cục Tin học chủ trì xây dựng phần mềm kho dữ liệu');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Gửi: Giao đơn vị cấp dưới');
    await page.keyboard.press('Enter');
    const children = page.getByRole('region', { name: 'Nhiệm vụ giao đơn vị' });
    const childLink = children.getByRole('link', { name: UNIT.name });
    await childLink.waitFor();
    await children.getByText('30/06/2030').waitFor();
    await page.locator('.timeline li[data-event="TaskDelegated"]').waitFor();
    const childPath = (await childLink.getAttribute('href'))!;
    const childId = decodeURIComponent(childPath.replace('/nhiem-vu/', ''));
    await screenshot(page, '31-giao-don-vi-thanh-cong');

    // The unit's user (a token from the harness) opens the child task.
    const unitCtx = await WatchedContext.open(browser, stack.api.baseUrl);
    const token = stack.api.token('agency', UNIT.code);
    await unitCtx.context.addInitScript((t: string) => {
      if (location.protocol.startsWith('http')) sessionStorage.setItem('tdnv.token', t); // not on about:blank
    }, token);
    const unitPage = await unitCtx.page();
    await unitPage.goto(childPath);
    const from = unitPage.locator('p.delegated-from');
    await from.waitFor();
    expect(await from.textContent()).toBe('Giao từ nhiệm vụ của Bộ Tài chính');
    expect(await from.getByRole('link', { name: 'nhiệm vụ của Bộ Tài chính' }).getAttribute('href')).toBe(
      `/nhiem-vu/${encodeURIComponent(taskId)}`,
    );
    await unitPage.getByRole('button', { name: 'Tiếp nhận' }).waitFor(); // the unit leads the child
    // The title stays the Government's directive; the ministry's note is apart, under its own heading.
    expect(await unitPage.locator('h1.task-title').textContent()).toBe('Xây dựng kho dữ liệu tài chính công');
    const note = unitPage.getByRole('region', { name: 'Ghi chú giao việc của Bộ Tài chính' });
    await note.getByText('Cục Tin học chủ trì xây dựng phần mềm kho dữ liệu', { exact: true }).waitFor();
    await screenshot(unitPage, '32-nhiem-vu-don-vi');

    // The lead follows the child link and comes back by the link on the child.
    await childLink.click();
    await page.waitForURL((url) => decodeURIComponent(url.pathname) === `/nhiem-vu/${childId}`);
    await page.locator('p.delegated-from').getByRole('link', { name: 'nhiệm vụ của Bộ Tài chính' }).click();
    await page.waitForURL((url) => decodeURIComponent(url.pathname) === `/nhiem-vu/${taskId}`);
    await page.getByRole('region', { name: 'Nhiệm vụ giao đơn vị' }).waitFor();

    expect(lead.errors).toEqual([]);
    expect(unitCtx.errors).toEqual([]);
    await unitCtx.close();
    await lead.close();
  });
});
