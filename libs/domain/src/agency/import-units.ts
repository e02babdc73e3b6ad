import { Actor } from '../actor';
import { ActorForbiddenError, InvalidCommandError } from '../domain.errors';
import type { AgencyEditEvent } from './agency-edits';
import { checkedUnit, NewAgencyUnit } from './agency-unit';

/** One unit of a catalogue file, with the line it was read from (1 is the header). */
export interface UnitLine {
  line: number;
  unit: NewAgencyUnit;
}

/** What importing needs to know of the catalogue as it stands. */
export interface UnitCatalogueView {
  /** A current agency or unit: a unit may be added under it. */
  isAgency(code: string): boolean;
  /** Taken by an agency, a unit, a group or a former agency. */
  isTaken(code: string): boolean;
  parentOf(code: string): string | undefined;
}

export interface UnitImport {
  events: AgencyEditEvent[];
  /** Codes already in the catalogue under the same parent: importing a file twice is harmless. */
  skipped: string[];
}

const COMMAND = 'ImportAgencyUnits';
const MAX_DEPTH = 20;

/** Importing a catalogue file is an admin's; the edge asks before it reads the file (403 before 400). */
export function authorizeImportUnits(actor: Actor): void {
  if (actor.role !== 'admin') throw new ActorForbiddenError(COMMAND, 'Chỉ quản trị viên mới được nhập danh mục đơn vị từ tệp');
}

/**
 * A catalogue file (a province's Sở and communes, a ministry's Cục and Vụ) is an admin's: all its
 * units in one append or none. Lines come parents first; each unit passes the rule of a single
 * added unit (agency-unit.ts). With a `root`, every unit must belong to it (directly or through
 * another unit): a file uploaded for Lai Châu adds nothing under another province. A bad line
 * refuses the whole file, naming the line.
 */
export function decideImportUnits(actor: Actor, root: string | undefined, lines: UnitLine[], catalogue: UnitCatalogueView): UnitImport {
  authorizeImportUnits(actor);
  if (lines.length === 0) throw new InvalidCommandError(COMMAND, 'Tệp không có đơn vị nào', 'file');
  const added = new Map<string, string>();
  const parentOf = (code: string) => added.get(code) ?? catalogue.parentOf(code);
  const belongs = (code: string) => {
    let at: string | undefined = code;
    for (let depth = 0; at !== undefined && depth < MAX_DEPTH; depth += 1, at = parentOf(at)) if (at === root) return true;
    return false;
  };
  const result: UnitImport = { events: [], skipped: [] };
  for (const { line, unit } of lines) {
    const refuse = (reason: string) => new InvalidCommandError(COMMAND, `Dòng ${line}: ${reason}`, 'file');
    if (added.has(unit.code)) throw refuse(`mã ${unit.code} trùng với một dòng trước`);
    if (catalogue.isTaken(unit.code)) {
      if (catalogue.parentOf(unit.code) !== unit.parent)
        throw refuse(`mã ${unit.code} đã được dùng cho một cơ quan hoặc đơn vị khác trong danh mục`);
      result.skipped.push(unit.code);
      continue;
    }
    if (!added.has(unit.parent) && !catalogue.isAgency(unit.parent))
      throw refuse(`cơ quan cấp trên ${unit.parent} không có trong danh mục`);
    if (root !== undefined && !belongs(unit.parent)) throw refuse(`cơ quan cấp trên ${unit.parent} không thuộc ${root}`);
    const data = checkedUnit(unit, (reason) => refuse(reason));
    added.set(data.code, data.parent);
    result.events.push({ type: 'AgencyUnitAdded', data });
  }
  return result;
}
