/** Every store of the organisation with its health at a glance. */
import { healthLevel, lastHeardText } from './dashboard-format';
import type { OwnerClient } from './owner-api';
import { usePoll } from './use-poll';

export function StoresPage({ client }: { client: OwnerClient }) {
  const { data: stores, error } = usePoll(() => client.stores(), 10_000, 'stores');
  return (
    <section>
      <h1>Stores</h1>
      {error && <p role="alert" className="hint hint-error">{error}</p>}
      {!stores && !error && <p>Loading…</p>}
      <ul className="store-list">
        {stores?.map((store) => (
          <li key={store.id} className="card">
            <a href={`#/stores/${encodeURIComponent(store.id)}`} className="store-link">{store.name}</a>
            <span className={`health health-${healthLevel(store.health)}`}>{store.health.online ? 'Online' : 'Offline'} · heard {lastHeardText(store.health.lastHeardAt, new Date())}</span>
            {store.onlineOrderingPaused && <span className="pill pill-warn">Online ordering paused</span>}
            {store.menuId && <a href={`#/menus/${encodeURIComponent(store.menuId)}`}>Edit menu</a>}
          </li>
        ))}
      </ul>
    </section>
  );
}
