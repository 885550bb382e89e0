/**
 * Sync is visible: the state of the cloud link and the outbox, told to every screen as a
 * `sync.status` hub event whenever what a screen would show changes (the state, the number
 * waiting, the age of the oldest in whole minutes), and kept in the store for
 * `/api/sync/status`. Not on every heartbeat: each event is a row in the hub's event log.
 */
import type { CloudLinkState } from '@brigade/sync/model';
import type { PusherStatus } from '@brigade/sync/engine';
import type { EdgeStore } from '../store/types';

export interface SyncStatusPublisher {
  /** A new link state (enrolment, refusal, revocation) with the sentence the screens show. */
  set(state: CloudLinkState, message: string | null): void;
  /** After a push round: online or offline, and how much waits. */
  pushed(status: PusherStatus): void;
  /** The outbox changed without a push (offline): tell the screens, at most about once a second. */
  refresh(): void;
  state(): CloudLinkState;
  message(): string | null;
}

const REFRESH_MS = 1_000;

export function syncStatusPublisher(store: EdgeStore): SyncStatusPublisher {
  let state: CloudLinkState = 'none';
  let message: string | null = null;
  let published = '';
  let lastRefresh = 0;
  let trailing: ReturnType<typeof setTimeout> | null = null;

  const publish = () => {
    store.setCloudLink?.(state, message);
    const status = store.queries.syncStatus();
    const minutes = status.oldestAgeSeconds === null ? null : Math.floor(status.oldestAgeSeconds / 60);
    const key = JSON.stringify([state, message, status.online, status.waiting, minutes]);
    if (key === published) return;
    published = key;
    store.publish({ type: 'sync.status', waiting: status.waiting, oldestAgeSeconds: status.oldestAgeSeconds, online: status.online, cloud: state, message });
  };

  return {
    set(next, text) {
      state = next;
      message = text;
      if (next !== 'online') store.setOnline(false);
      publish();
    },
    pushed(status) {
      // A revocation outranks the pusher's last round, which may still have reached the cloud.
      if (state === 'revoked' || state === 'none') {
        store.setOnline(false);
        return;
      }
      state = status.online ? 'online' : 'offline';
      message = null;
      publish();
    },
    refresh() {
      // Throttled: a busy store offline commits many times a second; each screen needs one update.
      const wait = lastRefresh + REFRESH_MS - Date.now();
      if (wait <= 0) {
        lastRefresh = Date.now();
        publish();
      } else {
        trailing ??= setTimeout(() => {
          trailing = null;
          lastRefresh = Date.now();
          try {
            publish();
          } catch {
            // The store closed meanwhile: nobody is left to tell.
          }
        }, wait);
        trailing.unref?.();
      }
    },
    state: () => state,
    message: () => message,
  };
}
