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

  it('while appends keep coming, starts a window at most once per busy spacing; after a quiet spell, after the short window', async () => {
    const busyDir = mkdtempSync(join(tmpdir(), 'tdnv-notify-busy-'));
    const busy = new NotifyingEventStore(createEventStore({ dataDir: busyDir }), 5, 200);
    try {
      const told: number[] = [];
      let wake: () => void = () => undefined;
      busy.onAppended(() => {
        told.push(performance.now());
        wake();
      });
      const nextWindow = () => new Promise<void>((resolve) => (wake = resolve));
      const event = { type: 'Noted', data: {}, metadata: { occurredAt: new Date().toISOString() } };
      const started = performance.now();
      let window = nextWindow();
      await busy.appendToStream({ stream: 'a', events: [event], expected: 'no_stream' });
      await window;
      expect(told[0] - started).toBeLessThan(150);
      window = nextWindow();
      await busy.appendToStream({ stream: 'b', events: [event], expected: 'no_stream' });
      await window;
      expect(told[1] - told[0]).toBeGreaterThanOrEqual(190);
      await new Promise((resolve) => setTimeout(resolve, 250));
      const quietFrom = performance.now();
      window = nextWindow();
      await busy.appendToStream({ stream: 'c', events: [event], expected: 'no_stream' });
      await window;
      expect(told[2] - quietFrom).toBeLessThan(150);
    } finally {
      await busy.close();
      rmSync(busyDir, { recursive: true, force: true });
    }
  });
});
