import { randomUUID } from 'node:crypto';
import { runStreamCommand, StreamStateCache } from '@tdnv/command-handling';
import { PostgresEventStore } from '@tdnv/event-store';
import { ApiHarness } from '../support/api-harness';
import { dropSchemas, schemaUrl, uniqueSchema } from './support/postgres';

/**
 * Each API instance keeps the folded state of the task streams it commanded (StreamStateCache).
 * Another instance may change a stream meanwhile; these tests make that happen and check that an
 * instance never answers from the state it cached: a refusal, a conflict or a no-op is only given
 * after a fresh read, and a success only when the append at the cached revision went through.
 */
describe('the stream-state cache with two API instances on one PostgreSQL event store', () => {
  const schema = uniqueSchema('cache');
  const env = { EVENTSTORE_URL: schemaUrl(schema) };
  const a = new ApiHarness(env);
  const b = new ApiHarness(env);
  const vpcp = a.token('vpcp');
  const btc = a.token('agency', 'BTC');
  let task = '';

  beforeAll(async () => {
    await a.start();
    await b.start();
    const registered = await a.request('POST', '/api/v1/notices', {
      token: vpcp,
      body: {
        number: `${Math.floor(Math.random() * 9000) + 1000}/TB-VPCP`,
        issuedAt: '2026-02-12',
        title: 'Kết luận về chuyển đổi số',
        directives: [{ text: 'Hoàn thiện Đề án dữ liệu số', lead: ['BTC'], deadline: { due: '2099-12-31', kind: 'date' } }],
      },
    });
    expect(registered.status).toBe(201);
    task = `/api/v1/tasks/${registered.body.taskIds[0]}`;
  });
  afterAll(async () => {
    await a.dispose();
    await b.dispose();
    await dropSchemas(schema);
  });

  it('refuses with the current state, not the cached one, when the other instance moved the task on', async () => {
    expect((await a.request('POST', `${task}/acknowledge`, { token: btc })).body).toMatchObject({ state: 'acknowledged', revision: 1 });
    // B reports progress: A's cached state (acknowledged, revision 1) is now stale.
    expect((await b.request('POST', `${task}/progress`, { token: btc, body: { note: 'Đã có dự thảo' } })).body).toMatchObject({
      state: 'in_progress',
      revision: 2,
    });
    const again = await a.request('POST', `${task}/acknowledge`, { token: btc });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ type: '/problems/command-refused', state: 'in_progress', currentRevision: 2 });
  });

  it('a command allowed on the stale cached state is decided again on the fresh one (refused: the task was cancelled)', async () => {
    expect((await a.request('POST', `${task}/progress`, { token: btc, body: { note: 'Tiến độ 50%' } })).body).toMatchObject({
      revision: 3,
    });
    expect((await b.request('POST', `${task}/cancel`, { token: vpcp, body: { reason: 'Thu hồi' } })).body).toMatchObject({
      state: 'cancelled',
      revision: 4,
    });
    const late = await a.request('POST', `${task}/progress`, { token: btc, body: { note: 'Tiến độ 60%' } });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ state: 'cancelled', currentRevision: 4 });
  });

  it('If-Match with the revision A cached is a conflict once B wrote, with the current revision', async () => {
    const history = await b.request('GET', `${task}/history`, { token: vpcp });
    expect(history.status).toBe(200);
    const stale = await a.request('POST', `${task}/cancel`, { token: vpcp, body: { reason: 'lần hai' }, headers: { 'if-match': '"3"' } });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ type: '/problems/concurrency-conflict', currentRevision: 4 });
  });

  it('the same Idempotency-Key sent to both instances appends once and answers the same', async () => {
    const registered = await b.request('POST', '/api/v1/notices', {
      token: vpcp,
      body: {
        number: `${Math.floor(Math.random() * 9000) + 1000}/TB-VPCP`,
        issuedAt: '2026-02-12',
        title: 'Kết luận khác',
        directives: [{ text: 'Báo cáo giải ngân', lead: ['BTC'], deadline: { due: '2099-06-30', kind: 'date' } }],
      },
    });
    const path = `/api/v1/tasks/${registered.body.taskIds[0]}/acknowledge`;
    const headers = { 'idempotency-key': `ack-${randomUUID()}` };
    const answers = await Promise.all([a, b, a, b].map((api) => api.request('POST', path, { token: btc, headers })));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(answers.map((r) => JSON.stringify(r.body))).size).toBe(1);
    const history = await a.request('GET', `/api/v1/tasks/${registered.body.taskIds[0]}/history`, { token: vpcp });
    expect(JSON.stringify(history.body).match(/TaskAcknowledged/g)).toHaveLength(1);
  });
});

/** The no-op path, which no HTTP command takes: a toy stream whose command does nothing when a flag is set. */
describe('runStreamCommand with two caches on one PostgreSQL event store: a cached no-op is never answered', () => {
  const schema = uniqueSchema('noop');
  let store: PostgresEventStore;
  type Flag = { set: boolean };

  beforeAll(async () => {
    store = await PostgresEventStore.open(schemaUrl(schema));
  });
  afterAll(async () => {
    await store.close();
    await dropSchemas(schema);
  });

  const setFlag = (cache: StreamStateCache<Flag>, stream: string) =>
    runStreamCommand<Flag, { revision: number; set: boolean }>(store, {
      stream,
      initial: { set: false },
      cache,
      evolve: (state, event) => ({ set: event.type === 'FlagSet' ? true : event.type === 'FlagCleared' ? false : state.set }),
      decide: (state) => ({ events: state.set ? [] : [{ type: 'FlagSet', data: {} }] }),
      respond: (state, revision) => ({ revision, set: state.set }),
      context: { actor: { id: 't', role: 'vpcp' }, now: new Date(), today: '2026-01-01' } as never,
    });

  it('re-reads and appends when the cached state said "nothing to do" but the other instance changed it', async () => {
    const stream = `flag-${randomUUID()}`;
    const [cacheA, cacheB] = [new StreamStateCache<Flag>(), new StreamStateCache<Flag>()];
    expect(await setFlag(cacheA, stream)).toEqual({ revision: 0, set: true });
    // The other instance clears the flag behind A's back.
    await store.appendToStream({
      stream,
      expected: 0,
      events: [{ type: 'FlagCleared', data: {}, metadata: { occurredAt: new Date().toISOString() } }],
    });
    expect(cacheA.get(stream)).toMatchObject({ revision: 0, state: { set: true } });
    expect(await setFlag(cacheA, stream)).toEqual({ revision: 2, set: true });
    expect(await setFlag(cacheB, stream)).toEqual({ revision: 2, set: true });
    expect((await store.readStream(stream)).events.map((e) => e.type)).toEqual(['FlagSet', 'FlagCleared', 'FlagSet']);
  });
});
