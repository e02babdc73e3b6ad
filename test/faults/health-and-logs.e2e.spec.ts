import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { signToken } from '@tdnv/auth';
import { loadConfig } from '@tdnv/config';
import { WorkerPresence } from '@tdnv/coordination';
import { createLogger, PinoNestLogger } from '@tdnv/logging';
import { deletePrefixedKeys } from '@tdnv/queues';
import { createApiApp } from '../../apps/api/src/api.app';

const SECRET = 'test-secret-for-health-and-logs-0123456789';

describe('health endpoints and request logs of one API instance', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tdnv-health-'));
  const prefix = `test-health-${randomUUID()}`;
  const config = loadConfig({ DATA_DIR: dataDir, JWT_SECRET: SECRET, QUEUE_PREFIX: prefix });
  const redis = new Redis(config.redisUrl);
  const lines: Record<string, any>[] = [];
  const sink = new PassThrough();
  sink.on('data', (chunk: Buffer) =>
    String(chunk)
      .split('\n')
      .filter(Boolean)
      .forEach((line) => lines.push(JSON.parse(line))),
  );
  let app: NestFastifyApplication;
  let url = '';

  beforeAll(async () => {
    const logger = createLogger({ app: 'api', format: 'json', level: 'info', destination: sink });
    app = await createApiApp(config, new PinoNestLogger(logger), logger.child({ context: 'http' }));
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await app.close();
    await deletePrefixedKeys(redis, prefix);
    redis.disconnect();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('/health/live answers without looking at anything else', async () => {
    const res = await fetch(`${url}/health/live`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  it('/health/ready checks the stores and Redis, and is degraded (still 200) until a worker beats', async () => {
    const before = await fetch(`${url}/health/ready`);
    expect(before.status).toBe(200);
    const body = (await before.json()) as any;
    expect(body.status).toBe('degraded');
    expect(body.checks).toMatchObject({
      eventStore: { status: 'up' },
      readModels: { status: 'up' },
      redis: { status: 'up' },
      workers: { status: 'down' },
    });

    const presence = new WorkerPresence(redis, 'worker-test-1', prefix);
    await presence.beat();
    const after = (await (await fetch(`${url}/health/ready`)).json()) as any;
    expect(after).toMatchObject({ status: 'ok', checks: { workers: { status: 'up', count: 1, ids: ['worker-test-1'] } } });
    expect(await (await fetch(`${url}/metrics`)).text()).toMatch(/^tdnv_workers_alive\{[^}]*\} 1$/m);
    await presence.stop();
    expect(((await (await fetch(`${url}/health/ready`)).json()) as any).status).toBe('degraded');
  });

  it('logs one JSON line per request with request id, actor, command, task id, outcome and latency', async () => {
    const vpcp = signToken({ sub: 'thu.vpcp', role: 'vpcp' }, SECRET);
    const registered = await fetch(`${url}/api/v1/notices`, {
      method: 'POST',
      headers: { authorization: `Bearer ${vpcp}`, 'content-type': 'application/json', 'x-request-id': 'proxy-req-42' },
      body: JSON.stringify({
        number: '77/TB-VPCP',
        issuedAt: '2026-02-12',
        title: 'Kết luận',
        directives: [{ text: 'Việc một', lead: ['BTC'], deadline: { due: '2099-12-31', kind: 'date' } }],
      }),
    });
    expect(registered.headers.get('x-request-id')).toBe('proxy-req-42');
    const taskId = ((await registered.json()) as any).taskIds[0];
    const btc = signToken({ sub: 'dau.moi.btc', role: 'agency', agency: 'BTC' }, SECRET);
    const ack = await fetch(`${url}/api/v1/tasks/${taskId}/acknowledge`, { method: 'POST', headers: { authorization: `Bearer ${btc}` } });
    const refused = await fetch(`${url}/api/v1/tasks/${taskId}/acknowledge`, {
      method: 'POST',
      headers: { authorization: `Bearer ${btc}` },
    });
    expect([ack.status, refused.status]).toEqual([200, 409]);

    const requests = lines.filter((l) => l.msg === 'request');
    const notice = requests.find((l) => l.requestId === 'proxy-req-42');
    expect(notice).toMatchObject({
      level: 30,
      severity: 'info',
      app: 'api',
      context: 'http',
      method: 'POST',
      route: '/api/v1/notices',
      status: 201,
      outcome: 'ok',
      command: 'RegisterNotice',
      actor: { id: 'thu.vpcp', role: 'vpcp' },
    });
    expect(notice!.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(typeof notice!.latencyMs).toBe('number');
    const acks = requests.filter((l) => l.route === '/api/v1/tasks/:id/acknowledge');
    expect(acks.map((l) => [l.command, l.taskId, l.status, l.outcome, l.problem])).toEqual([
      ['AcknowledgeTask', taskId, 200, 'ok', undefined],
      ['AcknowledgeTask', taskId, 409, 'refused', 'command-refused'],
    ]);
    expect(acks[0].requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(acks[0].actor).toEqual({ id: 'dau.moi.btc', role: 'agency', agency: 'BTC' });
    expect(JSON.stringify(lines)).not.toContain(btc);
  });
});
