import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, ConsoleMessage, Page } from 'playwright-core';
import { ROOT } from './build-web';

// Callbacks that run inside the page: the test program has no DOM types, so their globals are declared.
declare const location: { protocol: string };
declare const sessionStorage: { setItem(key: string, value: string): void };

export const ARTIFACTS = join(ROOT, 'test-artifacts', 'e2e-web');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with a fresh profile (Playwright makes a temp user-data-dir per launch). */
export function launchChromium(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * A browser context that records every console error and uncaught exception: the story fails on
 * any of them. `allow` lists errors a step provokes on purpose (a 409 the page must explain).
 */
export class WatchedContext {
  readonly errors: string[] = [];
  private allowed: RegExp[] = [];

  private constructor(readonly context: BrowserContext) {}

  static async open(browser: Browser, baseURL: string, viewport = { width: 1280, height: 900 }, locale = 'vi-VN'): Promise<WatchedContext> {
    const context = await browser.newContext({ baseURL, viewport, locale, timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true });
    const watched = new WatchedContext(context);
    context.on('page', (page) => watched.watch(page));
    return watched;
  }

  async page(): Promise<Page> {
    const page = await this.context.newPage();
    return page;
  }

  allow(pattern: RegExp): void {
    this.allowed.push(pattern);
  }

  private watch(page: Page): void {
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() !== 'error') return;
      const text = `${message.text()} (${message.location().url})`;
      if (!this.allowed.some((a) => a.test(text))) this.errors.push(text);
    });
    page.on('pageerror', (error) => this.errors.push(`uncaught: ${error.message}`));
  }

  /** Signs this context in with a bearer token (no sign-in page): the app reads it from sessionStorage. */
  async signInWith(token: string): Promise<void> {
    await this.context.addInitScript((t: string) => {
      if (location.protocol.startsWith('http')) sessionStorage.setItem('tdnv.token', t); // not on about:blank
    }, token);
  }

  close(): Promise<void> {
    return this.context.close();
  }
}

/** Chromium with one context signed in with `token`, and its first page: how most stories begin. */
export async function openSignedIn(baseURL: string, token: string): Promise<{ browser: Browser; watched: WatchedContext; page: Page }> {
  const browser = await launchChromium();
  const watched = await WatchedContext.open(browser, baseURL);
  await watched.signInWith(token);
  return { browser, watched, page: await watched.page() };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Signs in through the sign-in page with the keyboard only (label → field → Enter). */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/dang-nhap');
  await page.getByLabel('Thư điện tử').focus();
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
}
