/** One store, live: today's sales, devices and sync, shifts and cash, online ordering, enrolment and QR tables. */
import { HealthPanel } from './health-panel';
import { OnlineOrdersPanel } from './online-orders-panel';
import type { OwnerClient } from './owner-api';
import { SalesPanel } from './sales-panel';
import { StaffCashPanel } from './staff-cash-panel';
import { StoreActions } from './store-actions';
import { TablesPanel } from './tables-panel';
import { usePoll } from './use-poll';

/** Live figures refresh this often; the cloud's own numbers move with each push from the store. */
export const LIVE_REFRESH_MS = 5_000;

export function StoreDetail({ client, storeId }: { client: OwnerClient; storeId: string }) {
  const store = usePoll(() => client.store(storeId), LIVE_REFRESH_MS, storeId);
  if (store.error && !store.data) return <p role="alert" className="hint hint-error">{store.error}</p>;
  if (!store.data) return <p>Loading…</p>;
  const s = store.data;
  return (
    <div className="store-detail">
      <header className="store-title">
        <h1>{s.name}</h1>
        <span className="muted">{s.timezone} · {s.currency}</span>
        {s.menuId && <a className="btn" href={`#/menus/${encodeURIComponent(s.menuId)}`}>Edit menu</a>}
        <a className="btn" href={`/order/${encodeURIComponent(s.id)}`} target="_blank" rel="noreferrer">Open ordering page</a>
        <a className="btn" href={`#/stores/${encodeURIComponent(s.id)}/permissions`}>Permissions</a>
      </header>
      <SalesPanel client={client} storeId={storeId} />
      <div className="grid-2">
        <HealthPanel client={client} storeId={storeId} />
        <StoreActions client={client} store={s} onChanged={store.reload} />
      </div>
      <StaffCashPanel client={client} storeId={storeId} timezone={s.timezone} />
      <OnlineOrdersPanel client={client} storeId={storeId} />
      <TablesPanel client={client} storeId={storeId} />
    </div>
  );
}
