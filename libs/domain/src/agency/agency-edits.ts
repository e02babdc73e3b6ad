import { Actor } from '../actor';
import { ActorForbiddenError, CommandRefusedError, InvalidCommandError } from '../domain.errors';
import { isEmailAddress } from '../email';

/**
 * Edits to the agency catalogue (danh mục cơ quan) are events on one stream, `agency-catalogue`:
 * the data file is the starting point, and contacts and sub-units are folded over it.
 */
export interface AgencyContactsUpdated {
  type: 'AgencyContactsUpdated';
  data: { code: string; focal: string[]; leader: string[]; trackingOfficers?: string[]; departmentHead?: string[] };
}
export interface AgencyUnitAdded {
  type: 'AgencyUnitAdded';
  data: { parent: string; code: string; name: string };
}
export type AgencyEditEvent = AgencyContactsUpdated | AgencyUnitAdded;

export interface AgencyEdits {
  contacts: Record<string, AgencyContactsUpdated['data']>;
  units: Record<string, AgencyUnitAdded['data']>;
}

export const NO_EDITS: AgencyEdits = { contacts: {}, units: {} };

export function evolveAgencyEdits(state: AgencyEdits, event: AgencyEditEvent): AgencyEdits {
  switch (event.type) {
    case 'AgencyContactsUpdated':
      return { ...state, contacts: { ...state.contacts, [event.data.code]: event.data } };
    case 'AgencyUnitAdded':
      return { ...state, units: { ...state.units, [event.data.code]: event.data } };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

const UNIT_CODE = /^[A-Z0-9][A-Z0-9_-]{1,39}$/;

export function decideUpdateContacts(actor: Actor, contacts: AgencyContactsUpdated['data']): AgencyEditEvent[] {
  if (actor.role !== 'admin')
    throw new ActorForbiddenError('UpdateAgencyContacts', 'Chỉ quản trị viên mới được sửa thông tin đầu mối liên hệ của cơ quan');
  const lists = [contacts.focal, contacts.leader, contacts.trackingOfficers ?? [], contacts.departmentHead ?? []];
  const bad = lists.flat().find((e) => !isEmailAddress(e));
  if (bad !== undefined) throw new InvalidCommandError('UpdateAgencyContacts', `“${bad}” không phải là địa chỉ email hợp lệ`, 'focal');
  return [{ type: 'AgencyContactsUpdated', data: contacts }];
}

/** `codeTaken` tells whether the catalogue (data file or earlier edits) already has the code. */
export function decideAddUnit(actor: Actor, unit: AgencyUnitAdded['data'], codeTaken: boolean): AgencyEditEvent[] {
  const mayAdd = actor.role === 'admin' || (actor.role === 'agency' && actor.agency === unit.parent);
  if (!mayAdd) throw new ActorForbiddenError('AddAgencyUnit', 'Chỉ quản trị viên hoặc chính cơ quan đó mới được thêm đơn vị trực thuộc');
  if (!UNIT_CODE.test(unit.code))
    throw new InvalidCommandError('AddAgencyUnit', 'Mã đơn vị gồm 2–40 ký tự: chữ in hoa, chữ số, "-" hoặc "_"', 'code');
  if (!unit.name.trim()) throw new InvalidCommandError('AddAgencyUnit', 'Tên đơn vị không được để trống', 'name');
  if (codeTaken) throw new CommandRefusedError('AddAgencyUnit', 'exists', `Mã ${unit.code} đã có trong danh mục cơ quan`);
  return [{ type: 'AgencyUnitAdded', data: { ...unit, name: unit.name.trim() } }];
}
