import { Client, ClientConfig } from 'pg';

/**
 * The one LISTEN connection of a store (not one per subscription: a pooled client cannot hold a
 * LISTEN, and connections are the scarce resource). Started by the first subscription. When the
 * connection drops it reconnects after a pause; subscriptions poll meanwhile. Each time LISTEN
 * is in place it wakes them once, because an append may have committed while nobody listened.
 */
export class PostgresListener {
  private client: Client | undefined;
  private started = false;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly config: ClientConfig,
    private readonly channel: string,
    private readonly onWake: () => void,
    private readonly onError: (error: unknown) => void,
    private readonly retryDelayMs = 1000,
  ) {}

  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client(this.config);
    this.client = client;
    client.on('notification', () => this.onWake());
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('LISTEN connection closed')));
    try {
      await client.connect();
      // The channel is built from a validated schema name (postgres-event-store.schema.ts).
      await client.query(`LISTEN ${this.channel}`);
      if (this.client === client) this.onWake();
    } catch (error) {
      this.lost(client, error);
    }
  }

  private lost(client: Client, error: unknown): void {
    if (this.client !== client) return;
    this.client = undefined;
    client.end().catch(() => undefined);
    if (this.stopped) return;
    this.onError(error);
    this.retry = setTimeout(() => {
      this.retry = undefined;
      if (!this.stopped) void this.connect();
    }, this.retryDelayMs);
  }
}
