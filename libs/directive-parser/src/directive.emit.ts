import { AgencyDirectory, AgencyHit } from './agency.port';
import { dedupe, dedupeNames } from './agency-reader';
import {
  AgencyRef,
  DirectiveStatus,
  ParsedDeadline,
  ParsedDirective,
  SkippedParagraph,
  UnresolvedAgency,
  UnresolvedName,
} from './directive.types';
import { deadlineWarning, unresolvedLeadWarning } from './messages.vi';

/** Everything a directive needs besides its text: shared by prose units and table rows. */
export interface DirectiveDraft {
  path: string;
  text: string;
  start: number;
  end: number;
  lead: AgencyHit[];
  unresolvedLead: UnresolvedAgency[];
  coordinators: AgencyHit[];
  deadline: ParsedDeadline;
  warnings: string[];
  status: DirectiveStatus | undefined;
}

export interface BuildSink {
  directives: ParsedDirective[];
  unresolved: UnresolvedName[];
  skipped: SkippedParagraph[];
}

export function newSink(): BuildSink {
  return { directives: [], unresolved: [], skipped: [] };
}

function toRef(h: AgencyHit): AgencyRef {
  return { code: h.code, name: h.name };
}

/** Turns a draft into the public directive and records its unresolved lead names. */
export function emitDirective(draft: DirectiveDraft, dir: AgencyDirectory, sink: BuildSink): void {
  const lead = dedupe(draft.lead);
  const leadCodes = new Set(lead.map((h) => h.code));
  const coordinators = dedupe(draft.coordinators).filter((h) => !leadCodes.has(h.code));
  const unresolved = dedupeNames(draft.unresolvedLead);
  const warnings = [...draft.warnings, ...[...lead, ...coordinators].flatMap((h) => (h.via ? [h.via] : []))];
  const late = deadlineWarning(draft.deadline);
  if (late) warnings.push(late);
  for (const u of unresolved) {
    sink.unresolved.push({ path: draft.path, role: 'lead', text: u.name, kind: u.kind, probableParent: u.probableParent });
    warnings.push(unresolvedLeadWarning(u.name, u.kind, u.probableParent));
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
    warnings: [...new Set(warnings)],
    ...(draft.status ? { status: draft.status } : {}),
    ...(unresolved.length ? { unresolvedLead: unresolved } : {}),
  });
}
