import { EventMetadata } from '@tdnv/event-store';

/** Who did it, as a task's history answers it: the role and agency, and the person's name when known. */
export interface HistoryActor {
  id: string;
  role: string;
  agency?: string;
  /** The person's name: as recorded with the event, else the user directory's; absent for the system and unknown ids. */
  name?: string;
}

/**
 * The actor of one event. The name recorded at command time wins (the person as they were then);
 * older events fall back to the directory's name today; the system and unknown users have none, so
 * the page shows their role and agency only.
 */
export function historyActor(metadata: EventMetadata, directoryName: (id: string) => string | undefined): HistoryActor {
  const actor = metadata.actor ?? { id: 'unknown', role: 'system' };
  const recorded = typeof metadata['actorName'] === 'string' && metadata['actorName'] ? metadata['actorName'] : undefined;
  const name = actor.role === 'system' ? undefined : (recorded ?? directoryName(actor.id));
  return { id: actor.id, role: actor.role, ...(actor.agency ? { agency: actor.agency } : {}), ...(name ? { name } : {}) };
}
