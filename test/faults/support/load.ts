import { randomUUID } from 'node:crypto';

export interface Command {
  method: 'POST' | 'PUT';
  path: string;
  token: string;
  body?: unknown;
  /** The Idempotency-Key: a retry after a crash is the same command, answered once. */
  key: string;
  /** Events an accepted command appends. */
  events: number;
  /** Told once the command is acknowledged (the generator then offers commands that need it). */
  onAcked?: () => void;
}

/**
 * Concurrent clients spread over the APIs. Every command carries an Idempotency-Key; when an API
 * does not answer (killed, restarting) or answers 5xx, the client sends the same command to the
 * other API until one answers, as a client behind a balancer would. A 2xx is an acknowledged
 * command; a 409 is a refusal (a task moved on by a concurrent client) and appended nothing.
 */
export class Load {
  /** Idempotency keys of the acknowledged commands, and the events they appended. */
  readonly acked = new Map<string, number>();
  refused = 0;
  retries = 0;
  private sent = 0;
  private stopped = false;

  /** Ends the clients' loops (a failed test must not leave them retrying). */
  stop(): void {
    this.stopped = true;
  }

  constructor(private readonly urls: string[]) {}

  get ackedCount(): number {
    return this.acked.size;
  }

  async send(command: Command, first = this.sent++ % this.urls.length): Promise<{ status: number; body: any }> {
    for (let attempt = 0; attempt < 600 && !this.stopped; attempt++) {
      const url = this.urls[(first + attempt) % this.urls.length];
      try {
        const res = await fetch(`${url}${command.path}`, {
          method: command.method,
          headers: { authorization: `Bearer ${command.token}`, 'content-type': 'application/json', 'idempotency-key': command.key },
          body: JSON.stringify(command.body ?? {}),
          signal: AbortSignal.timeout(20_000),
        });
        const text = await res.text();
        if (res.ok) {
          this.acked.set(command.key, command.events);
          command.onAcked?.();
          return { status: res.status, body: text ? JSON.parse(text) : undefined };
        }
        if (res.status === 409) {
          this.refused++;
          return { status: res.status, body: JSON.parse(text) };
        }
        if (res.status < 500) throw new Error(`${command.method} ${command.path}: HTTP ${res.status} ${text.slice(0, 300)}`);
      } catch (error) {
        if ((error as Error).message.startsWith(`${command.method} `)) throw error;
      }
      this.retries++;
      // Both APIs failing at once is a moment (one restarts while the other is slow): back off a little.
      if (attempt % this.urls.length === this.urls.length - 1)
        await new Promise((resolve) => setTimeout(resolve, Math.min(200, 5 * attempt)));
    }
    throw new Error(`${command.method} ${command.path}: no API answered after 600 attempts`);
  }

  /** Runs `next()` commands on `clients` concurrent loops until it returns undefined. */
  async run(clients: number, next: () => Command | undefined): Promise<void> {
    await Promise.all(
      Array.from({ length: clients }, async () => {
        for (let command = next(); command && !this.stopped; command = next()) await this.send(command);
      }),
    );
  }
}

export const key = (): string => randomUUID();
