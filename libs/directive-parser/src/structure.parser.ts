import { AgencyHit } from './agency.port';
import { isClosingFormula } from './directive.filter';
import { AgencyScope } from './document-scope';
import { UnresolvedAgency } from './directive.types';
import { MarkerKind, readMarker } from './list-marker';
import { named, readAgencyList, readCoordinators, readOwnerHeading, readRoleHeading, readSubject } from './owner.resolver';
import { Paragraph, Piece, joinPieces } from './paragraph.reader';

/** The owner a heading or an umbrella line hands down to the items under it. */
export interface InheritedOwner {
  lead: AgencyHit[];
  coordinators: AgencyHit[];
  unresolved: UnresolvedAgency[];
}

/** A bullet, item or paragraph that may hold one or more directives. */
export interface Unit {
  path: string;
  kind: MarkerKind | 'paragraph';
  pieces: Piece[];
  text: string;
  inherited: InheritedOwner | null;
  /** Texts of the items this unit sits under, outermost first ("II. TỒN TẠI, HẠN CHẾ", …). */
  headings: string[];
}

interface Container {
  level: number;
  kind: MarkerKind | 'root';
  path: string;
  owner: InheritedOwner | null;
  counts: Record<string, number>;
  lastUnit: Unit | null;
  title: string;
}

function childPath(parent: Container, label: string): string {
  return parent.path ? `${parent.path}.${label}` : label;
}

function nearestOwner(stack: Container[]): InheritedOwner | null {
  for (let i = stack.length - 1; i >= 0; i -= 1) if (stack[i].owner) return stack[i].owner;
  return null;
}

/** "…, Thủ tướng Chính phủ giao các Bộ, ngành, địa phương … sau đây:" → the owner of what follows. */
function umbrellaOwner(text: string, dir: AgencyScope): InheritedOwner | null {
  const subject = readSubject(text, dir) ?? readRoleHeading(text, dir);
  if (named(subject)) return { lead: subject!.hits, coordinators: readCoordinators(text, dir).hits, unresolved: subject!.unresolved };
  const re = /(?<![\p{L}])(?:giao(?: cho)?|yêu cầu|đề nghị)\s+/giu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const list = readAgencyList(text, m.index + m[0].length, dir);
    if (named(list)) return { lead: list.hits, coordinators: readCoordinators(text, dir).hits, unresolved: list.unresolved };
  }
  return null;
}

function headingOwner(text: string, dir: AgencyScope): InheritedOwner | null {
  const list = readOwnerHeading(text, dir);
  return list ? { lead: list.hits, coordinators: [], unresolved: list.unresolved } : null;
}

function stripPieces(pieces: Piece[], n: number): Piece[] {
  const [first, ...rest] = pieces;
  return [{ text: first.text.slice(n), offset: first.offset + n }, ...rest];
}

/**
 * Walks the body paragraphs keeping a stack of open items (I. → 1. → a) → - → +), and returns the
 * units with their position path and the owner inherited from headings and umbrella lines.
 */
export function readUnits(paragraphs: Paragraph[], dir: AgencyScope): Unit[] {
  const root: Container = { level: -1, kind: 'root', path: '', owner: null, counts: {}, lastUnit: null, title: '' };
  const stack: Container[] = [root];
  const headings = (upTo: number) => stack.slice(1, upTo).map((c) => c.title);
  const units: Unit[] = [];
  for (const p of paragraphs) {
    if (p.tabular) continue;
    const marker = readMarker(p.text);
    if (marker) {
      while (stack.length > 1 && stack[stack.length - 1].level >= marker.level) stack.pop();
      const parent = stack[stack.length - 1];
      const label = marker.label || String((parent.counts[marker.kind] = (parent.counts[marker.kind] ?? 0) + 1));
      const pieces = stripPieces(p.pieces, marker.length);
      const text = joinPieces(pieces);
      const node: Container = {
        level: marker.level,
        kind: marker.kind,
        path: childPath(parent, label),
        owner: null,
        counts: {},
        lastUnit: null,
        title: text,
      };
      stack.push(node);
      node.owner = headingOwner(text, dir) ?? (text.trimEnd().endsWith(':') ? umbrellaOwner(text, dir) : null);
      if (node.owner || text.trimEnd().endsWith(':')) continue;
      const unit: Unit = {
        path: node.path,
        kind: marker.kind,
        pieces,
        text,
        inherited: nearestOwner(stack.slice(0, -1)),
        headings: headings(stack.length - 1),
      };
      node.lastUnit = unit;
      units.push(unit);
      continue;
    }
    const top = stack[stack.length - 1];
    if ((top.kind === 'dash' || top.kind === 'plus') && top.lastUnit && !isClosingFormula(p.text)) {
      // An unmarked paragraph after a bullet continues that bullet (gold/RULES.md).
      const u = top.lastUnit;
      u.pieces = [...u.pieces, ...p.pieces];
      u.text = joinPieces(u.pieces);
      continue;
    }
    if (p.text.trimEnd().endsWith(':')) {
      top.owner = umbrellaOwner(p.text, dir) ?? top.owner;
      continue;
    }
    const k = (top.counts.paragraph = (top.counts.paragraph ?? 0) + 1);
    const unit: Unit = {
      path: childPath(top, `p${k}`),
      kind: 'paragraph',
      pieces: p.pieces,
      text: p.text,
      inherited: nearestOwner(stack),
      headings: headings(stack.length),
    };
    units.push(unit);
  }
  return units;
}
