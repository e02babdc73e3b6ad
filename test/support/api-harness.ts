import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from '../../apps/api/src/api.app';
import { AppConfig, loadConfig } from '@tdnv/config';
import { Role } from '@tdnv/domain';
import { signToken } from '@tdnv/auth';
import { createEventStore, EventStore, StoredEvent } from '@tdnv/event-store';
import { deletePrefixedKeys } from '@tdnv/queues';

export const TEST_JWT_SECRET = 'test-secret-for-the-api-harness-0123456789';

export interface HttpAnswer<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** A real API on a real port with its own temp data directory; `store` reads the same SQLite file. */
export class ApiHarness {
  private app?: NestFastifyApplication;
  baseUrl = '';
  readonly dataDir: string;
  readonly config: AppConfig;
  private reader?: EventStore;
  private readonly ownsDataDir: boolean;

  /** `DATA_DIR` in `env` points the API at an existing data directory (then dispose() keeps it). */
  constructor(env: NodeJS.ProcessEnv = {}) {
    this.dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'tdnv-api-'));
    this.ownsDataDir = env.DATA_DIR === undefined;
    // A BullMQ prefix of its own: the API's nudges never land in another test's (or a real) queue.
    this.config = loadConfig({
      DATA_DIR: this.dataDir,
      JWT_SECRET: TEST_JWT_SECRET,
      PORT: '0',
      QUEUE_PREFIX: `test-api-${randomUUID()}`,
      ...env,
    });
  }

  async start(): Promise<this> {
    this.app = await createApiApp(this.config, ['error']);
    await this.app.listen(0, '127.0.0.1');
    const address = this.app.getHttpServer().address() as { port: number };
    this.baseUrl = `http://127.0.0.1:${address.port}`;
    return this;
  }

  /** Stops the server but keeps the data, as a process restart would. */
  async stop(): Promise<void> {
    await this.app?.close();
    this.app = undefined;
  }

  async dispose(): Promise<void> {
    await this.stop();
    await this.reader?.close();
    const redis = new Redis(this.config.redisUrl);
    try {
      await deletePrefixedKeys(redis, this.config.queuePrefix!);
    } finally {
      redis.disconnect();
    }
    if (this.ownsDataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }

  token(role: Role, agency?: string, sub = `${role}-${agency ?? 'user'}`): string {
    return signToken({ sub, role, ...(agency ? { agency } : {}) }, TEST_JWT_SECRET);
  }

  async request<T = any>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
  ): Promise<HttpAnswer<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined = options.raw;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON (docs page): keep the text.
    }
    return { status: response.status, headers: response.headers, body: parsed as T };
  }

  /** Every event in the log, read through a second store on the same file. */
  async allEvents(): Promise<StoredEvent[]> {
    this.reader ??= createEventStore({ dataDir: this.dataDir });
    const all: StoredEvent[] = [];
    for (let from = 0n; ;) {
      const batch = await this.reader.readAll(from, 1000);
      if (batch.length === 0) return all;
      all.push(...batch);
      from = batch[batch.length - 1].position;
    }
  }
}
