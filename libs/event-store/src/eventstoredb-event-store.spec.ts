import { eventStoreContract } from './event-store.contract';
import { newEvent, uniqueStream } from './event-store.contract-helpers';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

/** Runs against a real server only: EVENTSTORE_URL=esdb://localhost:2113?tls=false npx jest libs/event-store */
const url = process.env.EVENTSTORE_URL;

if (!url) {
  console.warn('EventStoreDB contract suite skipped: EVENTSTORE_URL is not set');
  describe.skip('EventStoreDbEventStore: event-store contract', () => {
    it.skip('needs EVENTSTORE_URL (esdb://…) to run', () => undefined);
  });
} else {
  const open = () => EventStoreDbEventStore.fromConnectionString(url, { subscriptionRetryDelayMs: 100 });

  eventStoreContract('EventStoreDbEventStore', async () => {
    const store = open();
    return { store, teardown: () => store.close() };
  });

  describe('EventStoreDbEventStore specifics', () => {
    it('a retried appendToStreams batch with deterministic ids writes each event once', async () => {
      const store = open();
      try {
        const [notice, task] = [uniqueStream('notice'), uniqueStream('task')];
        const batch = [
          { stream: notice, expected: 'no_stream' as const, events: [newEvent('NoticeRegistered', {}, { id: `${notice}/0` })] },
          { stream: task, expected: 'no_stream' as const, events: [newEvent('TaskAssigned', {}, { id: `${task}/0` })] },
        ];
        await store.appendToStreams(batch);
        await store.appendToStreams(batch);
        expect((await store.readStream(notice)).events).toHaveLength(1);
        expect((await store.readStream(task)).events).toHaveLength(1);
      } finally {
        await store.close();
      }
    });
  });
}
