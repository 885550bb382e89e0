/** Devices and sync: when the store was last heard, what waits to go up, printers, refused changes. */
import { durationText, healthLevel, lastHeardText } from './dashboard-format';
import type { OwnerClient } from './owner-api';
import { usePoll } from './use-poll';

export function HealthPanel({ client, storeId }: { client: OwnerClient; storeId: string }) {
  const { data: health, error } = usePoll(() => client.syncHealth(storeId), 5_000, `health-${storeId}`);
  return (
    <section className="card" aria-labelledby="health-h">
      <h2 id="health-h">Devices and sync</h2>
      {error && <p role="alert" className="hint hint-error">{error}</p>}
      {health && (
        <>
          <p className={`health health-${healthLevel(health)}`} data-testid="store-online">
            {health.lastHeardAt ? (health.online ? 'Store online' : 'Store offline') : 'Store not enrolled yet'}
          </p>
          <dl className="kv">
            <dt>Last heard</dt><dd>{lastHeardText(health.lastHeardAt, new Date())}</dd>
            <dt>Changes waiting</dt><dd>{health.changesWaiting ?? '—'}</dd>
            <dt>Oldest waiting</dt><dd>{durationText(health.oldestWaitingSeconds)}</dd>
            <dt>Printers</dt>
            <dd>{health.printers && health.printers.length > 0 ? health.printers.map((p) => `${p.name}: ${p.status}`).join(', ') : 'Not reported'}</dd>
          </dl>
          <h3>Refused changes</h3>
          {health.rejections.length === 0 ? <p className="muted">None.</p> : (
            <ul className="rejections">
              {health.rejections.slice(0, 10).map((r) => <li key={r.mutationId}><strong>{r.code}</strong> {r.name}: {r.message} <span className="muted">({new Date(r.at).toLocaleString()})</span></li>)}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
