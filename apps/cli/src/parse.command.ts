/**
 * `parse <file> [--json] [--issued-at YYYY-MM-DD] [--catalogue <units.csv|xlsx>]`: runs the
 * directive parser on a text file and prints, in Vietnamese, the document's fields and one row per
 * directive (position, first words, lead, coordinators, due date dd/mm/yyyy, report status), then
 * the warnings, the agencies outside the catalogue and the paragraphs that give no task. With
 * --json it prints exactly the parse result object. main.ts dispatches the `parse` command here.
 */
import { readFile } from 'node:fs/promises';
import { AgencyCatalogue } from '@tdnv/agencies';
import { DirectiveStatus, NoticeKind, ParseResult, ParsedDirective, parse } from '@tdnv/directive-parser';
import { documentKindName } from '@tdnv/read-models';

const USAGE = 'Cách dùng: parse <tệp> [--json] [--issued-at YYYY-MM-DD] [--catalogue <tệp đơn vị .csv|.xlsx>]';

interface ParseArgs {
  file: string;
  json: boolean;
  issuedAt?: string;
  catalogue?: string;
}

function readArgs(argv: string[]): ParseArgs | string {
  const args = argv[0] === 'parse' ? argv.slice(1) : argv;
  const out: Partial<ParseArgs> = { json: false };
  for (let i = 0; i < args.length; i += 1) {
    const a = args[i];
    const value = () => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[(i += 1)]);
    if (a === '--json') out.json = true;
    else if (a === '--issued-at' || a.startsWith('--issued-at=')) {
      out.issuedAt = value();
      if (!out.issuedAt || !/^\d{4}-\d{2}-\d{2}$/.test(out.issuedAt)) return `--issued-at cần một ngày dạng YYYY-MM-DD\n${USAGE}`;
    } else if (a === '--catalogue' || a.startsWith('--catalogue=')) {
      out.catalogue = value();
      if (!out.catalogue) return `--catalogue cần đường dẫn tệp danh mục đơn vị\n${USAGE}`;
    } else if (a.startsWith('--')) return `Không có tùy chọn ${a}\n${USAGE}`;
    else if (!out.file) out.file = a;
    else return `Chỉ đọc một tệp mỗi lần\n${USAGE}`;
  }
  return out.file ? (out as ParseArgs) : USAGE;
}

/** A kind's name as the appendix and the letters write it; the parser may not have recognised it. */
const kindName = (kind: NoticeKind): string => (kind === 'unknown' ? 'Văn bản (chưa rõ loại)' : documentKindName(kind, ''));

const STATUS_NAMES: Record<DirectiveStatus['kind'], string> = {
  done: 'Đã hoàn thành',
  in_progress: 'Đang thực hiện',
  open: 'Chưa thực hiện',
};

/** dd/mm/yyyy from YYYY-MM-DD. */
export function viDate(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/** Words laid out in lines of at most `width` characters; a word longer than a line is split. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let w = word;
    while (w.length > width) {
      if (line) lines.push(line);
      lines.push(w.slice(0, width));
      w = w.slice(width);
      line = '';
    }
    if (!line) line = w;
    else if (line.length + 1 + w.length <= width) line += ` ${w}`;
    else {
      lines.push(line);
      line = w;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** The first words of a directive, cut at a word and marked "…" when there is more. */
function firstWords(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= width) return flat;
  const cut = flat.slice(0, width - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > width / 2 ? cut.slice(0, space) : cut}…`;
}

function dueText(d: ParsedDirective): string {
  if (d.deadline.due) return d.deadline.kind === 'recurring' ? `${viDate(d.deadline.due)} (định kỳ)` : viDate(d.deadline.due);
  if (d.deadline.kind === 'none') return d.deadline.phrase ? '—' : '';
  return 'chưa có ngày';
}

const COLUMNS: Array<{ title: string; width: number }> = [
  { title: 'Vị trí', width: 10 },
  { title: 'Nội dung', width: 34 },
  { title: 'Cơ quan chủ trì', width: 30 },
  { title: 'Phối hợp', width: 24 },
  { title: 'Thời hạn', width: 12 },
  { title: 'Trạng thái', width: 14 },
  { title: 'Căn cứ thời hạn', width: 0 },
];

function leadNames(d: ParsedDirective): string {
  const names = [...d.lead.map((l) => l.name), ...(d.unresolvedLead ?? []).map((u) => `*${u.name}`)];
  return names.join('; ') || '(chưa xác định)';
}

/** One directive as one or more lines: names wrap inside their column instead of being cut. */
function rows(d: ParsedDirective): string[] {
  const cells = [
    [d.path],
    [firstWords(d.text, COLUMNS[1].width)],
    wrap(leadNames(d), COLUMNS[2].width),
    wrap(d.coordinators.map((c) => c.name).join('; '), COLUMNS[3].width),
    wrap(dueText(d), COLUMNS[4].width),
    wrap(d.status ? STATUS_NAMES[d.status.kind] : '', COLUMNS[5].width),
    [d.deadline.phrase ?? ''],
  ];
  const height = Math.max(...cells.map((c) => c.length));
  return Array.from({ length: height }, (_, i) =>
    cells
      .map((c, k) => (COLUMNS[k].width ? (c[i] ?? '').padEnd(COLUMNS[k].width) : (c[i] ?? '')))
      .join('  ')
      .trimEnd(),
  );
}

function header(result: ParseResult): string[] {
  const n = result.notice;
  const lines = [
    `${kindName(n.kind)}${n.number ? ` số ${n.number}` : ' (không rõ số hiệu)'}, ${n.issuedAt ? `ngày ${viDate(n.issuedAt)}` : 'không rõ ngày ban hành'}`,
    `Cơ quan ban hành: ${n.issuer ?? '(không xác định)'}${n.issuerAgency && n.issuerAgency.name !== n.issuer ? ` (nay: ${n.issuerAgency.name})` : ''}`,
  ];
  if (n.title) lines.push(`Trích yếu: ${n.title}`);
  if (n.leader) lines.push(`Người kết luận hoặc ký: ${n.leader}`);
  for (const note of n.notes ?? []) lines.push(`Lưu ý: ${note}`);
  return lines;
}

/** The readable form: document fields, the directives, then warnings, unknown agencies and skipped paragraphs. */
export function formatTable(result: ParseResult): string {
  const lines = [
    ...header(result),
    '',
    COLUMNS.map((c) => (c.width ? c.title.padEnd(c.width) : c.title)).join('  '),
    ...result.directives.flatMap(rows),
  ];
  const done = result.directives.filter((d) => d.status?.kind === 'done').length;
  lines.push('', `${result.directives.length} chỉ đạo${done ? `, trong đó ${done} đã hoàn thành theo báo cáo` : ''}`);
  if (result.directives.some((d) => d.unresolvedLead?.length)) lines.push('(*: cơ quan chưa có trong danh mục)');
  const warnings = result.directives.flatMap((d) => d.warnings.map((w) => `  ${d.path}: ${w}`));
  if (warnings.length) lines.push('', 'Cảnh báo:', ...warnings);
  const skipped = result.skipped ?? [];
  if (skipped.length)
    lines.push('', 'Đoạn không giao nhiệm vụ:', ...skipped.map((s) => `  ${s.path}: ${s.note} — “${firstWords(s.text, 70)}”`));
  return lines.join('\n');
}

async function loadCatalogue(path: string): Promise<AgencyCatalogue> {
  const { readUnitFile } = await import('./catalogue.command');
  const file = await readUnitFile(path);
  if (file.errors.length) throw new Error(`Tệp danh mục ${path} có dòng lỗi:\n${file.errors.join('\n')}`);
  return AgencyCatalogue.load().withUnits(file.units);
}

export async function runParse(argv: string[]): Promise<number> {
  const args = readArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n`);
    return 2;
  }
  let text: string;
  let catalogue: AgencyCatalogue | undefined;
  try {
    text = await readFile(args.file, 'utf8');
    if (args.catalogue) catalogue = await loadCatalogue(args.catalogue);
  } catch (e) {
    process.stderr.write(`Không đọc được tệp: ${(e as Error).message}\n`);
    return 1;
  }
  const result = parse(text, { ...(args.issuedAt ? { issuedAt: args.issuedAt } : {}), ...(catalogue ? { catalogue } : {}) });
  process.stdout.write(args.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatTable(result)}\n`);
  return 0;
}
