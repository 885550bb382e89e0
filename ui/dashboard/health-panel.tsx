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
            <dd>
              {health.printers && health.printers.length > 0 ? (
                <ul className="printers" data-testid="store-printers">
                  {/* Anything but ready needs someone at the store: shown in the warning colour. */}
                  {health.printers.map((p) => (
                    <li key={p.id} data-printer={p.id} className={p.status === 'ready' ? 'health-ok' : 'health-warn'}>
                      {p.name}: <strong>{printerStatusText(p.status)}</strong>
                    </li>
                  ))}
                </ul>
              ) : 'Not reported'}
            </dd>
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

const statusTexts: Record<string, string> = { ready: 'ready', 'paper-low': 'paper low', 'paper-out': 'paper out', 'cover-open': 'cover open', offline: 'offline', uncertain: 'lost the connection while printing', error: 'reports an error', unknown: 'not checked yet' };

function printerStatusText(status: string): string {
  return statusTexts[status] ?? status;
}
