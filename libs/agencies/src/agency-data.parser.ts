import { Agency, AGENCY_KINDS, AgencyContacts, AgencyKind, GroupSelector, PredecessorAgency, UNIT_TYPES, UnitType } from './agency';

/**
 * Shape check of agencies.data.json. The file is edited by hand, so a typo must fail at start-up
 * with the record it is in, not later as an agency that silently never resolves.
 */

export interface GroupRecord {
  code: string;
  name: string;
  aliases: string[];
  select: GroupSelector;
  fanout: boolean;
  note?: string;
}

export interface AgencyDataFile {
  version: string;
  agencies: Agency[];
  predecessors: PredecessorAgency[];
  groups: GroupRecord[];
}

type Obj = Record<string, unknown>;

function fail(where: string, message: string): never {
  throw new Error(`agencies data, ${where}: ${message}`);
}

function obj(value: unknown, where: string): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(where, 'expected an object');
  return value as Obj;
}

function str(o: Obj, key: string, where: string): string {
  const v = o[key];
  if (typeof v !== 'string' || v.trim() === '') fail(where, `"${key}" must be a non-empty string`);
  return v;
}

function optStr(o: Obj, key: string, where: string): string | undefined {
  return o[key] === undefined ? undefined : str(o, key, where);
}

function strList(o: Obj, key: string, where: string, optional = false): string[] {
  const v = o[key];
  if (v === undefined && optional) return [];
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) fail(where, `"${key}" must be a list of strings`);
  return [...(v as string[])];
}

function kind(o: Obj, where: string): AgencyKind {
  const v = o.kind;
  if (!AGENCY_KINDS.includes(v as AgencyKind)) fail(where, `unknown kind ${String(v)}`);
  return v as AgencyKind;
}

function contacts(o: Obj, where: string): AgencyContacts {
  const c = obj(o.contacts ?? { focal: [], leader: [] }, `${where}.contacts`);
  const result: AgencyContacts = { focal: strList(c, 'focal', where, true), leader: strList(c, 'leader', where, true) };
  if (c.trackingOfficers !== undefined) result.trackingOfficers = strList(c, 'trackingOfficers', where);
  if (c.departmentHead !== undefined) result.departmentHead = strList(c, 'departmentHead', where);
  return result;
}

function withOptional<T extends object>(base: T, extra: Record<string, string | undefined>): T {
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) (base as Obj)[k] = v;
  return base;
}

function agency(raw: unknown, i: number): Agency {
  const where = `agencies[${i}]`;
  const o = obj(raw, where);
  const base: Agency = {
    code: str(o, 'code', where),
    name: str(o, 'name', where),
    shortName: str(o, 'shortName', where),
    kind: kind(o, where),
    aliases: strList(o, 'aliases', where, true),
    contacts: contacts(o, where),
  };
  const unitType = optStr(o, 'unitType', where);
  if (unitType !== undefined && !UNIT_TYPES.includes(unitType as UnitType)) fail(where, `unknown unitType ${unitType}`);
  return withOptional(base, {
    parent: optStr(o, 'parent', where),
    placeName: optStr(o, 'placeName', where),
    unitType,
    note: optStr(o, 'note', where),
  });
}

function predecessor(raw: unknown, i: number): PredecessorAgency {
  const where = `predecessors[${i}]`;
  const o = obj(raw, where);
  const since = str(o, 'since', where);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(since)) fail(where, `"since" must be YYYY-MM-DD, got ${since}`);
  const base: PredecessorAgency = {
    code: str(o, 'code', where),
    name: str(o, 'name', where),
    shortName: str(o, 'shortName', where),
    kind: kind(o, where),
    aliases: strList(o, 'aliases', where, true),
    successor: str(o, 'successor', where),
    since,
  };
  return withOptional(base, { note: optStr(o, 'note', where) });
}

function group(raw: unknown, i: number): GroupRecord {
  const where = `groups[${i}]`;
  const o = obj(raw, where);
  const s = obj(o.select ?? {}, `${where}.select`);
  const select: GroupSelector = {
    kinds: strList(s, 'kinds', where, true).map((k) => kind({ kind: k }, where)),
    groups: strList(s, 'groups', where, true),
    codes: strList(s, 'codes', where, true),
  };
  if (typeof o.fanout !== 'boolean') fail(where, '"fanout" must be true or false');
  const base: GroupRecord = {
    code: str(o, 'code', where),
    name: str(o, 'name', where),
    aliases: strList(o, 'aliases', where, true),
    select,
    fanout: o.fanout,
  };
  return withOptional(base, { note: optStr(o, 'note', where) });
}

function list(o: Obj, key: string): unknown[] {
  const v = o[key];
  if (!Array.isArray(v)) fail(key, 'expected a list');
  return v;
}

export function parseAgencyData(raw: unknown): AgencyDataFile {
  const o = obj(raw, 'root');
  return {
    version: str(o, 'version', 'root'),
    agencies: list(o, 'agencies').map(agency),
    predecessors: list(o, 'predecessors').map(predecessor),
    groups: list(o, 'groups').map(group),
  };
}
