import { Actor } from '../actor';
import { ActorForbiddenError, CommandRefusedError, InvalidCommandError } from '../domain.errors';
import { isEmailAddress } from '../email';
import { checkedUnit, NewAgencyUnit } from './agency-unit';

// The domain's index exports this file: the unit rule and the file import are entered through it.
export * from './agency-unit';
export * from './import-units';

/**
 * Edits to the agency catalogue (danh mục cơ quan) are events on one stream, `agency-catalogue`:
 * the data file is the starting point, and contacts and sub-units are folded over it.
 */
export interface AgencyContactsUpdated {
  type: 'AgencyContactsUpdated';
  data: { code: string; focal: string[]; leader: string[]; trackingOfficers?: string[]; departmentHead?: string[] };
}
/** `unitType`, `shortName` and `aliases` are optional: units added before they were recorded have none. */
export interface AgencyUnitAdded {
  type: 'AgencyUnitAdded';
  data: NewAgencyUnit;
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

export function decideUpdateContacts(actor: Actor, contacts: AgencyContactsUpdated['data']): AgencyEditEvent[] {
  if (actor.role !== 'admin')
    throw new ActorForbiddenError('UpdateAgencyContacts', 'Chỉ quản trị viên mới được sửa thông tin đầu mối liên hệ của cơ quan');
  const lists = [contacts.focal, contacts.leader, contacts.trackingOfficers ?? [], contacts.departmentHead ?? []];
  const bad = lists.flat().find((e) => !isEmailAddress(e));
  if (bad !== undefined) throw new InvalidCommandError('UpdateAgencyContacts', `“${bad}” không phải là địa chỉ email hợp lệ`, 'focal');
  return [{ type: 'AgencyContactsUpdated', data: contacts }];
}

/**
 * Who may add a unit under `parent`: an admin; VPCP, which maps a document's unknown lead to a new
 * unit of its parent while importing it (issue 12); or the agency itself (its own Cục, Vụ, Sở).
 */
export function mayAddUnit(actor: Actor, parent: string): boolean {
  return actor.role === 'admin' || actor.role === 'vpcp' || (actor.role === 'agency' && actor.agency === parent);
}

/** `codeTaken` tells whether the catalogue (data file or earlier edits) already has the code. */
export function decideAddUnit(actor: Actor, unit: AgencyUnitAdded['data'], codeTaken: boolean): AgencyEditEvent[] {
  if (!mayAddUnit(actor, unit.parent))
    throw new ActorForbiddenError(
      'AddAgencyUnit',
      'Chỉ quản trị viên, Văn phòng Chính phủ hoặc chính cơ quan đó mới được thêm đơn vị trực thuộc',
    );
  const data = checkedUnit(unit, (reason, field) => new InvalidCommandError('AddAgencyUnit', reason, field));
  if (codeTaken) throw new CommandRefusedError('AddAgencyUnit', 'exists', `Mã ${unit.code} đã có trong danh mục cơ quan`);
  return [{ type: 'AgencyUnitAdded', data }];
}
