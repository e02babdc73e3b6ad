import { FunctionComponent } from 'preact';
import { Role, SessionUser } from './api/session';
import { AgenciesAdminPage } from './pages/admin/agencies.page';
import { UsersAdminPage } from './pages/admin/users.page';
import { DashboardPage } from './pages/dashboard/dashboard.page';
import { ImportPage } from './pages/import/import.page';
import { InboxPage } from './pages/inbox/inbox.page';
import { NoticePage } from './pages/notice/notice.page';
import { ReviewPage } from './pages/review/review.page';
import { TaskPage } from './pages/task/task.page';

export interface PageProps {
  params: Record<string, string>;
  query: URLSearchParams;
  user: SessionUser;
}

export interface Route {
  path: string;
  page: FunctionComponent<PageProps>;
  /** Roles that may open the page; others get "not found" rather than a page of refusals. */
  roles?: Role[];
}

export const ROUTES: Route[] = [
  { path: '/nhiem-vu', page: InboxPage, roles: ['agency', 'vpcp', 'viewer'] },
  { path: '/nhiem-vu/:id', page: TaskPage },
  { path: '/nhap-thong-bao', page: ImportPage, roles: ['vpcp'] },
  { path: '/xet-duyet', page: ReviewPage, roles: ['vpcp', 'agency'] },
  { path: '/tong-hop', page: DashboardPage },
  { path: '/thong-bao/:id', page: NoticePage },
  { path: '/quan-tri/co-quan', page: AgenciesAdminPage, roles: ['admin'] },
  { path: '/quan-tri/nguoi-dung', page: UsersAdminPage, roles: ['admin'] },
];
