/** Sync is visible: the link to the hub and how many changes wait to go up to the cloud. */
import { useEffect, useState } from 'react';
import { useHub, useHubEvents } from './hub-context';
import type { SyncStatus } from './hub-types';

const LABELS = { connecting: 'Connecting…', online: 'Online', reconnecting: 'Reconnecting…', offline: 'Offline' } as const;
const SYNC_POLL_MS = 15_000;

export function waitingLabel(status: SyncStatus | null): string | null {
  if (!status || status.waiting === 0) return null;
  return `${status.waiting} ${status.waiting === 1 ? 'change' : 'changes'} waiting`;
}

export function ConnectionBadge() {
  const { client, connection } = useHub();
  const [sync, setSync] = useState<SyncStatus | null>(null);

  useEffect(() => {
    let stopped = false;
    const poll = () => {
      client.get<SyncStatus>('/api/sync/status').then((s) => !stopped && setSync(s), () => undefined);
    };
    poll();
    const timer = setInterval(poll, SYNC_POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [client]);

  useHubEvents((event) => {
    if (event.type === 'sync.status') setSync({ online: event.online, waiting: event.waiting, oldestAgeSeconds: event.oldestAgeSeconds });
  });

  const waiting = waitingLabel(sync);
  const cloud = sync && !sync.online ? 'cloud offline' : null;
  return (
    <div className={`badge badge-${connection}`} role="status" aria-live="polite" data-testid="connection-badge">
      <span className="badge-dot" aria-hidden="true" />
      <span>{LABELS[connection]}</span>
      {cloud && <span className="badge-extra">· {cloud}</span>}
      {waiting && <span className="badge-extra">· {waiting}</span>}
    </div>
  );
}
