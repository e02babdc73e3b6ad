import { ParsedDirective, ParseResult } from '@tdnv/directive-parser';
import { InvalidCommandError } from '@tdnv/domain';
import { DeadlineInput, DirectiveEdit, DirectiveInput, NoticeInput } from './notice-input';

export interface ImportInput {
  number?: string;
  issuedAt?: string;
  edits?: DirectiveEdit[];
  historical?: boolean;
}

/**
 * Turns a parse result and the specialist's corrections into the body of RegisterNotice. Every
 * directive must end with a lead agency (parsed or corrected) or be dropped: nothing is guessed.
 */
export function importPlan(parsed: ParseResult, input: ImportInput): NoticeInput {
  const edits = new Map((input.edits ?? []).map((e) => [e.path, e]));
  const unknown = [...edits.keys()].filter((path) => !parsed.directives.some((d) => d.path === path));
  if (unknown.length) throw invalid('edits', `Không có chỉ đạo ở vị trí: ${unknown.join(', ')}`);
  const number = input.number ?? parsed.notice.number ?? undefined;
  const issuedAt = input.issuedAt ?? parsed.notice.issuedAt ?? undefined;
  if (!number) throw invalid('number', 'Không xác định được số hiệu văn bản; hãy nhập số hiệu (number)');
  if (!issuedAt) throw invalid('issuedAt', 'Không xác định được ngày ban hành; hãy nhập issuedAt (YYYY-MM-DD)');
  const directives = parsed.directives.filter((d) => !edits.get(d.path)?.drop).map((d) => applyEdit(d, edits.get(d.path)));
  const leaderless = directives.filter((d) => d.dto.lead.length === 0).map((d) => d.path);
  if (leaderless.length)
    throw invalid('edits', `Chưa xác định cơ quan chủ trì cho chỉ đạo: ${leaderless.join(', ')}; hãy sửa (lead) hoặc bỏ (drop)`);
  if (directives.length === 0) throw invalid('text', 'Văn bản không có chỉ đạo nào để giao nhiệm vụ');
  return {
    number,
    issuedAt,
    title: parsed.notice.title ?? number,
    leader: parsed.notice.leader ?? undefined,
    ...(parsed.notice.kind && parsed.notice.kind !== 'unknown' ? { kind: parsed.notice.kind } : {}),
    ...(input.historical ? { historical: true } : {}),
    directives: directives.map((d) => d.dto),
  };
}

function applyEdit(d: ParsedDirective, edit: DirectiveEdit | undefined): { path: string; dto: DirectiveInput } {
  const parsedLead = d.fanout ? [d.fanout] : d.lead.map((a) => a.code);
  // The parser's rule travels with the date into the task's history; a corrected date says it was typed in.
  const recurrence = (d.deadline as { recurrence?: DeadlineInput['recurrence'] }).recurrence;
  const deadline: DeadlineInput = edit?.deadline
    ? { ...edit.deadline, rule: edit.deadline.rule ?? 'nhập tay khi xem trước văn bản' }
    : {
        due: d.deadline.due ?? undefined,
        phrase: d.deadline.phrase ?? undefined,
        kind: d.deadline.due === null && d.deadline.kind !== 'recurring' ? 'none' : d.deadline.kind,
        rule: d.deadline.rule ?? undefined,
        ...(recurrence ? { recurrence } : {}),
      };
  const status = edit?.status ?? d.status;
  const dto: DirectiveInput = {
    path: d.path,
    // A row done: completed on the day the report says it was done, else on the report's date.
    ...(status
      ? {
          status: {
            kind: status.kind,
            result: status.result,
            reportedOn: (status as { completedOn?: string }).completedOn ?? status.reportedOn,
          },
        }
      : {}),
    text: edit?.text ?? d.text,
    lead: edit?.lead ?? parsedLead,
    coordinators: edit?.coordinators ?? d.coordinators.map((a) => a.code),
    deadline,
    key: edit?.key ?? false,
    confidential: edit?.confidential ?? false,
  };
  return { path: d.path, dto };
}

function invalid(field: string, message: string): InvalidCommandError {
  return new InvalidCommandError('RegisterNotice', message, field);
}
