import { ComponentChildren } from 'preact';
import { post } from '../api/client';
import { clearSession, SessionUser } from '../api/session';
import { ROLE_LABELS } from '../lib/labels';
import { agencyName, useAgencies } from '../api/agencies';
import { navigate } from '../lib/router';

interface NavItem {
  href: string;
  label: string;
  roles: SessionUser['role'][];
}

const NAV: NavItem[] = [
  { href: '/nhiem-vu', label: 'Nhiệm vụ', roles: ['agency', 'vpcp', 'viewer'] },
  { href: '/nhap-thong-bao', label: 'Nhập thông báo', roles: ['vpcp'] },
  { href: '/xet-duyet', label: 'Xét duyệt', roles: ['vpcp', 'agency'] },
  { href: '/tong-hop', label: 'Tổng hợp', roles: ['vpcp', 'viewer', 'admin', 'agency'] },
  { href: '/quan-tri/co-quan', label: 'Cơ quan', roles: ['admin'] },
  { href: '/quan-tri/nguoi-dung', label: 'Người dùng', roles: ['admin'] },
];

export function navFor(user: SessionUser): NavItem[] {
  return NAV.filter((n) => n.roles.includes(user.role));
}

async function signOut(): Promise<void> {
  // The server forgets the token when it can; the page signs out in any case.
  await post('/auth/logout').catch(() => undefined);
  clearSession();
  navigate('/dang-nhap', true);
}

export function Layout(props: { user: SessionUser; path: string; children: ComponentChildren }) {
  const { user, path } = props;
  const agencies = useAgencies();
  return (
    <>
      <a class="skip" href="#main">
        Bỏ qua thanh điều hướng
      </a>
      <header class="top">
        <span class="brand">Theo dõi nhiệm vụ</span>
        <nav aria-label="Chức năng">
          {navFor(user).map((n) => (
            <a key={n.href} href={n.href} aria-current={path.startsWith(n.href) ? 'page' : undefined}>
              {n.label}
            </a>
          ))}
        </nav>
        <span class="who">
          <span>
            {user.name ?? user.email ?? 'Người dùng'} ·{' '}
            {user.agency ? agencyName(agencies, user.agency) : (ROLE_LABELS[user.role] ?? user.role)}
          </span>
          <button type="button" onClick={() => void signOut()}>
            Đăng xuất
          </button>
        </span>
      </header>
      <main id="main" tabIndex={-1}>
        {props.children}
      </main>
    </>
  );
}
