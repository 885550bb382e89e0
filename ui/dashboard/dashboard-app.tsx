/**
 * The owner dashboard: sign in, stores, one store live (sales, devices and sync, online
 * ordering, enrolment, QR tables), its permission matrix and the menu editor. Hash routes (`#/stores/<id>`,
 * `#/menus/<id>`) keep deep links working behind any static server.
 */
import { useEffect, useMemo, useState } from 'react';
import { type View, parseView } from './dashboard-routes';
import { LoginPage } from './login-page';
import { MenuEditor } from './menu-editor';
import { OwnerClient, SESSION_KEY, type Session, loadSession } from './owner-api';
import { PermissionsPage } from './permissions-page';
import { StoreDetail } from './store-detail';
import { StoresPage } from './stores-page';

function saveSession(session: Session | null): void {
  try {
    if (session) localStorage.setItem(SESSION_KEY, JSON.stringify(session));
    else localStorage.removeItem(SESSION_KEY);
  } catch {
    // Storage refused (private mode): the session lasts as long as the page.
  }
}

export function DashboardApp() {
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const client = useMemo(
    () => new OwnerClient(loadSession(), (next) => {
      saveSession(next);
      setSession(next);
    }),
    [],
  );
  const [view, setView] = useState<View>(() => parseView(window.location.hash));
  useEffect(() => {
    const onHash = () => setView(parseView(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  if (!session) return <LoginPage client={client} />;
  return (
    <div className="dash">
      <header className="topbar">
        <a className="brand" href="#/stores">Brigade</a>
        <span className="spacer" />
        <span className="muted">{session.user.name || session.user.email}</span>
        <button type="button" className="btn" onClick={() => void client.logout()}>Sign out</button>
      </header>
      <main className="dash-main">
        {view.name === 'stores' && <StoresPage client={client} />}
        {view.name === 'store' && <StoreDetail key={view.id} client={client} storeId={view.id} />}
        {view.name === 'permissions' && <PermissionsPage key={view.id} client={client} storeId={view.id} />}
        {view.name === 'menu' && <MenuEditor key={view.id} client={client} menuId={view.id} />}
      </main>
    </div>
  );
}
