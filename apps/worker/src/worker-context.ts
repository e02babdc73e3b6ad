import { ConnectionOptions } from 'bullmq';
import { AppConfig } from '../../../libs/config/src/app-config';
import { Clock } from '../../../libs/config/src/clock';
import { DeadlinePolicy } from '../../../libs/domain/src/deadline';
import { EventStore } from '../../../libs/event-store/src/event-store.port';

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
