import { AgencyDirectory } from '@tdnv/agency-directory';
import { Agency } from '@tdnv/agencies';
import { maySee, noticeStream, Task } from '@tdnv/domain';
import { EventStore } from '@tdnv/event-store';
import { Audience } from './reminder-policy';

export const VPCP_CODE = 'VPCP';

/**
 * Audiences → email addresses, from the agency catalogue with its contact edits (the
 * `agency-catalogue` stream). For the VPCP rungs the notice's own tracking officer comes first,
 * then VPCP's catalogue entry. A unit without contacts falls back to its parent agency.
 */
export class RecipientResolver {
  private readonly directory: AgencyDirectory;
  private readonly trackingOfficers = new Map<string, string | undefined>();

  constructor(private readonly store: EventStore) {
    this.directory = new AgencyDirectory(store);
  }

  async agencyName(code: string): Promise<string> {
    return (await this.directory.snapshot()).agency(code)?.name ?? code;
  }

  async resolve(task: Task, audiences: readonly Audience[]): Promise<string[]> {
    const snapshot = await this.directory.snapshot();
    let lead: Agency | undefined = snapshot.agency(task.lead);
    if (lead?.parent && !lead.contacts.focal.length && !lead.contacts.leader.length) lead = snapshot.agency(lead.parent) ?? lead;
    // Mail about a task goes only to an agency the policy lets see it (a confidential sub-task's
    // parent agency is its delegator, so it qualifies; any other fallback would not).
    if (lead && !maySee({ id: `agency:${lead.code}`, role: 'agency', agency: lead.code }, task)) lead = undefined;
    const vpcp = snapshot.agency(VPCP_CODE)?.contacts;
    const emails: string[] = [];
    for (const audience of audiences) {
      switch (audience) {
        case 'focal':
          // No focal point on file: the leader is better than nobody.
          emails.push(...(lead?.contacts.focal.length ? lead.contacts.focal : (lead?.contacts.leader ?? [])));
          break;
        case 'leader':
          emails.push(...(lead?.contacts.leader ?? []));
          break;
        case 'vpcpTrackingOfficer': {
          const own = await this.trackingOfficerOf(task.noticeId);
          emails.push(...(own ? [own] : (vpcp?.trackingOfficers ?? [])));
          break;
        }
        case 'vpcpDepartmentHead':
          emails.push(...(vpcp?.departmentHead ?? []));
          break;
        default: {
          const unknown: never = audience;
          throw new Error(`unknown audience ${String(unknown)}`);
        }
      }
    }
    return [...new Set(emails.map((e) => e.toLowerCase()))].sort();
  }

  /** A notice's tracking officer is fixed when it is registered, so it is cached. */
  private async trackingOfficerOf(noticeId: string): Promise<string | undefined> {
    if (!this.trackingOfficers.has(noticeId)) {
      const { events } = await this.store.readStream(noticeStream(noticeId));
      const registered = events.find((e) => e.type === 'NoticeRegistered')?.data as { trackingOfficer?: string } | undefined;
      this.trackingOfficers.set(noticeId, registered?.trackingOfficer || undefined);
    }
    return this.trackingOfficers.get(noticeId);
  }
}
