/**
 * `parse <file> [--json] [--issued-at YYYY-MM-DD]`: runs the directive parser on a text file and
 * prints a readable table (path, lead, coordinators, due, phrase) or, with --json, exactly the
 * parse result object. main.ts dispatches the `parse` command here.
 */
import { readFile } from 'node:fs/promises';
import { ParseResult, ParsedDirective, parse } from '@tdnv/directive-parser';

const USAGE = 'usage: parse <file> [--json] [--issued-at YYYY-MM-DD]';

interface ParseArgs {
  file: string;
  json: boolean;
  issuedAt?: string;
}

function readArgs(argv: string[]): ParseArgs | string {
  const args = argv[0] === 'parse' ? argv.slice(1) : argv;
  let file: string | undefined;
  let json = false;
  let issuedAt: string | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const a = args[i];
    if (a === '--json') json = true;
    else if (a === '--issued-at' || a.startsWith('--issued-at=')) {
      issuedAt = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[(i += 1)];
      if (!issuedAt || !/^\d{4}-\d{2}-\d{2}$/.test(issuedAt)) return `--issued-at needs a date YYYY-MM-DD\n${USAGE}`;
    } else if (a.startsWith('--')) return `unknown option ${a}\n${USAGE}`;
    else if (!file) file = a;
    else return `one file only\n${USAGE}`;
  }
  return file ? { file, json, issuedAt } : USAGE;
}

function cut(text: string, width: number): string {
  return text.length <= width ? text.padEnd(width) : `${text.slice(0, width - 1)}…`;
}

function row(d: ParsedDirective): string {
  const lead = d.lead.map((l) => l.name).join('; ') || '(?)';
  const coord = d.coordinators.map((c) => c.name).join('; ');
  const due = d.deadline.due ?? (d.deadline.kind === 'none' ? '—' : `(${d.deadline.kind})`);
  return [cut(d.path, 10), cut(lead, 40), cut(coord, 30), cut(due, 11), d.deadline.phrase ?? ''].join('  ');
}

/** The readable form: notice fields, one line per directive, then warnings and unresolved names. */
export function formatTable(result: ParseResult): string {
  const n = result.notice;
  const lines = [
    `${n.kind} ${n.number ?? '(no number)'} issued ${n.issuedAt ?? '(unknown)'} by ${n.issuer ?? '(unknown)'}`,
    n.title ? `  ${n.title}` : '',
    '',
    [cut('path', 10), cut('lead', 40), cut('coordinators', 30), cut('due', 11), 'phrase'].join('  '),
    ...result.directives.map(row),
    '',
    `${result.directives.length} directives`,
  ];
  const warnings = result.directives.flatMap((d) => d.warnings.map((w) => `  ${d.path}: ${w}`));
  if (warnings.length) lines.push('warnings:', ...warnings);
  if (result.unresolved.length) lines.push('unresolved:', ...result.unresolved.map((u) => `  ${u.path} ${u.role}: ${u.text}`));
  return lines.filter((l, i) => l !== '' || i > 1).join('\n');
}

export async function runParse(argv: string[]): Promise<number> {
  const args = readArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n`);
    return 2;
  }
  let text: string;
  try {
    text = await readFile(args.file, 'utf8');
  } catch (e) {
    process.stderr.write(`cannot read ${args.file}: ${(e as Error).message}\n`);
    return 1;
  }
  const result = parse(text, args.issuedAt ? { issuedAt: args.issuedAt } : {});
  process.stdout.write(args.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatTable(result)}\n`);
  return 0;
}
