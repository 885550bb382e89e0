/**
 * The expo copy of each fire: every station's items of that fire on one ticket, for the
 * printer with the expo role. It is queued by the print runner, not by the fire command, so
 * the kitchen commands stay unaware of printers; it is still written before any ticket of
 * its fire is sent (the runner calls `ensureExpoCopy` before dispatching a station ticket),
 * so a crash can lose neither. Its idempotency key is (order, 'expo', fire) — or
 * (order, line, 'expo') for a VOID slip — so several runners or retries queue it once.
 */
import type Database from 'better-sqlite3';
import { type KitchenTicket, type KitchenTicketItem, newId } from '@brigade/sync/model';
import type { PrintPayload } from '../store/types';
import { EXPO_STATION } from './printer-routing';

type KitchenPayload = Extract<PrintPayload, { kind: 'kitchen' }>;

/** A kitchen payload that is an expo copy carries each station's items. */
export interface ExpoPayload extends KitchenPayload {
  readonly expo: readonly { stationId: string; items: readonly KitchenTicketItem[] }[];
}

export function isExpoPayload(payload: PrintPayload): payload is ExpoPayload {
  return payload.kind === 'kitchen' && Array.isArray((payload as Partial<ExpoPayload>).expo);
}

/** The station ticket a job carries, when it is one an expo copy is made from. */
export interface StationJob {
  readonly idemKey: string;
  readonly orderId: string | null;
  readonly stationId: string | null;
  readonly deviceId: string | null;
  readonly createdAt: string;
  readonly nextAttemptAt: string;
}

export function expoKeyFor(job: Pick<StationJob, 'idemKey' | 'orderId' | 'stationId'>): string | null {
  if (job.stationId === EXPO_STATION || job.orderId === null) return null;
  const fire = /^kitchen:(.+):([^:]+)$/.exec(job.idemKey);
  if (fire && fire[1] === `${job.orderId}:${job.stationId}`) return `kitchen:${job.orderId}:${EXPO_STATION}:${fire[2]}`;
  const voided = /^kitchen-void:([^:]+):([^:]+)$/.exec(job.idemKey);
  if (voided) return `kitchen-void:${voided[1]}:${voided[2]}:${EXPO_STATION}`;
  return null;
}

export class ExpoCopies {
  /** Keys already ensured in this process: the insert is skipped for the other stations of a fire. */
  private readonly seen = new Set<string>();
  private readonly siblings: Database.Statement;
  private readonly insert: Database.Statement;

  constructor(private readonly db: Database.Database, private readonly now: () => number) {
    this.siblings = db.prepare("SELECT idem_key AS idemKey, station_id AS stationId, payload FROM print_jobs WHERE order_id = ? AND kind = 'kitchen'");
    this.insert = db.prepare(
      `INSERT OR IGNORE INTO print_jobs (id, idem_key, kind, printer_role, station_id, order_id, device_id, payload, status, attempts, reprint, next_attempt_at, created_at, updated_at)
       VALUES (?, ?, 'kitchen', 'kitchen', ?, ?, ?, ?, 'queued', 0, 0, ?, ?, ?)`,
    );
  }

  /** Queues the expo copy of the fire (or void) `job` belongs to, once. */
  ensure(job: StationJob): void {
    const key = expoKeyFor(job);
    if (key === null || this.seen.has(key)) return;
    const payload = this.payloadFor(job, key);
    if (payload) {
      this.insert.run(newId(), key, EXPO_STATION, job.orderId, job.deviceId, JSON.stringify(payload), job.nextAttemptAt, job.createdAt, new Date(this.now()).toISOString());
    }
    // Bounded: an old key is only checked again against the unique index, never printed twice.
    if (this.seen.size > 20_000) this.seen.clear();
    this.seen.add(key);
  }

  private payloadFor(job: StationJob, key: string): ExpoPayload | null {
    const rows = this.siblings.all(job.orderId) as { idemKey: string; stationId: string | null; payload: string }[];
    const fire = key.startsWith('kitchen:') ? key.slice(key.lastIndexOf(':') + 1) : null;
    const parts = rows
      .filter((row) => row.stationId !== EXPO_STATION && (fire === null ? row.idemKey === job.idemKey : row.idemKey === `kitchen:${job.orderId}:${row.stationId}:${fire}`))
      .map((row) => JSON.parse(row.payload) as KitchenPayload);
    const first = parts[0];
    if (!first) return null;
    const ticket: KitchenTicket = { ...first.ticket, stationId: EXPO_STATION as KitchenTicket['stationId'], items: parts.flatMap((part) => part.ticket.items) };
    return {
      kind: 'kitchen', ticket, reprint: false, ...(first.delta ? { delta: first.delta } : {}),
      expo: parts.map((part) => ({ stationId: part.ticket.stationId, items: part.ticket.items })),
    };
  }
}
