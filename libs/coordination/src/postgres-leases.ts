import { Client, ClientConfig } from 'pg';
import { LeaseOutcome, Leases } from './leases';

/** First key of our two-int advisory locks (the event store uses 74_110_001 and 74_110_002). */
const LEASE_SPACE = 74_110_100;

/**
 * Leases as PostgreSQL session advisory locks, on the event store's database. A lock belongs to a
 * connection: when the holder's process dies, the server ends its session and the lock is free at
 * once (a kill -9 closes the socket; a vanished host is noticed by TCP keepalive). Each lease held
 * uses its own connection, opened for the run and closed after it, so a dead session can never
 * keep a lock "held" in a pool.
 */
export class PostgresLeases implements Leases {
  private readonly open = new Set<Client>();
  private readonly connection: ClientConfig;
  /** Advisory locks are per database, not per schema: two deployments (or test runs) in one database must not share one. */
  private readonly namespace: string;

  /** `url`: the event store's postgres:// URL; its `schema` parameter names the lease namespace. */
  constructor(url: string) {
    const parsed = new URL(url);
    this.namespace = parsed.searchParams.get('schema') ?? 'public';
    parsed.searchParams.delete('schema');
    this.connection = { connectionString: parsed.toString() };
  }

  async runExclusive<T>(name: string, work: (signal: AbortSignal) => Promise<T>): Promise<LeaseOutcome<T>> {
    const client = new Client({ ...this.connection, keepAlive: true, keepAliveInitialDelayMillis: 5_000 });
    const lost = new AbortController();
    client.on('error', () => lost.abort(new Error(`lease ${name}: connection lost`)));
    client.on('end', () => lost.abort(new Error(`lease ${name}: connection ended`)));
    await client.connect();
    this.open.add(client);
    try {
      const { rows } = await client.query<{ held: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS held', [
        LEASE_SPACE,
        `${this.namespace}:${name}`,
      ]);
      if (!rows[0].held) return { ran: false };
      return { ran: true, value: await work(lost.signal) };
    } finally {
      this.open.delete(client);
      // Closing the session releases the lock; no unlock round trip is needed.
      await client.end().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.open].map((client) => client.end().catch(() => undefined)));
  }
}
