/**
 * The staff and cash panels load when a manager opens them, not with the register: the POS's
 * first load stays inside its budget (ui/shared/bundle-size.test.ts).
 */
import { type ComponentProps, Suspense, lazy } from 'react';

const LazyDrawer = lazy(() => import('./drawer-session-panel').then((m) => ({ default: m.DrawerSessionPanel })));
const LazyTimeClock = lazy(() => import('./time-clock-panel').then((m) => ({ default: m.TimeClockPanel })));
const LazyReports = lazy(() => import('./reports-panel').then((m) => ({ default: m.ReportsPanel })));
const LazyPermissions = lazy(() => import('./permissions-panel').then((m) => ({ default: m.PermissionsPanel })));

const loading = <p className="muted">Loading…</p>;

export function DrawerSessionPanel(props: ComponentProps<typeof LazyDrawer>) {
  return <Suspense fallback={loading}><LazyDrawer {...props} /></Suspense>;
}

export function TimeClockPanel() {
  return <Suspense fallback={loading}><LazyTimeClock /></Suspense>;
}

export function ReportsPanel() {
  return <Suspense fallback={loading}><LazyReports /></Suspense>;
}

export function PermissionsPanel() {
  return <Suspense fallback={loading}><LazyPermissions /></Suspense>;
}

const LazyPunch = lazy(() => import('./time-clock-punch').then((m) => ({ default: m.TimeClockPunch })));

export function TimeClockPunch(props: ComponentProps<typeof LazyPunch>) {
  return <Suspense fallback={loading}><LazyPunch {...props} /></Suspense>;
}
