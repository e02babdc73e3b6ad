import { AgencyHit } from './agency.port';
import { DeadlineContext, NO_DEADLINE } from './deadline.parser';
import { BuildSink, emitDirective } from './directive.emit';
import { SkipReason } from './directive.types';
import { AgencyList, AgencyScope } from './document-scope';
import { SKIP_NOTES } from './messages.vi';
import { named, readCoordinators, readOwnerHeading, readPostposedOwner, readSubject } from './owner.resolver';
import { startsWithActionVerb } from './owner-phrases';
import { sourceOffset } from './paragraph.reader';
import { BodyContext, skipReason, worthANote } from './skip.classifier';
import { Unit } from './structure.parser';
import { Part, splitUnit } from './unit.splitter';

export type { BuildSink, DirectiveDraft } from './directive.emit';
export { emitDirective, newSink } from './directive.emit';

const LABEL = /^(?:Về|Đối với)\s+([^:]{1,220}):\s*(?=\S)/u;
/** "Đối với công tác quản lý đất đai, khoáng sản, Tỉnh chỉ đạo …": a topic before the subject, closed by a comma. */
const TOPIC = /^(?:Về|Đối với)\s/u;

/** Where the subject starts after a topic: the first comma after which an agency acts. */
function afterTopic(text: string, dir: AgencyScope): number {
  if (!TOPIC.test(text)) return 0;
  const re = /,\s*/gu;
  for (let m = re.exec(text); m && m.index < 160; m = re.exec(text)) {
    const at = m.index + m[0].length;
    if (named(readSubject(text.slice(at), dir))) return at;
  }
  return 0;
}

interface Owner {
  list: AgencyList;
  coordinators: AgencyHit[];
  own: boolean;
}

function ownerOf(part: Part, frame: Owner | null, unit: Unit, dir: AgencyScope): Owner | null {
  if (named(part.subject)) return { list: part.subject!, coordinators: [], own: true };
  if (frame) return frame;
  const post = readPostposedOwner(part.text, dir);
  if (post) return { list: post, coordinators: [], own: true };
  const inh = unit.inherited;
  return inh ? { list: { hits: inh.lead, unresolved: inh.unresolved, end: 0 }, coordinators: inh.coordinators, own: false } : null;
}

function frameOwner(parts: Part[], unit: Unit, label: RegExpExecArray | null, dir: AgencyScope): Owner | null {
  const labelled = label ? readOwnerHeading(label[1], dir) : null;
  if (labelled) return { list: labelled, coordinators: [], own: true };
  if (named(parts[0].subject)) return { list: parts[0].subject!, coordinators: [], own: true };
  const post = readPostposedOwner(unit.text, dir);
  return post ? { list: post, coordinators: [], own: true } : null;
}

function skip(unit: Unit, reason: SkipReason, sink: BuildSink): void {
  const text = unit.text.length > 120 ? `${unit.text.slice(0, 117)}…` : unit.text;
  const last = unit.pieces[unit.pieces.length - 1];
  sink.skipped.push({
    path: unit.path,
    text,
    span: { start: unit.pieces[0].offset, end: last.offset + last.text.length },
    reason,
    note: SKIP_NOTES[reason],
  });
}

/** The directives of one prose unit (zero when it gives no task, with the reason when it looks like one). */
export function buildUnitDirectives(unit: Unit, ctx: DeadlineContext, dir: AgencyScope, sink: BuildSink, body: BodyContext): void {
  const reason = skipReason(unit.text, unit.headings, body, dir);
  if (reason !== undefined) {
    if (reason && worthANote(reason, unit.text, unit.inherited !== null, dir)) skip(unit, reason, sink);
    return;
  }
  const inheritedCodes = unit.inherited ? [...unit.inherited.lead.map((h) => h.code), ...unit.inherited.unresolved.map((u) => u.name)] : [];
  // "Về thể chế: Bộ Y tế chủ trì …": the label is not part of the directive, its subject follows it.
  const label = LABEL.exec(unit.text);
  const base = label ? label[0].length : afterTopic(unit.text, dir);
  const parts = splitUnit(unit.text.slice(base), ctx, dir, inheritedCodes).map((p) => ({ ...p, start: p.start + base, end: p.end + base }));
  if (!parts.length) return;
  const frame = frameOwner(parts, unit, label, dir);
  const frameCoordinators = readCoordinators(parts[0].text, dir).hits;
  let emitted = 0;
  parts.forEach((part, i) => {
    const owner = ownerOf(part, frame, unit, dir);
    if (!owner) return;
    const ownDifferent = i > 0 && part.subject !== null && part.subject !== parts[0].subject && owner.own && owner !== frame;
    const coordinators = [...readCoordinators(part.text, dir).hits, ...(ownDifferent ? [] : frameCoordinators), ...owner.coordinators];
    emitted += 1;
    emitDirective(
      {
        path: parts.length > 1 ? `${unit.path}(${i + 1})` : unit.path,
        text: part.text,
        start: sourceOffset(unit.pieces, part.start),
        end: sourceOffset(unit.pieces, part.end),
        lead: owner.list.hits,
        unresolvedLead: owner.list.unresolved,
        coordinators,
        deadline: part.deadline ? part.deadline.deadline : NO_DEADLINE,
        warnings: [],
        // Every draft has the same fields in the same order (one object shape for emitDirective).
        status: undefined,
      },
      dir,
      sink,
    );
  });
  if (!emitted && startsWithActionVerb(unit.text.slice(base))) skip(unit, 'no_owner', sink);
}
