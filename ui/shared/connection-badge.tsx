/**
 * Sync is visible: the link to the hub and, when the store has a cloud, whether the cloud is
 * reached, how many changes wait to go up and how old the oldest is — or that the store was
 * disconnected from the cloud and must be enrolled again.
 */
import { useEffect, useState } from 'react';
import { useHub, useHubEvents } from './hub-context';
import type { SyncStatus } from './hub-types';
import { syncLabel } from './sync-label';

export { waitingLabel } from './sync-label';

const LABELS = { connecting: 'Connecting…', online: 'Online', reconnecting: 'Reconnecting…', offline: 'Offline' } as const;
const SYNC_POLL_MS = 15_000;
// The oldest change's age is shown in minutes: re-render often enough to keep it true.
const AGE_TICK_MS = 20_000;

export function ConnectionBadge() {
  const { client, connection } = useHub();
  const [sync, setSync] = useState<{ status: SyncStatus; at: number } | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    let stopped = false;
    const poll = () => {
      client.get<SyncStatus>('/api/sync/status').then((status) => !stopped && setSync({ status, at: Date.now() }), () => undefined);
    };
    poll();
    const timer = setInterval(poll, SYNC_POLL_MS);
    const tick = setInterval(() => setNow(Date.now()), AGE_TICK_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
      clearInterval(tick);
    };
  }, [client]);

  useHubEvents((event) => {
    if (event.type !== 'sync.status') return;
    const { online, waiting, oldestAgeSeconds, cloud, message } = event;
    setSync({ status: { online, waiting, oldestAgeSeconds, ...(cloud ? { cloud } : {}), ...(message !== undefined ? { message } : {}) }, at: Date.now() });
  });

  const label = sync ? syncLabel(sync.status, (now - sync.at) / 1000) : null;
  return (
    <div className="badge-group">
      <div className={`badge badge-${connection}`} role="status" aria-live="polite" data-testid="connection-badge">
        <span className="badge-dot" aria-hidden="true" />
        <span>{LABELS[connection]}</span>
        {label && <span className={`badge-extra sync-${label.tone}`} data-testid="sync-badge">· {label.text}</span>}
      </div>
      {label?.detail && <p className={`sync-detail sync-${label.tone}`} role="alert" data-testid="sync-detail">{label.detail}</p>}
    </div>
  );
}
