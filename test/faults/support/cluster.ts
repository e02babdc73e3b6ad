import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { liveWorkers } from '@tdnv/coordination';
import { SmtpSink, eventually } from '@tdnv/testing';
import { AppProcess, freePort, PrivateRedis } from './processes';
import { dropSchemas, schemaUrl, uniqueSchema } from './postgres';

export const JWT_SECRET = 'fault-suite-secret-0123456789abcdefghij';

/** Virtual clocks: the APIs run at 07:00 on day D, the workers at 07:59:58, so the 08:00 send slot arrives as the workers start. */
export interface Timeline {
  apiStart: string;
  workerStart: string;
}

/**
 * The system as the fault suite runs it: 2 API and 2 worker processes from the sources, on one
 * PostgreSQL event store and PostgreSQL read models (schemas of their own), a private Redis and an
 * SMTP sink. Every process gets CLOCK_START = its timeline's start + the real time elapsed since
 * the first process of its kind started, so a restarted process joins the same virtual time.
 */
export class Cluster {
  readonly dir = mkdtempSync(join(tmpdir(), 'tdnv-faults-'));
  readonly events = uniqueSchema('fault_es');
  readonly readModels = uniqueSchema('fault_rm');
  readonly prefix = `fault-${randomUUID().slice(0, 8)}`;
  readonly redis = new PrivateRedis();
  readonly sink = new SmtpSink();
  readonly apis: AppProcess[] = [];
  readonly workers: AppProcess[] = [];
  ports: number[] = [];
  private smtpUrl = '';
  private apiEpoch = 0;
  private workerEpoch = 0;

  constructor(private readonly timeline: Timeline) {}

  async start(): Promise<void> {
    await this.redis.start();
    this.smtpUrl = await this.sink.start();
    // A worker killed in the middle of an SMTP session resets the connection; the sink's server
    // reports that as an 'error' event, which must not end the test process.
    (this.sink as unknown as { server: { on(event: 'error', listener: () => void): void } }).server.on('error', () => undefined);
    this.ports = [await freePort(), await freePort()];
    for (const [i, port] of this.ports.entries()) {
      const api = new AppProcess(
        `api-${i + 1}`,
        'api',
        () => this.env({ PORT: String(port), DATA_DIR: this.dataDir(`api-${i + 1}`), CLOCK_START: this.clock('api') }),
        join(this.dir, `api-${i + 1}.log`),
      );
      this.apis.push(api);
    }
    for (let i = 0; i < 2; i++) {
      const name = `worker-${i + 1}`;
      this.workers.push(
        new AppProcess(
          name,
          'worker',
          () => this.env({ DATA_DIR: this.dataDir(name), CLOCK_START: this.clock('worker') }),
          join(this.dir, `${name}.log`),
        ),
      );
    }
  }

  url(i: number): string {
    return `http://127.0.0.1:${this.ports[i]}`;
  }

  get eventStoreUrl(): string {
    return schemaUrl(this.events);
  }

  get readModelUrl(): string {
    return schemaUrl(this.readModels);
  }

  /** Starts an API and waits until it answers /health/live. */
  async startApi(i: number): Promise<void> {
    if (!this.apiEpoch) this.apiEpoch = Date.now();
    this.apis[i].start();
    await eventually(
      async () => (await fetch(`${this.url(i)}/health/live`).catch(() => undefined))?.status === 200,
      () => `${this.apis[i].name} to listen\n${this.apis[i].tail()}`,
      {
        timeoutMs: 90_000,
        intervalMs: 50,
      },
    );
  }

  /** Starts a worker and waits until its heartbeat is in Redis. */
  async startWorker(i: number): Promise<void> {
    if (!this.workerEpoch) this.workerEpoch = Date.now();
    const worker = this.workers[i];
    worker.start();
    const id = `worker-${hostname()}-${worker.pid}`;
    await eventually(
      async () => {
        if (!worker.running()) throw new Error(`${worker.name} exited\n${worker.tail()}`);
        // Redis may be restarting (the second scenario): not there yet, ask again.
        return this.withRedis(async (redis) => (await liveWorkers(redis, this.prefix)).some((w) => w.id === id)).catch(() => false);
      },
      () => `${worker.name} to beat\n${worker.tail()}`,
      { timeoutMs: 90_000, intervalMs: 50 },
    );
  }

  async withRedis<T>(work: (redis: Redis) => Promise<T>): Promise<T> {
    const redis = new Redis(this.redis.url, { maxRetriesPerRequest: 1, retryStrategy: () => null, lazyConnect: true });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      return await work(redis);
    } finally {
      redis.disconnect();
    }
  }

  logs(): string {
    return [...this.apis, ...this.workers].map((p) => `--- ${p.name} (started ${p.starts}x)\n${p.tail(15)}`).join('\n');
  }

  async dispose(): Promise<void> {
    await Promise.all([...this.apis, ...this.workers].map((p) => (p.running() ? p.kill9() : undefined)));
    await this.redis.stop();
    await this.sink.close();
    await dropSchemas(this.events, this.readModels);
    if (!process.env.KEEP_FAULT_LOGS) rmSync(this.dir, { recursive: true, force: true });
  }

  private env(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
    return {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      EVENTSTORE_URL: this.eventStoreUrl,
      READ_MODEL_URL: this.readModelUrl,
      REDIS_URL: this.redis.url,
      QUEUE_PREFIX: this.prefix,
      JWT_SECRET,
      SMTP_URL: this.smtpUrl,
      MAIL_FROM: 'theodoi@example.gov.vn',
      PUBLIC_URL: 'https://theodoi.example.gov.vn',
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
      // One email per reminder (a digest would join them), and no "unanswered" escalation.
      REMINDER_POLICY_JSON: JSON.stringify({ digest: false, escalateAfterRemindersWithoutUpdate: 0 }),
      // After a Redis restart the reminder schedule is rebuilt within seconds, not minutes.
      REMINDER_CATCH_UP_MS: '500',
      REMINDER_RECONCILE_MS: '3000',
      SHUTDOWN_TIMEOUT_MS: '20000',
      ...extra,
    };
  }

  private clock(kind: 'api' | 'worker'): string {
    const epoch = kind === 'api' ? this.apiEpoch : this.workerEpoch;
    const start = kind === 'api' ? this.timeline.apiStart : this.timeline.workerStart;
    return new Date(Date.parse(start) + (Date.now() - epoch)).toISOString();
  }

  private dataDir(name: string): string {
    const path = join(this.dir, name);
    mkdirSync(path, { recursive: true });
    return path;
  }
}
