import { RegisteredDirective } from '@tdnv/domain';
import { documentKindName, NoticeOutline } from './notice-outline';
import { SqlExecutor } from './sql-database';

interface NoticeRow {
  notice_id: string;
  number: string;
  issued_at: string;
  title: string;
  directives: string;
  outline: string;
}

/** A source document as the official outputs name it: "Báo cáo số 10/BC-BTTTT ngày 01/03/2021". */
export interface SourceNotice {
  number: string;
  issuedAt: string;
  title: string;
  /** "Thông báo", "Báo cáo"… (notice-outline.ts). */
  kind: string;
  directives: Map<number, RegisteredDirective & { path?: string }>;
  outline: NoticeOutline;
}

/** The notices of `ids` from rm_notices (a notice the projection has not reached yet is missing). */
export async function noticesOf(db: SqlExecutor, ids: string[]): Promise<Map<string, SourceNotice>> {
  const notices = new Map<string, SourceNotice>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const found = await db.all<NoticeRow>(
      `SELECT notice_id, number, issued_at, title, directives, outline FROM rm_notices WHERE notice_id IN (${chunk.map(() => '?').join(', ')})`,
      chunk,
    );
    for (const n of found) {
      const outline = JSON.parse(n.outline) as NoticeOutline;
      const directives = new Map((JSON.parse(n.directives) as (RegisteredDirective & { path?: string })[]).map((d) => [d.index, d]));
      notices.set(n.notice_id, {
        number: n.number,
        issuedAt: n.issued_at,
        title: n.title,
        kind: documentKindName(outline.kind, n.number),
        directives,
        outline,
      });
    }
  }
  return notices;
}
