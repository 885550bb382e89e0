/**
 * The node's connection to the cloud, from start to shutdown: enrol with the one-time code
 * when no credential is stored, keep the credential in the database, run the sync client
 * with it, rotate it when it gets old, and notice when the owner revoked it. Whatever
 * happens here the store keeps selling: failures only change what the screens are told.
 */
import type { Logger } from 'pino';
import type { CloudLinkState } from '@brigade/sync/model';
import type { PusherStatus } from '@brigade/sync/engine';
import type { PrinterReport } from '@brigade/sync/protocol';
import { DEFAULT_SYNC_SETTINGS, type SyncSettings } from '../config';
import type { EdgeStore } from '../store/types';
import { type CloudLinkRow, cloudLinkRow } from './cloud-link-row';
import { type EdgeSync, startEdgeSync } from './edge-sync';
import { CloudCallError, enrolWithCode, rotateCredential } from './enrolment-client';
import { type SyncStatusPublisher, syncStatusPublisher } from './sync-status-publisher';

export interface CloudConnectionOptions {
  readonly store: EdgeStore;
  /** Null: this store has no cloud; nothing is started and the screens show no cloud badge. */
  readonly cloudUrl: string | null;
  readonly settings?: SyncSettings;
  readonly logger?: Logger;
  readonly fetch?: typeof fetch;
  readonly now?: () => Date;
  /** Where a code comes from when none is configured (the demo asks its own cloud for one). */
  readonly codeSource?: () => Promise<string>;
  /** First wait before retrying an enrolment the cloud could not answer (doubles up to `retryMaxMs`). */
  readonly enrolRetryMs?: number;
  /** The store's printers, reported to the cloud with every push (the print runner's statuses). */
  readonly printers?: () => readonly PrinterReport[];
}

export interface CloudConnection {
  /** Settles once the first enrolment attempt has (linked, refused, or is retrying in the background). */
  readonly ready: Promise<void>;
  status(): { state: CloudLinkState; message: string | null; storeId: string | null };
  /** The running sync client, while linked. */
  sync(): EdgeSync | null;
  /** Trades the credential for a new one now (the cloud revokes the old one in the same step). */
  rotate(): Promise<void>;
  stop(): Promise<void>;
}

export const MESSAGES = {
  revoked: 'This store was disconnected from the cloud. Selling goes on; re-enrol it with a new code from the dashboard.',
  noCode: 'Not connected to the cloud yet: set BRIGADE_ENROL_CODE to a code from the dashboard.',
  unreachable: 'The cloud cannot be reached to enrol this store; trying again.',
} as const;

const DAY_MS = 24 * 60 * 60 * 1000;
// Events that no command caused: they never add to the outbox, so they need no push.
const NOT_OUTBOX_EVENTS = new Set(['sync.status', 'menu.updated', 'printer.status', 'device.status', 'device.pairing', 'scanner.scan']);

export function startCloudConnection(options: CloudConnectionOptions): CloudConnection {
  const { store, logger } = options;
  const settings = options.settings ?? DEFAULT_SYNC_SETTINGS;
  const now = options.now ?? (() => new Date());
  const doFetch = options.fetch ?? fetch;
  const rows: CloudLinkRow = cloudLinkRow(store.db);
  const publisher: SyncStatusPublisher = syncStatusPublisher(store);
  let sync: EdgeSync | null = null;
  let storeId: string | null = null;
  let stopped = false;
  let rotating: Promise<void> | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let wakeRetry: (() => void) | null = null;
  let revokedStop: Promise<void> | null = null;
  const timers: ReturnType<typeof setInterval>[] = [];
  const unsubscribe = store.onEvents((events) => {
    if (!events.some((event) => !NOT_OUTBOX_EVENTS.has(event.type))) return;
    // Online: push now. Offline: keep to the back-off (a sale is no sign the link is back),
    // but the screens still learn at once that one more change is waiting.
    if (sync?.pusher.status().online) sync.wake();
    else if (options.cloudUrl) publisher.refresh();
  });

  const current = () => rows.read()?.credential ?? '';

  function link(credentialStoreId: string): void {
    if (stopped || !options.cloudUrl) return;
    storeId = credentialStoreId;
    publisher.set('offline', null);
    sync = startEdgeSync({
      store,
      cloudUrl: options.cloudUrl,
      storeId: credentialStoreId,
      // Read at every request, so a rotated credential is used at once.
      credential: current,
      fetch: doFetch,
      heartbeatMs: settings.heartbeatMs,
      ...(options.printers ? { printers: options.printers } : {}),
      backoff: { baseMs: Math.min(500, settings.retryMaxMs), maxMs: settings.retryMaxMs },
      // The last round of a stopping pusher must not touch a store that is closing.
      onStatus: (status: PusherStatus) => {
        if (!stopped && sync !== null) publisher.pushed(status);
      },
      onCredentialRefused: (used) => {
        // A request still in flight with the credential a rotation just replaced is no news.
        if (rotating || stopped || used !== current()) return;
        revoked();
      },
    });
    logger?.info({ storeId: credentialStoreId, cloudUrl: options.cloudUrl }, 'syncing with the cloud');
    const checkAge = () => {
      const row = rows.read();
      if (row && !row.revokedAt && now().getTime() - Date.parse(row.issuedAt) > settings.credentialMaxAgeDays * DAY_MS) {
        rotate().catch((err: unknown) => logger?.warn({ err }, 'credential rotation failed; the old credential stays'));
      }
    };
    checkAge();
    const timer = setInterval(checkAge, DAY_MS);
    timer.unref();
    timers.push(timer);
  }

  function revoked(): void {
    if (publisher.state() === 'revoked') return;
    rows.markRevoked(now());
    publisher.set('revoked', MESSAGES.revoked);
    logger?.error('the cloud refused this store\'s credential (revoked); selling continues offline until the store is enrolled again');
    const running = sync;
    sync = null;
    // Not awaited here (we are inside one of its requests); stop() waits for it.
    revokedStop = running?.stop() ?? null;
  }

  async function rotate(): Promise<void> {
    const row = rows.read();
    if (!row || row.revokedAt || !options.cloudUrl) throw new Error('This store has no credential to rotate.');
    rotating ??= (async () => {
      try {
        const next = await rotateCredential(options.cloudUrl as string, row.credential, doFetch);
        rows.saveRotation({ credentialId: next.credentialId, credential: next.credential }, now());
        logger?.info({ credentialId: next.credentialId }, 'store credential rotated');
      } catch (error) {
        if (error instanceof CloudCallError && error.code === 'CREDENTIAL_INVALID') revoked();
        throw error;
      } finally {
        rotating = null;
      }
    })();
    return rotating;
  }

  async function enrol(code: string, revokedBefore: boolean): Promise<void> {
    let delay = options.enrolRetryMs ?? 1_000;
    for (;;) {
      if (stopped || !options.cloudUrl) return;
      try {
        const issued = await enrolWithCode(options.cloudUrl, code, store.outbox.nodeId, doFetch);
        rows.saveEnrolment({ cloudUrl: options.cloudUrl, ...issued }, now());
        logger?.info({ storeId: issued.storeId }, 'enrolled with the cloud');
        link(issued.storeId);
        return;
      } catch (error) {
        if (!(error instanceof CloudCallError) || !error.retryable) {
          const reason = error instanceof Error ? error.message : String(error);
          const errorCode = error instanceof CloudCallError ? error.code : 'ENROLMENT_FAILED';
          logger?.error({ code: errorCode }, `enrolment with the cloud failed: ${reason}`);
          publisher.set(revokedBefore ? 'revoked' : 'not-enrolled', `${revokedBefore ? MESSAGES.revoked : 'Enrolment with the cloud failed:'} ${reason} (${errorCode})`);
          return;
        }
        publisher.set(revokedBefore ? 'revoked' : 'not-enrolled', revokedBefore ? MESSAGES.revoked : MESSAGES.unreachable);
        logger?.warn({ err: error }, 'the cloud cannot be reached to enrol; trying again');
        resolveReady();
        await new Promise<void>((resolve) => {
          wakeRetry = resolve;
          retryTimer = setTimeout(resolve, delay);
        });
        delay = Math.min(delay * 2, settings.retryMaxMs);
      }
    }
  }

  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });

  async function begin(): Promise<void> {
    if (!options.cloudUrl) {
      publisher.set('none', null);
      return;
    }
    const row = rows.read();
    if (row && !row.revokedAt) {
      link(row.storeId);
      return;
    }
    let code = settings.enrolCode;
    if (!code && options.codeSource) {
      try {
        code = await options.codeSource();
      } catch (error) {
        logger?.error({ err: error }, 'no enrolment code could be obtained');
      }
    }
    if (!code) {
      publisher.set(row ? 'revoked' : 'not-enrolled', row ? MESSAGES.revoked : MESSAGES.noCode);
      return;
    }
    await enrol(code, row !== null);
  }
  begin().catch((err: unknown) => logger?.error({ err }, 'the cloud connection failed to start')).finally(resolveReady);

  return {
    ready,
    status: () => ({ state: publisher.state(), message: publisher.message(), storeId }),
    sync: () => sync,
    rotate,
    async stop() {
      stopped = true;
      unsubscribe();
      for (const timer of timers) clearInterval(timer);
      if (retryTimer) clearTimeout(retryTimer);
      wakeRetry?.();
      const running = sync;
      sync = null;
      await running?.stop();
      await revokedStop;
    },
  };
}
