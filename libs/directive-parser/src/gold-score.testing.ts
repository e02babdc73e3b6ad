import * as fs from 'fs';
import * as path from 'path';
import { AgencyDirectory } from './agency.port';
import { ParseResult } from './directive.types';

/** A hand-made annotation (../shared/gold/RULES.md); only `starts`, `lead` and `due` are scored. */
export interface GoldFile {
  doc: string;
  /** The document kind (corpus files): "thong_bao_ket_luan", "chi_thi", "cong_dien", … */
  kind?: string;
  issued: string | null;
  directives: Array<{
    path: string;
    starts: string;
    lead: string[];
    deadline: { due: string | null };
    status?: 'done' | 'in_progress' | null;
  }>;
}

export interface Score {
  name: string;
  gold: number;
  parsed: number;
  matched: number;
  recall: number;
  precision: number;
  lead: number;
  due: number;
  /** Counts behind the ratios, to add scores up per kind. */
  leadOk: number;
  dueOk: number;
  /** Rows whose gold names a status (done, in progress, or null for none) and how many the parser got. */
  statusTotal: number;
  statusOk: number;
  misses: string[];
}

const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/** Gold leads are names as written; compare through the catalogue so successors count as equal. */
function leadKey(name: string, dir: AgencyDirectory): string {
  return dir.resolveName(name)?.code ?? `text:${norm(name)}`;
}

export function scoreGold(name: string, gold: GoldFile, result: ParseResult, dir: AgencyDirectory): Score {
  const used = new Set<number>();
  let leadOk = 0;
  let dueOk = 0;
  let statusTotal = 0;
  let statusOk = 0;
  const misses: string[] = [];
  for (const g of gold.directives) {
    const want = norm(g.starts);
    const i = result.directives.findIndex((d, k) => !used.has(k) && norm(d.text).includes(want));
    if (i < 0) {
      misses.push(`missing ${g.path}: ${g.starts}`);
      continue;
    }
    used.add(i);
    const d = result.directives[i];
    const got = [
      ...d.lead.map((l) => l.code),
      ...result.unresolved.filter((u) => u.path === d.path && u.role === 'lead').map((u) => `text:${norm(u.text)}`),
    ].sort();
    const expected = [...new Set(g.lead.map((l) => leadKey(l, dir)))].sort();
    if (got.join('|') === expected.join('|')) leadOk += 1;
    else misses.push(`lead ${g.path}: want ${expected.join(',')} got ${got.join(',')}`);
    if (d.deadline.due === g.deadline.due) dueOk += 1;
    else misses.push(`due ${g.path}: want ${g.deadline.due} got ${d.deadline.due} (${d.deadline.phrase})`);
    if (g.status !== undefined) {
      statusTotal += 1;
      // An open row (empty or "Chưa …" result) is what the gold writes as null.
      const got = d.status && d.status.kind !== 'open' ? d.status.kind : null;
      if (got === g.status) statusOk += 1;
      else misses.push(`status ${g.path}: want ${g.status} got ${got}`);
    }
  }
  result.directives.forEach((d, k) => {
    if (!used.has(k)) misses.push(`extra ${d.path}: ${d.text.slice(0, 60)}`);
  });
  const matched = used.size;
  const pct = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    name,
    gold: gold.directives.length,
    parsed: result.directives.length,
    matched,
    recall: pct(matched, gold.directives.length),
    precision: pct(matched, result.directives.length),
    lead: pct(leadOk, matched),
    due: pct(dueOk, matched),
    leadOk,
    dueOk,
    statusTotal,
    statusOk,
    misses,
  };
}

export interface KindScore {
  kind: string;
  documents: number;
  gold: number;
  parsed: number;
  matched: number;
  f1: number;
  lead: number;
  due: number;
  /** Share of report rows with the right status; 1 when the kind has none. */
  status: number;
}

/** Scores added up per document kind: F1 over all its directives, lead and due over the matched ones. */
export function scoreByKind(scores: Array<Score & { kind: string }>): KindScore[] {
  const kinds = [...new Set(scores.map((s) => s.kind))];
  return kinds.map((kind) => {
    const mine = scores.filter((s) => s.kind === kind);
    const sum = (f: (s: Score) => number) => mine.reduce((a, s) => a + f(s), 0);
    const [gold, parsed, matched] = [sum((s) => s.gold), sum((s) => s.parsed), sum((s) => s.matched)];
    const recall = gold ? matched / gold : 1;
    const precision = parsed ? matched / parsed : 1;
    const statusTotal = sum((s) => s.statusTotal);
    return {
      kind,
      documents: mine.length,
      gold,
      parsed,
      matched,
      f1: recall + precision ? (2 * recall * precision) / (recall + precision) : 0,
      lead: matched ? sum((s) => s.leadOk) / matched : 1,
      due: matched ? sum((s) => s.dueOk) / matched : 1,
      status: statusTotal ? sum((s) => s.statusOk) / statusTotal : 1,
    };
  });
}

export function formatKindScores(scores: KindScore[]): string {
  const p = (x: number) => x.toFixed(3).padStart(6);
  const rows = scores.map(
    (s) =>
      `${s.kind.padEnd(20)} ${String(s.documents).padStart(4)} ${String(s.gold).padStart(5)} ${String(s.parsed).padStart(6)} ${p(s.f1)} ${p(s.lead)} ${p(s.due)} ${p(s.status)}`,
  );
  return [`${'kind'.padEnd(20)} docs  gold parsed     F1   lead    due status`, ...rows].join('\n');
}

export function formatScores(scores: Score[]): string {
  const p = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
  const rows = scores.map(
    (s) =>
      `${s.name.padEnd(34)} ${String(s.gold).padStart(5)} ${String(s.parsed).padStart(6)} ${p(s.recall)} ${p(s.precision)} ${p(s.lead)} ${p(s.due)}`,
  );
  return [`${'gold file'.padEnd(34)}  gold parsed  recall  precis    lead     due`, ...rows].join('\n');
}

/** Gold files of a folder with the text each one annotates. */
export function loadGold(dir: string, textDir: string): Array<{ name: string; gold: GoldFile; text: string }> {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const gold = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as GoldFile;
      return { name: f, gold, text: fs.readFileSync(path.join(textDir, gold.doc), 'utf8') };
    });
}
