import { readFileSync } from 'node:fs';
import defaults from './reminder-policy.json';

/** Who an email goes to, resolved against the agency catalogue when it is sent. */
export type Audience = 'focal' | 'leader' | 'vpcpTrackingOfficer' | 'vpcpDepartmentHead';
export const AUDIENCES: readonly Audience[] = ['focal', 'leader', 'vpcpTrackingOfficer', 'vpcpDepartmentHead'];

export interface EscalationRung {
  afterWorkingDays: number;
  to: Audience[];
}

/** The reminder ladder as data (reminder-policy.json), overridable per deployment. */
export interface ReminderPolicy {
  /** Local wall-clock time of every send, on working days only. */
  sendAt: string;
  assignmentEmail: boolean;
  /** Working days before the (rolled-forward) due date; 0 is the due date itself. */
  beforeDue: number[];
  escalations: EscalationRung[];
  /** After the last escalation rung, one more every week while the task stays overdue. */
  weeklyWhileOverdue: boolean;
  /** Hà Nội's practice: after N reminders with no update from the agency, its leader is told. 0 = off. */
  escalateAfterRemindersWithoutUpdate: number;
  unansweredTo: Audience[];
  /** One email per agency per send slot listing its tasks, instead of one per task. */
  digest: boolean;
  /** How long after a slot the digest waits for the slot's reminders to gather. */
  digestWindowSeconds: number;
}

export class ReminderPolicyError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`Invalid reminder policy (${source}):\n  - ${problems.join('\n  - ')}`);
    this.name = 'ReminderPolicyError';
  }
}

const KEYS = Object.keys(defaults);

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = parseReminderPolicy(defaults, 'reminder-policy.json');

/**
 * The policy in force: the shipped file, then REMINDER_POLICY_FILE (a JSON file), then
 * REMINDER_POLICY_JSON (inline JSON) — each a partial override of the one before. Validated once at
 * start, so a typo stops the process with a message instead of silently sending nothing.
 */
export function loadReminderPolicy(env: NodeJS.ProcessEnv = process.env): ReminderPolicy {
  let merged: Record<string, unknown> = { ...defaults };
  const sources = ['reminder-policy.json'];
  if (env.REMINDER_POLICY_FILE) {
    merged = {
      ...merged,
      ...readJson(() => readFileSync(env.REMINDER_POLICY_FILE!, 'utf8'), `REMINDER_POLICY_FILE=${env.REMINDER_POLICY_FILE}`),
    };
    sources.push(env.REMINDER_POLICY_FILE);
  }
  if (env.REMINDER_POLICY_JSON) {
    merged = { ...merged, ...readJson(() => env.REMINDER_POLICY_JSON!, 'REMINDER_POLICY_JSON') };
    sources.push('REMINDER_POLICY_JSON');
  }
  return parseReminderPolicy(merged, sources.join(' + '));
}

function readJson(read: () => string, source: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(read());
  } catch (error) {
    throw new ReminderPolicyError(source, [(error as Error).message]);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new ReminderPolicyError(source, ['must be a JSON object']);
  return parsed as Record<string, unknown>;
}

export function parseReminderPolicy(input: unknown, source: string): ReminderPolicy {
  const p = input as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(p)) if (!KEYS.includes(key)) problems.push(`unknown setting "${key}" (known: ${KEYS.join(', ')})`);
  if (typeof p.sendAt !== 'string' || !/^([01]\d|2[0-3]):[0-5]\d$/.test(p.sendAt)) problems.push('sendAt must be HH:mm, e.g. "08:00"');
  for (const flag of ['assignmentEmail', 'weeklyWhileOverdue', 'digest'])
    if (typeof p[flag] !== 'boolean') problems.push(`${flag} must be true or false`);
  if (!isDays(p.beforeDue, 0)) problems.push('beforeDue must be a list of distinct whole numbers of working days ≥ 0, e.g. [7, 3, 1, 0]');
  const escalations = p.escalations as EscalationRung[];
  if (
    !Array.isArray(escalations) ||
    !isDays(
      escalations.map((e) => e?.afterWorkingDays),
      1,
    )
  )
    problems.push('escalations must be a list of { afterWorkingDays ≥ 1 (distinct), to: [audience…] }');
  else escalations.forEach((e, i) => checkAudiences(e.to, `escalations[${i}].to`, problems));
  checkAudiences(p.unansweredTo, 'unansweredTo', problems);
  const n = p.escalateAfterRemindersWithoutUpdate;
  if (!Number.isInteger(n) || (n as number) < 0) problems.push('escalateAfterRemindersWithoutUpdate must be a whole number ≥ 0 (0 = off)');
  const w = p.digestWindowSeconds;
  if (typeof w !== 'number' || !(w >= 0 && w <= 3600)) problems.push('digestWindowSeconds must be a number of seconds from 0 to 3600');
  if (problems.length) throw new ReminderPolicyError(source, problems);
  return {
    ...(p as unknown as ReminderPolicy),
    beforeDue: [...(p.beforeDue as number[])].sort((a, b) => b - a),
    escalations: [...escalations].sort((a, b) => a.afterWorkingDays - b.afterWorkingDays),
  };
}

function isDays(value: unknown, min: number): boolean {
  return Array.isArray(value) && value.every((d) => Number.isInteger(d) && d >= min && d <= 250) && new Set(value).size === value.length;
}

function checkAudiences(value: unknown, field: string, problems: string[]): void {
  if (!Array.isArray(value) || value.length === 0 || !value.every((a) => AUDIENCES.includes(a as Audience)))
    problems.push(`${field} must be a non-empty list of ${AUDIENCES.join(', ')}`);
}
