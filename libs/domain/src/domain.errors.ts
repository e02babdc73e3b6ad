/**
 * Typed refusals. The HTTP edge maps them: CommandRefused → 409, ActorForbidden → 403,
 * InvalidCommand → 400/422, StreamNotFound → 404.
 */
export class CommandRefusedError extends Error {
  constructor(
    readonly command: string,
    readonly state: string,
    readonly reason: string,
  ) {
    super(`${command} is not allowed in state ${state}: ${reason}`);
    this.name = 'CommandRefusedError';
  }
}

export class ActorForbiddenError extends Error {
  constructor(
    readonly command: string,
    readonly reason: string,
  ) {
    super(`${command}: ${reason}`);
    this.name = 'ActorForbiddenError';
  }
}

export class InvalidCommandError extends Error {
  constructor(
    readonly command: string,
    readonly reason: string,
    readonly field?: string,
  ) {
    super(`${command}: ${reason}`);
    this.name = 'InvalidCommandError';
  }
}

export class NotFoundError extends Error {
  constructor(readonly what: string) {
    super(`${what} not found`);
    this.name = 'NotFoundError';
  }
}
