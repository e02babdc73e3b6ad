import { useEffect } from 'preact/hooks';
import { setUnauthenticatedHandler } from './api/client';
import { currentUser, SessionUser } from './api/session';
import { Layout } from './components/layout';
import { match, navigate, onLinkClick, redirect, useLocation } from './lib/router';
import { ROUTES } from './routes';
import { SignInPage } from './pages/sign-in.page';

setUnauthenticatedHandler(() => navigate(`/dang-nhap?next=${encodeURIComponent(location.pathname + location.search)}`, true));

/** Where each role starts. */
function home(user: SessionUser): string {
  if (user.role === 'admin') return '/quan-tri/nguoi-dung';
  if (user.role === 'viewer') return '/tong-hop';
  return '/nhiem-vu';
}

export function App() {
  const location = useLocation();
  const visit = location.visit;
  let url = location.url;
  const user = currentUser();
  useEffect(() => {
    document.addEventListener('click', onLinkClick);
    return () => document.removeEventListener('click', onLinkClick);
  }, []);
  if (!user && url.pathname !== '/dang-nhap') url = redirect(`/dang-nhap?next=${encodeURIComponent(url.pathname + url.search)}`);
  if (!user || url.pathname === '/dang-nhap') return <SignInPage next={url.searchParams.get('next') ?? undefined} />;
  if (url.pathname === '/' || url.pathname === '') url = redirect(home(user));
  const path = url.pathname;
  for (const route of ROUTES) {
    const params = match(route.path, path);
    if (params && (!route.roles || route.roles.includes(user.role))) {
      const Page = route.page;
      return (
        <Layout user={user} path={path}>
          <Page key={`${visit}`} params={params} query={url.searchParams} user={user} />
        </Layout>
      );
    }
  }
  return (
    <Layout user={user} path={path}>
      <h1>Không tìm thấy trang</h1>
      <p>
        <a href={home(user)}>Về trang chính</a>
      </p>
    </Layout>
  );
}
