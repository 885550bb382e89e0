/** The counter POS: pairing, then PIN sign-in, then register / orders / manager. */
import { Suspense, lazy, useCallback, useEffect, useState } from 'react';
import { ConnectionBadge } from '../shared/connection-badge';
import { PrinterAlertBanner } from '../shared/printer-alert-banner';
import { HubProvider, useHub, useHubEvents } from '../shared/hub-context';
import type { StaffSession } from '../shared/hub-types';
import { PairingGate } from '../shared/pairing-gate';
import { ToastProvider, useToasts } from '../shared/toasts';
import { useLiveMenu } from '../shared/use-menu';
import { ManagerView } from './manager-view';
import { OnlineOrderCue } from './online-order-cue';
import { OrdersView } from './orders-view';
import { RegisterView } from './register-view';
import { SignInScreen } from './sign-in-screen';
import { StockView } from './stock-view';
import { LowStockBadge } from './low-stock-badge';
import { StaffProvider, useStaff } from './staff-session';

// Table service loads on first use: the register's first load stays within its budget.
const TablesView = lazy(() => import('./tables-view').then((m) => ({ default: m.TablesView })));

export function PosApp() {
  return (
    <ToastProvider>
      <PairingGate app="pos" deviceName="Counter POS">
        {(device) => (
          <HubProvider device={device}>
            <PosSession />
          </HubProvider>
        )}
      </PairingGate>
    </ToastProvider>
  );
}

function PosSession() {
  const { setStaffSession, onStaffSessionLost } = useHub();
  const toasts = useToasts();
  const [session, setSession] = useState<StaffSession | null>(null);
  useEffect(
    () =>
      onStaffSessionLost(() => {
        setStaffSession(null);
        setSession(null);
        toasts.info('Your session ended. Sign in again with your PIN.');
      }),
    [onStaffSessionLost, setStaffSession, toasts],
  );
  const signedIn = useCallback((s: StaffSession) => {
    setStaffSession(s.sessionToken);
    setSession(s);
  }, [setStaffSession]);
  const signedOut = useCallback(() => setSession(null), []);
  if (!session) return <SignInScreen onSignedIn={signedIn} />;
  return (
    <StaffProvider session={session} onSignOut={signedOut}>
      <PosShell />
    </StaffProvider>
  );
}

type Tab = 'tables' | 'register' | 'orders' | 'stock' | 'manager';

function PosShell() {
  const { session, signOut } = useStaff();
  const menu = useLiveMenu();
  const [tab, setTab] = useState<Tab>('register');
  const [readyCount, setReadyCount] = useState(0);
  useHubEvents((event) => {
    if (event.type === 'order.updated' && event.order.status === 'ready' && tab !== 'orders') setReadyCount((n) => n + 1);
  });
  const tabs: { id: Tab; label: string }[] = [
    { id: 'register', label: 'Register' },
    { id: 'tables', label: 'Tables' },
    { id: 'orders', label: readyCount > 0 ? `Orders (${readyCount} ready)` : 'Orders' },
    { id: 'stock', label: 'Stock' },
    { id: 'manager', label: 'Manager' },
  ];
  return (
    <div className="pos">
      <header className="topbar">
        <nav className="tabs" role="tablist" aria-label="POS">
          {tabs.map((t) => (
            <button key={t.id} type="button" role="tab" className="btn" aria-selected={tab === t.id}
              onClick={() => { setTab(t.id); if (t.id === 'orders') setReadyCount(0); }}>{t.label}</button>
          ))}
        </nav>
        <span className="spacer" />
        <LowStockBadge onOpen={() => setTab('stock')} />
        <ConnectionBadge />
        <span className="staff-name">{session.staff.name} ({session.staff.role})</span>
        <button type="button" className="btn" onClick={signOut}>Sign out</button>
      </header>
      <PrinterAlertBanner />
      <OnlineOrderCue onOpen={() => { setTab('orders'); setReadyCount(0); }} />
      <main className="pos-main">
        {/* The register stays mounted so a half-rung order survives a look at the orders list. */}
        <div hidden={tab !== 'register'}><RegisterView menu={menu} active={tab === 'register'} /></div>
        {tab === 'tables' && <Suspense fallback={<p className="loading">Loading tables…</p>}><TablesView menu={menu} /></Suspense>}
        {tab === 'orders' && <OrdersView />}
        {tab === 'stock' && <StockView index={menu.index} />}
        {tab === 'manager' && <ManagerView index={menu.index} unavailable={menu.unavailable} />}
      </main>
    </div>
  );
}
