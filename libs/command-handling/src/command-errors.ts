/** Outcomes of running a command against a stream that the edge must tell the client about. */

/** The stream moved on: If-Match named an old revision, or the race was lost. Carries the current answer. */
export class StaleRevisionError extends Error {
  constructor(
    readonly stream: string,
    readonly currentRevision: number,
    readonly current: unknown,
  ) {
    super(`The current revision of ${stream} is ${currentRevision}`);
    this.name = 'StaleRevisionError';
  }
}

/** The domain refused the command; carries the current answer so the client can show it. */
export class RefusedWithStateError extends Error {
  constructor(
    readonly refusal: Error & { state: string; command: string },
    readonly currentRevision: number,
    readonly current: unknown,
  ) {
    super(refusal.message);
    this.name = 'RefusedWithStateError';
  }
}

export class IdempotencyKeyReusedError extends Error {
  constructor(readonly key: string) {
    super(`Idempotency-Key ${key} was already used for a different request`);
    this.name = 'IdempotencyKeyReusedError';
  }
}

export class StreamExistsError extends Error {
  constructor(readonly stream: string) {
    super(`${stream} already exists`);
    this.name = 'StreamExistsError';
  }
}
