/** A command lost the race for a stream: its expected revision is no longer current (HTTP 409). */
export class ConcurrencyError extends Error {
  constructor(
    readonly stream: string,
    readonly expected: 'no_stream' | 'any' | number,
    readonly actual: number,
  ) {
    super(`Stream ${stream}: expected revision ${String(expected)}, actual ${actual}`);
    this.name = 'ConcurrencyError';
  }
}
