import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Locator, Page } from 'playwright-core';
import { screenshot, WatchedContext } from './support/browser';
import { signedInStory } from './support/signed-in-story';
import { WebStack } from './support/web-stack';

jest.setTimeout(120_000);

/**
 * A ministry's internal conclusion notice (a Bộ trưởng's giao ban meeting), whose leads are the
 * ministry's own Vụ, which the central catalogue does not hold; its text is our own. "Vụ Hợp tác
 * quốc tế" is proposed as BTP_VHTQT, a code an admin gives another unit first, so adding it is refused.
 */
const NOTICE = readFileSync(join(__dirname, 'fixtures', 'thong-bao-don-vi-thuoc-bo.txt'), 'utf8');

/**
 * Issue 12, "an open agency world", in the import preview in Chromium: a lead outside the catalogue
 * is said with what it probably is and where it belongs, and VPCP adds it as a unit of its parent
 * in one step (or gives the task to the parent); a refusal is the server's own words on the row.
 */
describe('a lead outside the catalogue, added as a unit from the preview (Chromium)', () => {
  const stack = new WebStack();
  let browser: Browser;
  let vpcp: WatchedContext;
  let page: Page;
  const vpcpToken = () => stack.api.token('vpcp', undefined, 'u-chuyenvien-vpcp');
  const row = (path: string): Locator => page.locator(`tr[data-path="${path}"]`);

  signedInStory(
    stack,
    vpcpToken,
    (opened) => ({ browser, watched: vpcp, page } = opened),
    async () => {
      const taken = await stack.api.request('POST', '/api/v1/agencies/BTP/units', {
        token: stack.api.token('admin'),
        body: { code: 'BTP_VHTQT', name: 'Văn phòng Hội đồng tư vấn quốc tế' },
      });
      expect(taken.status).toBe(201);
    },
  );

  it('the preview says what each unknown lead probably is, with a one-step button to add it', async () => {
    await page.goto('/nhap-thong-bao');
    await page.getByLabel('Toàn văn Thông báo kết luận').fill(NOTICE);
    await page.getByRole('button', { name: 'Phân tích văn bản' }).click();
    await row('1').waitFor();
    await row('1')
      .getByText('⚠ “Vụ Pháp luật quốc tế” chưa có trong danh mục cơ quan (một đơn vị thuộc Bộ; cấp trên có thể là Bộ Tư pháp).')
      .waitFor();
    await row('1').getByRole('button', { name: 'Thêm «Vụ Pháp luật quốc tế» làm đơn vị của Bộ Tư pháp' }).waitFor();
    // A group of the ministry's units is no unit to add: only given to the ministry, or chosen by hand.
    expect(
      await row('3')
        .getByRole('button', { name: /^Thêm «/ })
        .count(),
    ).toBe(0);
    await row('3').getByRole('button', { name: 'Giao cho Bộ Tư pháp' }).waitFor();
    expect(await page.locator('tr.warn').count()).toBe(3);
    await screenshot(page, '64-nhap-co-quan-ngoai-danh-muc');
  });

  it('VPCP adds it in one step: the row’s lead is the new unit, by its name', async () => {
    await row('1').getByRole('button', { name: 'Thêm «Vụ Pháp luật quốc tế» làm đơn vị của Bộ Tư pháp' }).click();
    await row('1').getByText('✓ Đã thêm “Vụ Pháp luật quốc tế” vào danh mục, là đơn vị của Bộ Tư pháp.').waitFor();
    await row('1').locator('.chip').getByText('Vụ Pháp luật quốc tế').waitFor();
    expect(await row('1').locator('.chip').getAttribute('data-code')).toBe('BTP_VPLQT');
    expect(await row('1').innerText()).not.toContain('BTP_VPLQT'); // the name, never the code
    expect(await row('1').getAttribute('class')).not.toBe('warn');
    // The lead picker now finds the new unit by name too.
    await row('2').getByLabel('Cơ quan chủ trì 2').fill('vu phap luat quoc te');
    await row('2')
      .getByRole('option', { name: /Vụ Pháp luật quốc tế/ })
      .waitFor();
    await row('2').getByLabel('Cơ quan chủ trì 2').fill('');
  });

  it('a refused add shows the server’s words on the row; VPCP gives that task to the ministry instead', async () => {
    vpcp.allow(/status of 409/); // the browser logs the refused request itself
    await row('2').getByRole('button', { name: 'Thêm «Vụ Hợp tác quốc tế» làm đơn vị của Bộ Tư pháp' }).click();
    await row('2').getByRole('alert').getByText('Mã BTP_VHTQT đã có trong danh mục cơ quan').waitFor();
    expect(await row('2').locator('.chip').count()).toBe(0); // nothing chosen for it
    await row('2').getByRole('button', { name: 'Giao cho Bộ Tư pháp' }).click();
    await row('2').getByText('✓ “Vụ Hợp tác quốc tế”: giao cho Bộ Tư pháp.').waitFor();
    await row('3').getByRole('button', { name: 'Giao cho Bộ Tư pháp' }).click();
    await row('3').locator('.chip').getByText('Bộ Tư pháp').waitFor();
    await screenshot(page, '65-nhap-da-them-don-vi');
  });

  it('the import gives the task to the new unit', async () => {
    await page.getByRole('button', { name: 'Đăng ký 3 nhiệm vụ' }).click();
    await page.getByRole('heading', { name: 'Đã đăng ký thông báo' }).waitFor();
    await stack.caughtUp();
    await page.getByRole('link', { name: 'Xem danh sách nhiệm vụ' }).click();
    const task = page.locator('ul.tasks li').filter({ hasText: 'Hiệp định tương trợ tư pháp' });
    await task.getByText('Chủ trì: Vụ Pháp luật quốc tế').waitFor();
    expect(await page.locator('ul.tasks li').count()).toBe(3);
  });

  it('on a phone the unknown lead and its buttons fit the screen; the unit added before now resolves by itself', async () => {
    const phone = await WatchedContext.open(browser, stack.api.baseUrl, { width: 390, height: 844 });
    await phone.signInWith(vpcpToken());
    const small = await phone.page();
    await small.goto('/nhap-thong-bao');
    await small.getByLabel('Toàn văn Thông báo kết luận').fill(NOTICE);
    await small.getByRole('button', { name: 'Phân tích văn bản' }).click();
    const second = small.locator('tr[data-path="2"]');
    await second.getByRole('button', { name: 'Thêm «Vụ Hợp tác quốc tế» làm đơn vị của Bộ Tư pháp' }).waitFor();
    await small.locator('tr[data-path="1"] .chip').getByText('Vụ Pháp luật quốc tế').waitFor();
    expect(await small.locator('tr[data-path="1"] .unknown-leads').count()).toBe(0);
    expect(await small.evaluate('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(0);
    await screenshot(small, '66-nhap-co-quan-ngoai-danh-muc-dien-thoai');
    expect(phone.errors).toEqual([]);
    await phone.close();
  });
});
