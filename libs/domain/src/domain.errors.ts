/**
 * Typed refusals. The HTTP edge maps them: CommandRefused → 409, ActorForbidden → 403,
 * InvalidCommand → 400/422, StreamNotFound → 404. The reason is shown to users, so it is written in
 * Vietnamese and is the whole message; `command`, `state` and `field` stay for machines.
 */
export class CommandRefusedError extends Error {
  constructor(
    readonly command: string,
    readonly state: string,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'CommandRefusedError';
  }
}

export class ActorForbiddenError extends Error {
  constructor(
    readonly command: string,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'ActorForbiddenError';
  }
}

export class InvalidCommandError extends Error {
  constructor(
    readonly command: string,
    readonly reason: string,
    readonly field?: string,
  ) {
    super(reason);
    this.name = 'InvalidCommandError';
  }
}

/** `what` names the missing thing in Vietnamese, e.g. "Nhiệm vụ", "Người dùng u-42". */
export class NotFoundError extends Error {
  constructor(readonly what: string) {
    super(`${what} không tồn tại`);
    this.name = 'NotFoundError';
  }
}
