/**
 * What the connection badge says about the store's sync with the cloud, from the hub's
 * sync status. Nothing when the store has no cloud; otherwise whether the cloud is reached,
 * how many changes wait and how old the oldest is, or what a person has to do.
 */
import type { SyncStatus } from './hub-types';

export interface SyncLabel {
  readonly text: string;
  /** 'ok' synced, 'busy' sending, 'warn' offline, 'alert' needs a person. */
  readonly tone: 'ok' | 'busy' | 'warn' | 'alert';
  /** A longer sentence (revoked, not enrolled), shown beside the badge. */
  readonly detail: string | null;
}

export function waitingLabel(status: SyncStatus | null): string | null {
  if (!status || status.waiting === 0) return null;
  return `${status.waiting} ${status.waiting === 1 ? 'change' : 'changes'} waiting`;
}

function oldestLabel(oldestAgeSeconds: number | null, elapsedSeconds: number): string {
  if (oldestAgeSeconds === null) return '';
  const minutes = Math.floor((oldestAgeSeconds + Math.max(0, elapsedSeconds)) / 60);
  return minutes < 1 ? ', oldest under 1 min' : `, oldest ${minutes} min`;
}

/** `elapsedSeconds`: time since the status was read, so the age keeps counting between updates. */
export function syncLabel(status: SyncStatus | null, elapsedSeconds = 0): SyncLabel | null {
  if (!status) return null;
  // A hub from before the cloud link was reported: fall back to what it did say.
  const cloud = status.cloud ?? (status.online ? 'online' : 'offline');
  const waiting = waitingLabel(status);
  switch (cloud) {
    case 'none':
      return null;
    case 'online':
      return waiting ? { text: `online — ${waiting}`, tone: 'busy', detail: null } : { text: 'synced', tone: 'ok', detail: null };
    case 'offline':
      return { text: `offline — ${waiting ?? 'nothing waiting'}${waiting ? oldestLabel(status.oldestAgeSeconds, elapsedSeconds) : ''}`, tone: 'warn', detail: null };
    case 'not-enrolled':
      return { text: `not connected to the cloud${waiting ? ` — ${waiting}` : ''}`, tone: 'alert', detail: status.message ?? null };
    case 'revoked':
      return {
        text: 'this store was disconnected from the cloud, re-enrol',
        tone: 'alert',
        detail: status.message ?? null,
      };
  }
}
