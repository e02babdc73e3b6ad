/** Shapes of the API answers the pages use (see the controllers under apps/api/src). */
export type {
  AgencyRef,
  DirectiveStatus,
  ParsedDirective,
  ParseResult,
  SkippedParagraph,
  SkipReason,
  UnresolvedAgency,
} from '@tdnv/directive-parser';
import type { Deadline } from '@tdnv/domain';
export type { Deadline };

export interface Agency {
  code: string;
  name: string;
  shortName?: string;
  kind: string;
  aliases: string[];
  members?: string[];
  parent?: string;
  contacts?: { focal: string[]; leader: string[]; trackingOfficers?: string[] };
}

export type { TaskView } from '@tdnv/domain';

/** One row of GET /tasks (issue 4). Fields beyond the contract's are optional: the page copes without them. */
export interface TaskListItem {
  taskId: string;
  noticeId: string;
  noticeNumber?: string;
  text: string;
  lead: string;
  coordinators?: string[];
  state: string;
  due?: string | null;
  deadline?: Deadline;
  overdue?: boolean;
  bucket?: string;
  key?: boolean;
  confidential?: boolean;
  pendingExtension?: { proposedDue: string; reason?: string } | null;
  directiveIndex?: number;
  delegatedBy?: string;
  parentTaskId?: string;
  result?: string | null;
  percent?: number | null;
  updatedAt?: string;
}

/** Counts over the whole filter (GET /tasks?totals=true). */
export interface TaskTotals {
  total: number;
  overdue: number;
  noDeadline: number;
}

export type { DirectiveGroup } from '@tdnv/read-models';

export interface HistoryEntry {
  revision: number;
  type: string;
  occurredAt: string;
  /** `name`: the person's name when the server knows it (never for the system). */
  actor: { id: string; role: string; agency?: string; name?: string };
  data: Record<string, unknown>;
}

export interface CommandResult {
  taskId: string;
  revision: number;
  state: string;
}

/**
 * GET /stats: per group and in total, the official buckets (Counts) and the periodic reports of the
 * period asked (PeriodicReportCounts), as the server's read models answer them.
 */
export type {
  Counts as BucketCounts,
  PeriodicReportCounts,
  StatsAnswer as Stats,
  StatsGroupWithPeriodic as StatsGroup,
} from '@tdnv/read-models';

export interface PublicUser {
  id: string;
  email: string;
  name: string;
  role: string;
  agency?: string;
  disabled?: boolean;
}

/** The due date of a list row, whichever field the read model uses. */
export const dueOf = (t: { due?: string | null; deadline?: Deadline }): string | null => t.due ?? t.deadline?.due ?? null;

/** Overdue as the read model judged it (its bucket uses the server's calendar and clock). */
export const isOverdue = (t: TaskListItem): boolean => t.overdue ?? t.bucket === 'open_overdue';
