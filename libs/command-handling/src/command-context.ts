import { createHash, randomUUID } from 'node:crypto';
import { Actor } from '@tdnv/domain';

/** What the HTTP edge knows about a command besides its payload. */
export interface CommandContext {
  actor: Actor;
  /** The actor's name in the user directory, recorded with the events so a history reads as it was then. */
  actorName?: string;
  now: Date;
  today: string;
  idempotencyKey?: string;
  /** Identifies the request's content, so a key reused for another request is caught (needed only with a key). */
  requestHash: string;
  correlationId?: string;
  /** The revision named by If-Match, when the client sent one. */
  ifMatch?: number;
}

export function hashRequest(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${JSON.stringify(body ?? null)}`)
    .digest('base64url');
}

/**
 * Event ids derived from the command id, so that a retried append (EventStoreDB recognises the
 * same ids at the same position) never writes a fact twice.
 */
export function eventId(commandId: string, stream: string, index: number): string {
  const hex = createHash('sha256').update(`${commandId}|${stream}|${index}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const newCommandId = (context: CommandContext): string => context.idempotencyKey ?? randomUUID();
