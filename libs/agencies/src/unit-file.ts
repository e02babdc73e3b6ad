import { isUnitCode, UNIT_CODE_RULE } from '@tdnv/domain';
import { NewUnit, UNIT_TYPES, UnitType } from './agency';
import { normalizeVietnamese } from './normalize-vietnamese';

/**
 * A catalogue of units in a spreadsheet: a province's own catalogue (its Sở, ban, ngành and
 * commune committees) or a ministry's Cục and Vụ, one unit per row, imported by an admin (CSV or
 * XLSX, see catalogues/README.md). Pure: rows in, units and Vietnamese error messages out.
 */

/** `line`: the file's line the unit was read from (1 is the header), for messages about it. */
export type UnitRecord = NewUnit & { parent: string; line?: number };

export interface UnitFile {
  units: UnitRecord[];
  /** One message per bad row ("Dòng 7: …"); the good rows are still returned. */
  errors: string[];
}

type Column = 'code' | 'name' | 'parent' | 'unitType' | 'shortName' | 'aliases';

/** Header names accepted for each column, compared without case and diacritics. */
const HEADERS: Record<Column, string[]> = {
  code: ['code', 'ma', 'ma don vi'],
  name: ['name', 'ten', 'ten don vi', 'ten co quan'],
  parent: ['parent', 'cap tren', 'ma cap tren', 'thuoc', 'co quan cap tren'],
  unitType: ['unittype', 'unit type', 'loai', 'loai don vi'],
  shortName: ['shortname', 'short name', 'ten ngan', 'ten goi tat', 'ten viet tat'],
  aliases: ['aliases', 'ten khac', 'bi danh', 'cach viet khac'],
};

/** Unit types by their code or a Vietnamese word an admin would write. */
const TYPE_WORDS: Record<string, UnitType> = {
  so: 'department',
  'co quan chuyen mon': 'department',
  'don vi cap tinh': 'provincial_unit',
  'co quan cap tinh': 'provincial_unit',
  xa: 'commune',
  phuong: 'commune',
  'dac khu': 'commune',
  'cap xa': 'commune',
  huyen: 'district',
  'cap huyen': 'district',
  cuc: 'ministry_unit',
  vu: 'ministry_unit',
  'don vi thuoc bo': 'ministry_unit',
  'doanh nghiep': 'state_enterprise',
  khac: 'other',
};

function unitType(raw: string): UnitType | undefined | null {
  const t = raw.trim();
  if (!t) return undefined;
  if ((UNIT_TYPES as readonly string[]).includes(t)) return t as UnitType;
  return TYPE_WORDS[normalizeVietnamese(t)] ?? null;
}

function columnsOf(header: string[]): Partial<Record<Column, number>> {
  const out: Partial<Record<Column, number>> = {};
  header.forEach((cell, i) => {
    const key = normalizeVietnamese(cell);
    const column = (Object.keys(HEADERS) as Column[]).find((c) => HEADERS[c].includes(key));
    if (column && out[column] === undefined) out[column] = i;
  });
  return out;
}

// Tabs and line breaks inside a quoted cell are text; any other control character is not.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u;

/** Rows of cells, the first one a header naming the columns (any order, English or Vietnamese). */
export function parseUnitRows(rows: string[][]): UnitFile {
  const [header, ...body] = rows;
  const errors: string[] = [];
  const columns = columnsOf(header ?? []);
  const missing = (['code', 'name', 'parent'] as Column[]).filter((c) => columns[c] === undefined);
  if (missing.length)
    return {
      units: [],
      errors: [`Dòng tiêu đề thiếu cột: ${missing.join(', ')} (cần code, name, parent; tùy chọn unitType, shortName, aliases)`],
    };
  const units: UnitRecord[] = [];
  const seen = new Set<string>();
  body.forEach((row, i) => {
    const line = i + 2;
    // Text is compared and recorded in NFC (a file saved on macOS may hold decomposed diacritics).
    const cell = (c: Column) => (columns[c] === undefined ? '' : (row[columns[c]!] ?? '').trim().normalize('NFC'));
    if (row.every((c) => !c.trim())) return;
    const [code, name, parent] = [cell('code'), cell('name'), cell('parent')];
    const type = unitType(cell('unitType'));
    const problem = CONTROL.test(row.join(''))
      ? 'có ký tự điều khiển (không in được); hãy lưu lại tệp dạng văn bản'
      : !isUnitCode(code)
        ? `mã "${code}" phải ${UNIT_CODE_RULE}`
        : !name
          ? 'thiếu tên đơn vị'
          : !parent
            ? 'thiếu mã cơ quan cấp trên'
            : seen.has(code)
              ? `mã ${code} trùng với một dòng trước`
              : type === null
                ? `loại đơn vị "${cell('unitType')}" không hợp lệ (${UNIT_TYPES.join(', ')})`
                : null;
    if (problem) {
      errors.push(`Dòng ${line}: ${problem}`);
      return;
    }
    seen.add(code);
    const unit: UnitRecord = { code, name, parent, line };
    if (type) unit.unitType = type;
    if (cell('shortName')) unit.shortName = cell('shortName');
    const aliases = cell('aliases')
      .split(/[;|]/u)
      .map((a) => a.trim())
      .filter(Boolean);
    if (aliases.length) unit.aliases = aliases;
    units.push(unit);
  });
  return { units, errors };
}

/** CSV text (comma or semicolon separated, quotes as in RFC 4180, a UTF-8 BOM allowed) into rows. */
export function parseCsv(text: string): string[][] {
  const src = text.replace(/^\uFEFF/u, '');
  const firstLine = src.slice(0, src.indexOf('\n') >>> 0);
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < src.length; i += 1) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

/** Units in dependency order: a unit whose parent is another unit of the file comes after it. */
export function parentsFirst(units: UnitRecord[]): UnitRecord[] {
  const codes = new Set(units.map((u) => u.code));
  const done = new Set<string>();
  const out: UnitRecord[] = [];
  const visit = (u: UnitRecord, path: Set<string>) => {
    if (done.has(u.code) || path.has(u.code)) return;
    if (codes.has(u.parent)) {
      const parent = units.find((p) => p.code === u.parent);
      if (parent) visit(parent, new Set([...path, u.code]));
    }
    done.add(u.code);
    out.push(u);
  };
  for (const u of units) visit(u, new Set());
  return out;
}
