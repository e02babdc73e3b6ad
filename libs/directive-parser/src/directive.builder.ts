import { AgencyDirectory, AgencyHit } from './agency.port';
import { DeadlineContext, NO_DEADLINE } from './deadline.parser';
import { isExcludedUnit } from './directive.filter';
import { AgencyRef, ParsedDeadline, ParsedDirective, UnresolvedName } from './directive.types';
import { AgencyList, dedupe, readCoordinators, readOwnerHeading, readPostposedOwner } from './owner.resolver';
import { sourceOffset } from './paragraph.reader';
import { Unit } from './structure.parser';
import { Part, splitUnit } from './unit.splitter';

/** Everything a directive needs besides its text: shared by prose units and table rows. */
export interface DirectiveDraft {
  path: string;
  text: string;
  start: number;
  end: number;
  lead: AgencyHit[];
  unresolvedLead: string[];
  coordinators: AgencyHit[];
  deadline: ParsedDeadline;
  warnings: string[];
}

export interface BuildSink {
  directives: ParsedDirective[];
  unresolved: UnresolvedName[];
}

const LABEL = /^(?:Về|Đối với)\s+([^:]{1,100}):\s*(?=\S)/u;

function toRef(h: AgencyHit): AgencyRef {
  return { code: h.code, name: h.name };
}

/** Warnings for names that resolved to a successor agency (pre-2025 names). */
function successorWarnings(hits: AgencyHit[]): string[] {
  return hits.filter((h) => h.via).map((h) => `${h.via}; assigned to ${h.name}`);
}

function deadlineWarnings(d: ParsedDeadline): string[] {
  if (d.due !== null || !d.rule) return [];
  return /unknown|no date until|not stated/iu.test(d.rule) ? [`deadline "${d.phrase}" gives no date: ${d.rule}`] : [];
}

/** Turns a draft into the public directive and records unresolved names. */
export function emitDirective(draft: DirectiveDraft, dir: AgencyDirectory, sink: BuildSink): void {
  const lead = dedupe(draft.lead);
  const leadCodes = new Set(lead.map((h) => h.code));
  const coordinators = dedupe(draft.coordinators).filter((h) => !leadCodes.has(h.code));
  const warnings = [...draft.warnings, ...successorWarnings([...lead, ...coordinators]), ...deadlineWarnings(draft.deadline)];
  for (const text of draft.unresolvedLead) {
    sink.unresolved.push({ path: draft.path, role: 'lead', text });
    warnings.push(`lead agency not in the catalogue: "${text}"`);
  }
  const fanout = dir.fanoutOf(lead.map((h) => h.code));
  sink.directives.push({
    path: draft.path,
    text: draft.text,
    span: { start: draft.start, end: draft.end },
    lead: lead.map(toRef),
    coordinators: coordinators.map(toRef),
    deadline: draft.deadline,
    ...(fanout ? { fanout } : {}),
    warnings,
  });
}

interface Owner {
  list: AgencyList;
  coordinators: AgencyHit[];
  own: boolean;
}

function ownerOf(part: Part, frame: Owner | null, unit: Unit, dir: AgencyDirectory): Owner | null {
  if (part.subject && (part.subject.hits.length || part.subject.unresolved.length)) {
    return { list: part.subject, coordinators: [], own: true };
  }
  if (frame) return frame;
  const post = readPostposedOwner(part.text, dir);
  if (post) return { list: post, coordinators: [], own: true };
  const inh = unit.inherited;
  return inh ? { list: { hits: inh.lead, unresolved: inh.unresolved, end: 0 }, coordinators: inh.coordinators, own: false } : null;
}

function frameOwner(parts: Part[], unit: Unit, label: RegExpExecArray | null, dir: AgencyDirectory): Owner | null {
  const first = parts[0];
  const labelled = label ? readOwnerHeading(label[1], dir) : null;
  if (labelled) return { list: labelled, coordinators: [], own: true };
  if (first.subject && (first.subject.hits.length || first.subject.unresolved.length)) {
    return { list: first.subject, coordinators: [], own: true };
  }
  const post = readPostposedOwner(unit.text, dir);
  return post ? { list: post, coordinators: [], own: true } : null;
}

/** The directives of one prose unit (zero when it gives no task). */
export function buildUnitDirectives(unit: Unit, ctx: DeadlineContext, dir: AgencyDirectory, sink: BuildSink): void {
  if (isExcludedUnit(unit.text)) return;
  const inheritedCodes = unit.inherited ? unit.inherited.lead.map((h) => h.code) : [];
  // "Về thể chế: Bộ Y tế chủ trì …": the label is not part of the directive, its subject follows it.
  const label = LABEL.exec(unit.text);
  const base = label ? label[0].length : 0;
  const parts = splitUnit(unit.text.slice(base), ctx, dir, inheritedCodes).map((p) => ({ ...p, start: p.start + base, end: p.end + base }));
  if (!parts.length) return;
  const frame = frameOwner(parts, unit, label, dir);
  const frameCoordinators = readCoordinators(parts[0].text, dir).hits;
  parts.forEach((part, i) => {
    const owner = ownerOf(part, i === 0 ? frame : frame, unit, dir);
    if (!owner) return;
    const ownDifferent = i > 0 && part.subject !== null && part.subject !== parts[0].subject && owner.own && owner !== frame;
    const coordinators = [
      ...readCoordinators(part.text, dir).hits,
      ...(ownDifferent ? [] : frameCoordinators),
      ...owner.coordinators,
    ];
    const text = part.text;
    const found = part.deadline;
    emitDirective(
      {
        path: parts.length > 1 ? `${unit.path}(${i + 1})` : unit.path,
        text,
        start: sourceOffset(unit.pieces, part.start),
        end: sourceOffset(unit.pieces, part.end),
        lead: owner.list.hits,
        unresolvedLead: owner.list.unresolved,
        coordinators,
        deadline: found ? found.deadline : NO_DEADLINE,
        warnings: [],
      },
      dir,
      sink,
    );
  });
}
