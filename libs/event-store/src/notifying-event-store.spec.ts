import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventStore } from './create-event-store';
import { AppendResult } from './event-store.port';
import { NotifyingEventStore } from './notifying-event-store';

describe('NotifyingEventStore (real SQLite file)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tdnv-notify-'));
  const store = new NotifyingEventStore(createEventStore({ dataDir: dir }), 20);
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('tells cache listeners after each append, and nudge listeners once per window with all appends', async () => {
    const immediate: string[] = [];
    const windows: AppendResult[][] = [];
    store.onAppendedImmediately((results) => immediate.push(...results.map((r) => r.stream)));
    const flushed = new Promise<void>((resolve) =>
      store.onAppended((results) => {
        windows.push(results);
        resolve();
      }),
    );
    const event = { type: 'Noted', data: {}, metadata: { occurredAt: new Date().toISOString() } };
    await store.appendToStream({ stream: 'a', events: [event], expected: 'no_stream' });
    expect(immediate).toEqual(['a']);
    await store.appendToStream({ stream: 'b', events: [event], expected: 'no_stream' });
    expect(immediate).toEqual(['a', 'b']);
    expect(windows).toHaveLength(0);
    await flushed;
    expect(windows.map((w) => w.map((r) => r.stream))).toEqual([['a', 'b']]);
  });
});
