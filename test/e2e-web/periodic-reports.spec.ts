import { gzipSync } from 'node:zlib';
import { Browser, Page } from 'playwright-core';
import { screenshot, WatchedContext } from './support/browser';
import { signedInStory } from './support/signed-in-story';
import { WebStack } from './support/web-stack';

jest.setTimeout(120_000);

const localDate = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(d);
const TODAY = localDate(new Date());
/**
 * Far enough back that the first monthly period (the 5th after this day: 39 to 70 days ago) and the
 * one it opens when reported (8 to 39 days ago) are both past due, whatever today is.
 */
const SEVENTY_DAYS_AGO = localDate(new Date(Date.now() - 70 * 86_400_000));
const MONTHLY = {
  kind: 'recurring',
  phrase: 'Hằng tháng, trước ngày 05',
  rule: 'monthly, day 5',
  recurrence: { freq: 'monthly', day: 5 },
};
const directive = (lead: string) => ({
  text: 'Hằng tháng, trước ngày 05, báo cáo Thủ tướng Chính phủ tình hình giải ngân vốn đầu tư công',
  lead: [lead],
  deadline: MONTHLY,
});

/**
 * Issue 11 on the dashboard, in Chromium: without periodic duties it looks as before; after monthly
 * duties are registered and reported (Bộ Tài chính one period on time, one late and the next one
 * missed, Bộ Công Thương none), each row and the total say "Báo cáo định kỳ: … đến hạn · … đúng hạn · … muộn · … chưa báo
 * cáo", the open duties are counted as "Thường xuyên / không thời hạn", and a phone still reads it.
 */
describe('periodic reports on the dashboard (Chromium)', () => {
  const stack = new WebStack();
  let browser: Browser;
  let page: Page;
  const vpcpToken = () => stack.api.token('vpcp', undefined, 'u-chuyenvien-vpcp');

  async function register(number: string, issuedAt: string, directives: object[]): Promise<string[]> {
    const res = await stack.api.request('POST', '/api/v1/notices', {
      token: vpcpToken(),
      body: { number, issuedAt, title: 'Kết luận của Thủ tướng Chính phủ về giải ngân vốn đầu tư công', directives },
    });
    expect(res.status).toBe(201);
    return res.body.taskIds as string[];
  }

  /** The agency reports the task's current (first) period; answers whether it was on time. */
  async function reportCurrentPeriod(taskId: string, agency: string): Promise<boolean> {
    const token = stack.api.token('agency', agency);
    const task = await stack.api.request('GET', `/api/v1/tasks/${taskId}`, { token });
    const period = (task.body.occurrences as { period: string }[])[0].period;
    const sent = await stack.api.request('POST', `/api/v1/tasks/${taskId}/periodic-reports`, {
      token,
      body: { period, note: 'Tình hình giải ngân vốn đầu tư công trong kỳ' },
    });
    expect(sent.status).toBe(200);
    const after = await stack.api.request('GET', `/api/v1/tasks/${taskId}`, { token });
    return (after.body.occurrences as { period: string; onTime?: boolean }[]).find((o) => o.period === period)!.onTime!;
  }

  signedInStory(stack, vpcpToken, (opened) => ({ browser, page } = opened));

  it('first-load JavaScript stays under 300 KB gzipped', async () => {
    const html = await (await fetch(`${stack.api.baseUrl}/`)).text();
    const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    let gzipped = 0;
    for (const s of scripts) gzipped += gzipSync(Buffer.from(await (await fetch(`${stack.api.baseUrl}${s}`)).arrayBuffer())).length;
    expect(gzipped).toBeLessThan(300 * 1024);
  });

  it('without periodic duties the dashboard shows no periodic-report figure', async () => {
    await register('88/TB-VPCP', TODAY, [{ text: 'Trình Đề án phát triển dữ liệu số', lead: ['BTC'], deadline: { due: '2031-12-31' } }]);
    await stack.caughtUp();
    await page.goto('/tong-hop');
    await page.locator('#stats-table tr[data-group="BTC"]').waitFor();
    expect(await page.locator('#stats-table th.periodic, #stats-table td.periodic, [data-periodic-total]').count()).toBe(0);
    await page.locator('#stats-table th', { hasText: 'Thường xuyên / không thời hạn' }).waitFor();
  });

  it('after periods reported on time, late and not at all, each row and the total show the figures', async () => {
    const [current] = await register('90/TB-VPCP', TODAY, [directive('BTC')]);
    const [late, missed] = await register('91/TB-VPCP', SEVENTY_DAYS_AGO, [directive('BTC'), directive('BCT')]);
    expect(missed).toMatch(/\.bct$/);
    expect(await reportCurrentPeriod(current, 'BTC')).toBe(true); // before its due date
    expect(await reportCurrentPeriod(late, 'BTC')).toBe(false); // its due date passed weeks ago; the next period, past due too, opens
    await stack.caughtUp();

    await page.goto('/tong-hop');
    const btc = page.locator('#stats-table tr[data-group="BTC"]');
    await btc.locator('td.periodic').waitFor();
    await page.locator('#stats-table th.periodic', { hasText: 'Báo cáo định kỳ' }).waitFor();
    expect(await btc.locator('th').innerText()).toContain('Bộ Tài chính');
    expect(await btc.locator('td.periodic').innerText()).toBe('3 đến hạn · 1 đúng hạn · 1 muộn · 1 chưa báo cáo');
    const bct = page.locator('#stats-table tr[data-group="BCT"]');
    expect(await bct.locator('th').innerText()).toContain('Bộ Công Thương');
    expect(await bct.locator('td.periodic').innerText()).toBe('1 đến hạn · 0 đúng hạn · 0 muộn · 1 chưa báo cáo');
    expect(await page.locator('#stats-table tfoot td.periodic').innerText()).toBe('4 đến hạn · 1 đúng hạn · 1 muộn · 2 chưa báo cáo');
    expect(await page.locator('#stats-table tr.periodic-line').first().isVisible()).toBe(false); // the phone's line
    await page.locator('[data-periodic-total]').getByText('Báo cáo định kỳ: 4 đến hạn · 1 đúng hạn · 1 muộn · 2 chưa báo cáo').waitFor();
    // The open periodic duties are counted with the standing duties, not as overdue.
    expect(await btc.locator('td[data-bucket="no_deadline"]').innerText()).toBe('2');
    expect(await btc.locator('td[data-bucket="open_overdue"]').innerText()).toBe('0');
    await screenshot(page, '60-tong-hop-bao-cao-dinh-ky');

    // By notice: 91/TB-VPCP holds the late period and the two missed ones.
    await page.getByLabel('Tổng hợp theo').selectOption('notice');
    const notice = page.locator('#stats-table tr', { hasText: '91/TB-VPCP' });
    await notice.locator('td.periodic').getByText('2 chưa báo cáo').waitFor();
    expect(await notice.locator('td.periodic').innerText()).toBe('3 đến hạn · 0 đúng hạn · 1 muộn · 2 chưa báo cáo');
    const plain = page.locator('#stats-table tr', { hasText: '88/TB-VPCP' });
    expect(await plain.locator('td.periodic').innerText()).toBe('—');
  });

  it('a phone reads the figures as a line under each row, nothing wider than the screen', async () => {
    const phone = await WatchedContext.open(browser, stack.api.baseUrl, { width: 390, height: 844 });
    await phone.signInWith(vpcpToken());
    const small = await phone.page();
    await small.goto('/tong-hop');
    const line = small.locator('#stats-table tr.periodic-line[data-periodic-of="BTC"]');
    await line.waitFor();
    expect(await line.innerText()).toBe('Báo cáo định kỳ: 3 đến hạn · 1 đúng hạn · 1 muộn · 1 chưa báo cáo');
    expect(await small.locator('#stats-table tr.periodic-line[data-periodic-of="total"]').innerText()).toBe(
      'Báo cáo định kỳ: 4 đến hạn · 1 đúng hạn · 1 muộn · 2 chưa báo cáo',
    );
    expect(await small.locator('#stats-table td.periodic').first().isVisible()).toBe(false); // the wide screen's column
    expect(await small.evaluate('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(0);
    await screenshot(small, '61-tong-hop-bao-cao-dinh-ky-dien-thoai');
    // The table fits its frame: no sideways scrolling to reach the figures.
    expect(await small.locator('.table-wrap').evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    expect(phone.errors).toEqual([]);
    await phone.close();
  });
});
