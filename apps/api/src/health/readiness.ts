import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import Redis from 'ioredis';
import { AppConfig, APP_CONFIG, EVENT_STORE } from '@tdnv/config';
import { liveWorkers } from '@tdnv/coordination';
import { METRICS_REGISTRY } from '@tdnv/metrics';
import { Gauge, Registry } from 'prom-client';
import { EventStore } from '@tdnv/event-store';
import type { SqlDatabase } from '@tdnv/read-models';
import { READ_MODEL_DB } from '../read-models/read-model.providers';

export type CheckStatus = 'up' | 'down';

export interface CheckResult {
  status: CheckStatus;
  latencyMs: number;
  error?: string;
  [detail: string]: unknown;
}

export interface Readiness {
  /** `ok`: serve traffic; `degraded`: serve it, but no worker is alive (read models and reminders wait); `unavailable`: take this instance out. */
  status: 'ok' | 'degraded' | 'unavailable' | 'draining';
  checks: Record<'eventStore' | 'readModels' | 'redis' | 'workers', CheckResult>;
}

const CHECK_TIMEOUT_MS = 2_000;

/**
 * What /health/ready checks: the event store and the read-model database answer a query, Redis
 * answers PING, and at least one worker beat recently. The first three make the instance unable to
 * serve (503). No live worker is reported but does not fail readiness: taking every API out of a
 * load balancer because the workers are down would turn late read models into an outage.
 */
@Injectable()
export class ReadinessChecks implements OnModuleInit, OnApplicationShutdown {
  private readonly redis: Redis;
  private draining = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly modules: ModuleRef,
    @Inject(METRICS_REGISTRY) private readonly metrics: Registry,
  ) {
    // Fails fast while Redis is away instead of queueing the PING until it is back.
    this.redis = new Redis(config.redisUrl, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: CHECK_TIMEOUT_MS,
    });
    this.redis.on('error', () => undefined);
  }

  /** `tdnv_workers_alive` on /metrics: alert when it is 0 (nobody projects, sweeps or sends). */
  onModuleInit(): void {
    const beats = () => this.workerBeats();
    new Gauge({
      name: 'tdnv_workers_alive',
      help: 'Worker processes whose heartbeat is younger than 15 s',
      registers: [this.metrics],
      async collect() {
        const live = await beats().catch(() => undefined);
        if (live) this.set(live.length);
      },
    });
  }

  /** From the shutdown signal on, the instance says it is going away, so a balancer stops sending. */
  startDraining(): void {
    this.draining = true;
  }

  async check(): Promise<Readiness> {
    const redisCheck = timed(() => this.ping());
    const [eventStore, readModels, redis, workers] = await Promise.all([
      timed(async () => void (await this.store.readStream('health-check'))),
      timed(async () => void (await this.readModelDb().all('SELECT 1 AS one'))),
      redisCheck,
      // The heartbeats are read once the connection answered (a lazy connection is opened by the PING).
      redisCheck.then(() =>
        timed(async () => {
          const beats = await this.workerBeats();
          if (beats.length === 0) throw new Error('no worker has beaten in the last 15 s');
          return { count: beats.length, ids: beats.map((b) => b.id) };
        }),
      ),
    ]);
    const checks = { eventStore, readModels, redis, workers };
    const serving = eventStore.status === 'up' && readModels.status === 'up' && redis.status === 'up';
    const status = this.draining ? 'draining' : !serving ? 'unavailable' : workers.status === 'up' ? 'ok' : 'degraded';
    return { status, checks };
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }

  private async workerBeats() {
    if (this.redis.status === 'wait') await this.ping();
    return liveWorkers(this.redis, this.config.queuePrefix);
  }

  private readModelDb(): SqlDatabase {
    return this.modules.get<SqlDatabase>(READ_MODEL_DB, { strict: false });
  }

  private connected(): Redis {
    if (this.redis.status === 'wait') void this.redis.connect().catch(() => undefined);
    return this.redis;
  }

  private async ping(): Promise<void> {
    const redis = this.connected();
    if (redis.status === 'connecting' || redis.status === 'reconnecting')
      await new Promise<void>((resolve) => redis.once('ready', resolve).once('error', () => resolve()));
    await redis.ping();
  }
}

async function timed(work: () => Promise<unknown>): Promise<CheckResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const detail = await Promise.race([
      work(),
      new Promise(
        (_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS)),
      ),
    ]);
    return { status: 'up', latencyMs: elapsed(started), ...(isDetail(detail) ? detail : {}) };
  } catch (error) {
    return { status: 'down', latencyMs: elapsed(started), error: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

const elapsed = (started: number) => Math.round((performance.now() - started) * 10) / 10;
const isDetail = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
