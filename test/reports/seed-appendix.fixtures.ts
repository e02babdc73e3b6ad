import { readdirSync } from 'node:fs';
import { AgencyCatalogue } from '@tdnv/agencies';
import { parse, ParsedDirective } from '@tdnv/directive-parser';
import { EventStore, NewEvent } from '@tdnv/event-store';
import { readShared, sharedPath } from '@tdnv/testing';
import { taskAssignedEvent } from '../support/task-assigned.fixture';

/**
 * A seed report (000: Báo cáo 10/BC-BTTTT) registered as the parser will register it: its appendix
 * rows as directives with their paths (`PL.I.3`), its roman-numeral sections, its kind, and each
 * row's result as the agencies' reports (done → completion accepted, in progress → a progress note).
 * The sections are read from the seed's own heading rows here, as the parser's `sections` will give them.
 */
export const seedText = (prefix: string): string =>
  readShared(
    'seeds',
    readdirSync(sharedPath('seeds')).find((f) => f.startsWith(prefix))!,
  );

/** "I\tXây dựng, hoàn thiện thể chế …" rows of the appendix: its sections, in order. */
export function appendixSections(text: string): { path: string; title: string }[] {
  const appendix = text.slice(text.lastIndexOf('\nPhụ lục'));
  return [...appendix.matchAll(/^([IVX]+)\t([^\t\n]+)/gmu)].map((m) => ({ path: `PL.${m[1]}`, title: m[2].trim() }));
}

const catalogue = AgencyCatalogue.load();

function leadsOf(d: ParsedDirective): string[] {
  const codes = d.lead.map((a) => a.code);
  return [...new Set(codes.flatMap((code) => (catalogue.isGroup(code) ? catalogue.expand(code) : [catalogue.currentCode(code) ?? code])))];
}

export interface RegisteredSeed {
  noticeId: string;
  directives: number;
  tasks: number;
}

/** Appends the notice and its tasks to `store`, all dated `on` (the report's date). */
export async function registerSeedReport(
  store: EventStore,
  options: { prefix: string; noticeId: string; number: string; on: string; title: string },
): Promise<RegisteredSeed> {
  const text = seedText(options.prefix);
  const parsed = parse(text, { issuedAt: options.on }).directives.filter((d) => d.path.startsWith('PL.') && d.lead.length > 0);
  const at = `${options.on}T02:00:00.000Z`;
  const metadata = { occurredAt: at, actor: { id: 'vpcp', role: 'vpcp' } };
  const directives = parsed.map((d, index) => {
    const leads = leadsOf(d);
    const tasks = leads.map((lead) => ({ taskId: `${options.noticeId}.${index + 1}.${lead.toLowerCase()}`, lead }));
    const deadline = {
      due: d.deadline.due,
      kind: d.deadline.due ? d.deadline.kind : 'none',
      ...(d.deadline.phrase ? { phrase: d.deadline.phrase } : {}),
    };
    return {
      index,
      path: d.path,
      text: d.text,
      lead: d.fanout ? [d.fanout] : d.lead.map((a) => a.code),
      coordinators: [],
      deadline,
      key: false,
      confidential: false,
      tasks,
      fanout: d.fanout,
      status: d.status,
    };
  });
  await store.appendToStream({
    stream: `notice-${options.noticeId}`,
    expected: 'no_stream',
    events: [
      {
        type: 'NoticeRegistered',
        data: {
          noticeId: options.noticeId,
          number: options.number,
          issuedAt: options.on,
          title: options.title,
          kind: 'bao_cao',
          sections: appendixSections(text),
          directives: directives.map(({ fanout: _f, status: _s, ...d }) => d),
          registeredAt: at,
        },
        metadata,
      },
    ],
  });
  let tasks = 0;
  for (const d of directives) {
    for (const t of d.tasks) {
      const events: NewEvent[] = [taskAssignedEvent(options, d, t, at, metadata)];
      const result = d.status?.result;
      if (d.status?.kind === 'done' || (d.status?.kind === 'in_progress' && result))
        events.push({ type: 'TaskAcknowledged', data: { taskId: t.taskId, by: t.lead }, metadata });
      if (d.status?.kind === 'done') {
        const report = { reportedAt: at, reportedOn: options.on };
        events.push({
          type: 'CompletionReported',
          data: { taskId: t.taskId, by: t.lead, result: result ?? 'Đã hoàn thành', ...report },
          metadata,
        });
        events.push({ type: 'TaskCompleted', data: { taskId: t.taskId, ...report, due: d.deadline.due, onTime: false }, metadata });
      } else if (d.status?.kind === 'in_progress' && result) {
        events.push({ type: 'ProgressReported', data: { taskId: t.taskId, by: t.lead, note: result }, metadata });
      }
      await store.appendToStream({ stream: `task-${t.taskId}`, expected: 'no_stream', events });
      tasks += 1;
    }
  }
  return { noticeId: options.noticeId, directives: directives.length, tasks };
}
