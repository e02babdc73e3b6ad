import { formatDate } from '../lib/format';
import { STATE_LABELS } from '../lib/labels';
import { DueInfo, URGENCY_LABELS, urgencyOf } from '../lib/urgency';

export function StateBadge({ state }: { state: string }) {
  return <span class="badge u-none">{STATE_LABELS[state] ?? state}</span>;
}

/** The due date with its colour: the words say it too, so colour is never the only signal. */
export function DueBadge({ info }: { info: DueInfo }) {
  const u = urgencyOf(info);
  return (
    <span class={`badge u-${u}`} data-urgency={u}>
      {info.due ? `${formatDate(info.due)} · ` : ''}
      {URGENCY_LABELS[u]}
    </span>
  );
}
