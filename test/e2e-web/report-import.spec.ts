import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { Browser, Locator, Page } from 'playwright-core';
import { screenshot, WatchedContext } from './support/browser';
import { signedInStory } from './support/signed-in-story';
import { WebStack } from './support/web-stack';

jest.setTimeout(120_000);

/**
 * A ministry's report on the tasks a Government resolution gave it, laid out as seed 000 is (a body
 * of results, shortcomings and recommendations upwards, then an appendix table "TT · Nội dung công
 * việc · Cơ quan chủ trì · Thời gian hoàn thành · Kết quả thực hiện", tab-separated); its text is
 * our own. Row 1 is done ("Đã ban hành Quyết định số …"), row 2 in progress, row 3 has no result.
 */
const REPORT = readFileSync(join(__dirname, 'fixtures', 'bao-cao-phu-luc.txt'), 'utf8');
/** Document numbers ("215/BC-BNV", "1180/QĐ-BNV") hold agency abbreviations by right: left out of the code check. */
const DOCUMENT_NUMBER = /\d+\/[\p{L}-]+/gu;

/**
 * Issue 12 in the import preview, in Chromium: a report's rows show the status its "Kết quả thực
 * hiện" column gives them and VPCP can change it; the body paragraphs the parser skipped are listed
 * with the reason; the import makes done rows completed tasks and the rest in progress.
 */
describe('importing a report with its results (Chromium)', () => {
  const stack = new WebStack();
  let browser: Browser;
  let page: Page;
  let codes: string[] = [];
  const vpcpToken = () => stack.api.token('vpcp', undefined, 'u-chuyenvien-vpcp');
  const row = (path: string): Locator => page.locator(`tr[data-path="${path}"]`);
  /** The status as the cell reads: the select's choice, and for done the date in place ("Đã hoàn thành (ngày 20/05/2025)"). */
  async function shownStatus(path: string): Promise<string> {
    const chosen = await row(path).getByLabel(`Trạng thái ${path}`).locator('option:checked').textContent();
    const day = row(path).getByLabel(`Ngày hoàn thành ${path}`);
    return (await day.count()) ? `${chosen} (ngày ${await day.inputValue()})` : chosen!;
  }

  async function preview(p: Page): Promise<void> {
    await p.goto('/nhap-thong-bao');
    await p.getByLabel('Toàn văn Thông báo kết luận').fill(REPORT);
    await p.getByRole('button', { name: 'Phân tích văn bản' }).click();
    await p.locator('table.directive-table tbody tr').first().waitFor();
  }

  signedInStory(
    stack,
    vpcpToken,
    (opened) => ({ browser, page } = opened),
    async () => {
      const agencies = await stack.api.request('GET', '/api/v1/agencies', { token: vpcpToken() });
      codes = (agencies.body.items as { code: string }[]).map((a) => a.code);
    },
  );

  it('the preview shows each row’s status from the report: done with its date and result, in progress, not done', async () => {
    await preview(page);
    expect(await page.locator('table.directive-table tbody tr').count()).toBe(3); // the appendix rows, no body paragraph
    await page.getByRole('columnheader', { name: 'Trạng thái' }).waitFor();
    expect(await shownStatus('PL.1')).toBe('Đã hoàn thành (ngày 20/05/2025)'); // the day the result names
    expect(await row('PL.1').getByLabel('Kết quả PL.1').inputValue()).toMatch(/^Đã ban hành Quyết định số 1180\/QĐ-BNV/);
    await row('PL.1').getByText('Hoàn thành đúng hạn').waitFor(); // 20/05/2025, due 30/06/2025
    expect(await shownStatus('PL.2')).toBe('Đang thực hiện');
    expect(await row('PL.2').getByLabel('Tiến độ PL.2').inputValue()).toMatch(/^Đang thực hiện: đã lấy ý kiến/);
    expect(await shownStatus('PL.3')).toBe('Chưa thực hiện');
    // A done row's past deadline is no warning: it is not overdue.
    expect(
      await row('PL.1')
        .getByText(/đã qua/)
        .count(),
    ).toBe(0);
    await page
      .locator('[data-summary]')
      .getByText('Theo báo cáo: 1 chỉ đạo đã hoàn thành (nhập là nhiệm vụ đã hoàn thành), 1 chỉ đạo đang thực hiện.')
      .waitFor();
    // Names, not codes (document numbers aside).
    await row('PL.2').locator('.chip').getByText('Văn phòng Chính phủ').waitFor();
    const text = (await page.locator('form').innerText()).replace(DOCUMENT_NUMBER, ' ');
    expect(codes.filter((c) => new RegExp(`(^|[^\\p{L}\\d_-])${c}($|[^\\p{L}\\d_-])`, 'u').test(text))).toEqual([]);
    await screenshot(page, '60-bao-cao-trang-thai');
  });

  it('VPCP changes a status: done asks for the day and keeps the result; back to in progress keeps it too', async () => {
    const select = row('PL.2').getByLabel('Trạng thái PL.2');
    await select.selectOption('done');
    // Dated the report's day until another is typed; the progress text stays as the result.
    expect(await row('PL.2').getByLabel('Ngày hoàn thành PL.2').inputValue()).toBe('15/01/2026');
    expect(await shownStatus('PL.2')).toBe('Đã hoàn thành (ngày 15/01/2026)');
    expect(await row('PL.2').getByLabel('Kết quả PL.2').inputValue()).toMatch(/^Đang thực hiện: đã lấy ý kiến/);
    await select.selectOption('in_progress');
    expect(await row('PL.2').getByLabel('Tiến độ PL.2').inputValue()).toMatch(/^Đang thực hiện: đã lấy ý kiến/);

    // The row with no result: marked done on a day typed, with its result.
    await row('PL.3').getByLabel('Trạng thái PL.3').selectOption('done');
    const day = row('PL.3').getByLabel('Ngày hoàn thành PL.3');
    await day.fill('');
    await page.getByRole('button', { name: /^Đăng ký \d+ nhiệm vụ$/ }).click();
    await row('PL.3').getByText('Nhập ngày hoàn thành (dd/mm/yyyy)').waitFor(); // asked, not assumed
    await day.fill('10/01/2026');
    await row('PL.3').getByLabel('Kết quả PL.3').fill('Đã đưa Cơ sở dữ liệu vào vận hành từ ngày 10/01/2026.');
    expect(await shownStatus('PL.3')).toBe('Đã hoàn thành (ngày 10/01/2026)');
    await page
      .locator('[data-summary]')
      .getByText(/^Theo báo cáo: 2 chỉ đạo đã hoàn thành .*, 1 chỉ đạo đang thực hiện\.$/)
      .waitFor();
  });

  it('the body paragraphs that give no task are listed, folded, with their first words and the reason', async () => {
    const skipped = page.locator('details[data-skipped]');
    const summary = skipped.locator('summary');
    expect(await summary.innerText()).toMatch(/^Đoạn không tạo nhiệm vụ \((\d+)\)$/);
    expect(await skipped.locator('li').first().isVisible()).toBe(false); // folded until asked
    await summary.click();
    const items = skipped.locator('li');
    expect(await items.count()).toBe(Number(/\((\d+)\)/.exec(await summary.innerText())![1]));
    await items
      .filter({ hasText: 'Bộ Nội vụ đã kiện toàn Tổ công tác' })
      .getByText('Lý do: kết quả đã đạt được (“đã …”), không phải việc phải làm.')
      .waitFor();
    await items
      .filter({ hasText: 'Bộ Nội vụ kiến nghị Thủ tướng Chính phủ' })
      .getByText(/^Lý do: kiến nghị, đề xuất gửi cấp trên/)
      .waitFor();
    await items
      .filter({ hasText: 'Thực hiện chỉ đạo của Thủ tướng Chính phủ' })
      .getByText(/Lý do: phần báo cáo kết quả, không phải chỉ đạo/)
      .waitFor();
    await screenshot(page, '61-bao-cao-doan-bo-qua');
  });

  it('the import makes the done rows completed tasks, with their result; the row in progress keeps its progress', async () => {
    await page.getByRole('button', { name: 'Đăng ký 3 nhiệm vụ' }).click();
    await page.getByRole('heading', { name: 'Đã đăng ký thông báo' }).waitFor();
    await stack.caughtUp();
    await page.getByRole('link', { name: 'Xem danh sách nhiệm vụ' }).click();
    await page.waitForURL(/\/nhiem-vu\?noticeId=.+&view=tasks/);
    const task = (words: string) => page.locator('ul.tasks li').filter({ hasText: words });
    await task('Xây dựng Quy chế đánh giá chỉ số cải cách hành chính').getByText('Đã hoàn thành', { exact: true }).waitFor();
    await task('Hoàn thiện Cơ sở dữ liệu quốc gia về cán bộ').getByText('Đã hoàn thành', { exact: true }).waitFor();
    const ongoing = task('Xây dựng Đề án số hóa hồ sơ lưu trữ');
    await ongoing.waitFor();
    expect(await ongoing.getByText('Đã hoàn thành', { exact: true }).count()).toBe(0);
    // The agency's report said it is under way: acknowledged, with its progress.
    await ongoing.getByText('Đang thực hiện', { exact: true }).waitFor();
    expect(await page.locator('ul.tasks li').count()).toBe(3);
    await screenshot(page, '62-bao-cao-da-nhap');
    // The completed task keeps the report's result; the other one its progress.
    await task('Xây dựng Quy chế đánh giá chỉ số cải cách hành chính').locator('a').click();
    await page.locator('.timeline li[data-event="TaskCompleted"]').waitFor();
    await page
      .locator('.timeline li[data-event="CompletionReported"]')
      .getByText(/Đã ban hành Quyết định số 1180\/QĐ-BNV/)
      .waitFor();
    await page.goBack();
    await ongoing.locator('a').click();
    await page
      .locator('.timeline li[data-event="ProgressReported"]')
      .getByText(/^Nội dung: Đang thực hiện: đã lấy ý kiến các bộ, ngành/)
      .waitFor();
  });

  it('a .docx of the same report keeps its statuses too, sent with the directives of POST /notices', async () => {
    // The report as Word writes it: one paragraph a line, the table's cells separated by tabs.
    const lines = REPORT.split('\n').map((text) => new Paragraph({ text }));
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: lines }] }));
    await page.goto('/nhap-thong-bao');
    await page.getByLabel('Hoặc tải lên tệp .docx').setInputFiles({
      name: 'bao-cao-215.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from(docx),
    });
    await page.getByRole('button', { name: 'Phân tích văn bản' }).click();
    await row('PL.1').waitFor();
    expect(await shownStatus('PL.1')).toBe('Đã hoàn thành (ngày 20/05/2025)');
    expect(await shownStatus('PL.2')).toBe('Đang thực hiện');
    await row('PL.3').getByLabel('Trạng thái PL.3').selectOption('in_progress');
    await row('PL.3').getByLabel('Tiến độ PL.3').fill('Đang chuẩn hóa dữ liệu của các bộ, ngành.');
    await page.getByLabel('Số hiệu').fill('216/BC-BNV'); // another report than the one pasted above
    await page.getByRole('button', { name: 'Đăng ký 3 nhiệm vụ' }).click();
    await page.getByRole('heading', { name: 'Đã đăng ký thông báo' }).waitFor();
    await stack.caughtUp();
    await page.getByRole('link', { name: 'Xem danh sách nhiệm vụ' }).click();
    const task = (words: string) => page.locator('ul.tasks li').filter({ hasText: words });
    await task('Xây dựng Quy chế đánh giá chỉ số cải cách hành chính').getByText('Đã hoàn thành', { exact: true }).waitFor();
    expect(await page.locator('ul.tasks li').count()).toBe(3);
    await task('Hoàn thiện Cơ sở dữ liệu quốc gia về cán bộ').locator('a').click();
    await page
      .locator('.timeline li[data-event="ProgressReported"]')
      .getByText('Nội dung: Đang chuẩn hóa dữ liệu của các bộ, ngành.')
      .waitFor();
  });

  it('on a phone the preview of the report stacks its rows: the status and the skipped list fit the screen', async () => {
    const phone = await WatchedContext.open(browser, stack.api.baseUrl, { width: 390, height: 844 });
    await phone.signInWith(vpcpToken());
    const small = await phone.page();
    await preview(small);
    await small.locator('tr[data-path="PL.1"]').getByLabel('Trạng thái PL.1').waitFor();
    await small.locator('details[data-skipped] summary').click();
    expect(await small.evaluate('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(0);
    await screenshot(small, '63-bao-cao-dien-thoai');
    expect(phone.errors).toEqual([]);
    await phone.close();
  });
});
