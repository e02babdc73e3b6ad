import { NoticeRegistered } from '@tdnv/domain';
import { StoredEvent } from '@tdnv/event-store';
import { noticeOutlineOf } from './notice-outline';
import { physical, Projection } from './projection';
import { insertRows } from './sql-database';

const COLUMNS = ['notice_id', 'position', 'number', 'issued_at', 'title', 'leader', 'directives', 'registered_at', 'outline'] as const;

/**
 * Notices: number, title and directives (with their group owners) for progress pages and report
 * headings; `outline` keeps the document's kind and sections when the registration gave them
 * (notice-outline.ts), so the appendix follows the source's own structure.
 */
export const noticesProjection: Projection = {
  name: 'notices',
  // 2: the outline column.
  version: 2,
  tables: ['rm_notices'],
  ddl: (generation) => [
    `CREATE TABLE ${physical('rm_notices', generation)} (
      notice_id TEXT PRIMARY KEY, position BIGINT NOT NULL, number TEXT NOT NULL, issued_at TEXT NOT NULL,
      title TEXT NOT NULL, leader TEXT, directives TEXT NOT NULL, registered_at TEXT NOT NULL, outline TEXT NOT NULL)`,
  ],
  async apply(tx, generation, events: StoredEvent[]) {
    const rows = events
      .filter((e) => e.type === 'NoticeRegistered')
      .map((e) => {
        const d = (e as unknown as NoticeRegistered & { position: bigint }).data;
        return [
          d.noticeId,
          e.position,
          d.number,
          d.issuedAt,
          d.title,
          d.leader ?? null,
          JSON.stringify(d.directives),
          d.registeredAt,
          JSON.stringify(noticeOutlineOf(d)),
        ];
      });
    // A notice is registered once (no-stream check); DO NOTHING keeps a replay harmless.
    await insertRows(tx, physical('rm_notices', generation), COLUMNS, rows, 'ON CONFLICT (notice_id) DO NOTHING');
  },
};
