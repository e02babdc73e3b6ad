export interface EventuallyOptions {
  timeoutMs?: number;
  /** 0 yields to the event loop between checks (setImmediate); more waits that many milliseconds. */
  intervalMs?: number;
}

/**
 * Waits for a condition that an asynchronous consumer makes true (a checkpoint, a job, a mail):
 * no fixed sleeps. `what` names the condition in the timeout message, which may add detail.
 */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  what: string | (() => string),
  options: EventuallyOptions = {},
): Promise<void> {
  const { timeoutMs = 15_000, intervalMs = 10 } = options;
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => (intervalMs > 0 ? setTimeout(resolve, intervalMs) : setImmediate(resolve)));
  }
}
