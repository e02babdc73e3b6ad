import { eventId, runStreamCommand } from '@tdnv/command-handling';
import { taskStream, decideTask, notificationKey, TaskEvent, evolveTask, TaskState, SCHEDULER } from '@tdnv/domain';
import { AppendRequest, EventStore, StoredEvent } from '@tdnv/event-store';
import { NotificationItem } from '@tdnv/queues';
import { LadderContext } from '@tdnv/reminders';
import { localDateOf } from '@tdnv/calendar';
import { Coalescer } from './coalescer';

export interface Sent {
  item: NotificationItem;
  to: string[];
  ctx: LadderContext;
}

/**
 * Appends ReminderSent / EscalationSent for sends that finished at about the same time in one
 * multi-stream append, instead of one transaction each. The events are exactly what the
 * RecordNotificationSent command writes (same command id `notify|key`, event ids and request hash),
 * so a retry or the one-by-one path recognises them. Any conflict in a batch (another process
 * appended meanwhile) falls back to the command, one item at a time.
 */
export class NotificationRecorder {
  private readonly batches: Coalescer<Sent>;

  constructor(private readonly store: EventStore) {
    this.batches = new Coalescer((sent) => this.recordAll(sent));
  }

  record(item: NotificationItem, to: string[], ctx: LadderContext): Promise<void> {
    return this.batches.add({ item, to, ctx });
  }

  private async recordAll(sent: Sent[]): Promise<(void | Error)[]> {
    const requests: AppendRequest[] = [];
    const later: Sent[] = [];
    const streams = new Set<string>();
    for (const s of sent) {
      const stream = taskStream(s.item.taskId);
      // Two items of one stream in a batch would race on its revision: the second goes alone.
      if (streams.has(stream)) later.push(s);
      else {
        streams.add(stream);
        try {
          const request = this.requestFor(s, stream, await this.store.readStream(stream));
          if (request) requests.push(request);
        } catch {
          later.push(s); // a refusal is the command's to report, for this item alone
        }
      }
    }
    try {
      if (requests.length) await this.store.appendToStreams(requests);
    } catch {
      later.unshift(...sent.filter((s) => !later.includes(s)));
    }
    // One by one, and each item's failure is its own (its send job retries).
    const failed = new Map<Sent, Error>();
    for (const s of later) await this.recordOne(s).catch((error: Error) => failed.set(s, error));
    return sent.map((s) => failed.get(s));
  }

  /** What runStreamCommand would append, or nothing when the stream already holds it. */
  private requestFor(s: Sent, stream: string, current: { revision: number; events: StoredEvent[] }): AppendRequest | undefined {
    const { commandId, requestHash, today } = this.commandOf(s);
    if (current.events.some((e) => e.metadata.commandId === commandId)) return undefined;
    const state = current.events.reduce<TaskState>((t, e) => evolveTask(t, e as unknown as TaskEvent), undefined);
    const events = decideTask(
      { type: 'RecordNotificationSent', actor: SCHEDULER, now: s.ctx.now.toISOString(), today, payload: this.payloadOf(s) },
      state,
      s.ctx.calendar,
    );
    if (events.length === 0) return undefined;
    const metadata = {
      commandId,
      correlationId: commandId,
      causationId: commandId,
      actor: { ...SCHEDULER },
      occurredAt: s.ctx.now.toISOString(),
      requestHash,
    };
    return {
      stream,
      expected: current.revision < 0 ? 'no_stream' : current.revision,
      events: events.map((e, i) => ({ id: eventId(commandId, stream, i), type: e.type, data: e.data, metadata })),
    };
  }

  /** RecordNotificationSent is idempotent on (task, rung, due): a retry after a crash records nothing twice. */
  private async recordOne(s: Sent): Promise<void> {
    const { commandId, requestHash, today } = this.commandOf(s);
    await runStreamCommand<TaskState, boolean>(this.store, {
      stream: taskStream(s.item.taskId),
      initial: undefined,
      evolve: (t, e) => evolveTask(t, e as TaskEvent),
      context: { actor: SCHEDULER, now: s.ctx.now, today, idempotencyKey: commandId, requestHash },
      respond: () => true,
      decide: (state) => ({
        events: decideTask(
          { type: 'RecordNotificationSent', actor: SCHEDULER, now: s.ctx.now.toISOString(), today, payload: this.payloadOf(s) },
          state,
          s.ctx.calendar,
        ),
      }),
    });
  }

  private commandOf(s: Sent): { commandId: string; requestHash: string; today: string } {
    const key = `notify|${notificationKey(s.item.taskId, s.item.rung, s.item.due)}`;
    return { commandId: key, requestHash: key, today: localDateOf(s.ctx.now, s.ctx.timeZone) };
  }

  private payloadOf(s: Sent): { kind: NotificationItem['kind']; rung: string; due: string; to: string[] } {
    return { kind: s.item.kind, rung: s.item.rung, due: s.item.due, to: s.to };
  }
}
