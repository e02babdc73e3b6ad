import { ANY, NO_STREAM, START } from '@eventstore/db-client';
import { fromEsdbRevision, readPositionAfter, toEsdbEvent, toEsdbExpected, toEventUuid } from './eventstoredb-mapping';

describe('EventStoreDB mapping', () => {
  it('maps expected revisions', () => {
    expect(toEsdbExpected('no_stream')).toBe(NO_STREAM);
    expect(toEsdbExpected('any')).toBe(ANY);
    expect(toEsdbExpected(7)).toBe(7n);
  });

  it('maps the actual revision of a wrong-expected-version error', () => {
    expect(fromEsdbRevision(NO_STREAM)).toBe(-1);
    expect(fromEsdbRevision(12n)).toBe(12);
  });

  it('reads from the start for 0n and -1n, else from {commit: p, prepare: p}', () => {
    expect(readPositionAfter(0n)).toBe(START);
    expect(readPositionAfter(-1n)).toBe(START);
    expect(readPositionAfter(1234n)).toEqual({ commit: 1234n, prepare: 1234n });
  });

  it('turns any deterministic id into the same valid UUID, and keeps UUIDs', () => {
    const uuid = toEventUuid('task-2026-45-tb-vpcp.1.btc/3');
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(toEventUuid('task-2026-45-tb-vpcp.1.btc/3')).toBe(uuid);
    expect(toEventUuid('task-2026-45-tb-vpcp.1.btc/4')).not.toBe(uuid);
    expect(toEventUuid('0F8FAD5B-D9CB-469F-A165-70867728950E')).toBe('0f8fad5b-d9cb-469f-a165-70867728950e');
  });

  it('writes JSON events with their metadata', () => {
    const event = toEsdbEvent({ id: 'x', type: 'TaskAssigned', data: { a: 'Đắk Lắk' }, metadata: { occurredAt: 't' } });
    expect(event).toMatchObject({
      id: toEventUuid('x'),
      contentType: 'application/json',
      type: 'TaskAssigned',
      data: { a: 'Đắk Lắk' },
      metadata: { occurredAt: 't' },
    });
  });
});
