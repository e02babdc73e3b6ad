import { Browser, Page } from 'playwright-core';
import { openSignedIn, WatchedContext } from './browser';
import { WebStack } from './web-stack';

type Opened = { browser: Browser; watched: WatchedContext; page: Page };

/**
 * The hooks of a story told by one signed-in officer: before all, the stack starts, `prepare` runs
 * against it, and Chromium opens signed in with `token()` (handed to `opened`); after each test no
 * browser error may be left; after all, the browser and the stack are closed. Call it inside the
 * story's `describe`.
 */
export function signedInStory(
  stack: WebStack,
  token: () => string,
  opened: (story: Opened) => void,
  prepare: () => Promise<void> = async () => {},
): void {
  let story: Opened | undefined;
  beforeAll(async () => {
    await stack.start();
    await prepare();
    story = await openSignedIn(stack.api.baseUrl, token());
    opened(story);
  }, 180_000);

  afterEach(() => expect(story?.watched.errors).toEqual([]));

  afterAll(async () => {
    await story?.browser.close();
    await stack.dispose();
  });
}
