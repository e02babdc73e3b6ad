import { ConnectionOptions } from 'bullmq';
import { AppConfig, Clock } from '@tdnv/config';
import { DeadlinePolicy } from '@tdnv/domain';
import { EventStore } from '@tdnv/event-store';

/** What every worker capability is started with; each returns a handle to stop it. */
export interface WorkerContext {
  config: AppConfig;
  store: EventStore;
  connection: ConnectionOptions;
  /** BullMQ key prefix; tests pass a unique one. */
  prefix?: string;
  clock: Clock;
  policy: DeadlinePolicy;
}

export interface RunningCapability {
  close(): Promise<void>;
}
