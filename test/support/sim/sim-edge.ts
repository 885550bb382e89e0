/**
 * Simulated edge nodes: the edge's real store on a real SQLite file in a temp folder, with
 * its clock on simulated time, and the edge's real sync client over the fault network.
 * Opening a store from scratch (migrations, demo seed) costs ~100 ms; a trial opens three,
 * so a store made once per process is copied and given a fresh node id, which is exactly
 * what a second appliance installed from the same image would be.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE, type Actor, type EdgeStore, openEdgeStore } from '@brigade/edge';
import { type EdgeSync, startEdgeSync } from '@brigade/edge/sync';
import { type DeviceId, type StaffId, demoStaff, newId } from '@brigade/sync/model';
import type { BackoffPolicy } from '@brigade/sync/engine';
import type { SimClock } from './sim-clock';

/** Real waits stay in milliseconds: a partition of hours is hours of simulated time only. */
export const SIM_BACKOFF: BackoffPolicy = { baseMs: 4, maxMs: 40 };
/** Commands and the settle loop wake the pusher; the heartbeat only keeps an idle store heard. */
export const SIM_HEARTBEAT_MS = 5_000;
/** Memory-backed when the machine has it: the files are real SQLite files, their fsyncs cheap. */
const SCRATCH = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

const posDevice = newId<DeviceId>();
const staffOf = (role: 'cashier' | 'manager') => {
  const seed = demoStaff.find((s) => s.role === role);
  if (!seed) throw new Error(`the demo staff has no ${role}`);
  return { id: seed.id as StaffId, name: seed.name, role };
};
export const SIM_ACTORS = {
  cashier: { deviceId: posDevice, deviceRole: 'pos', stationId: null, staff: staffOf('cashier') },
  manager: { deviceId: posDevice, deviceRole: 'pos', stationId: null, staff: staffOf('manager') },
  expo: { deviceId: newId<DeviceId>(), deviceRole: 'kds', stationId: null, staff: null },
} satisfies Record<string, Actor>;

let template: string | null = null;

/** A migrated, demo-seeded edge database, made once per process. */
function templateFile(): string {
  if (template) return template;
  const dir = mkdtempSync(join(tmpdir(), 'brigade-sim-template-'));
  openEdgeStore({ dataDir: dir, seedDemo: true, timezone: 'UTC' }).close();
  template = join(dir, DATABASE_FILE);
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return template;
}

export interface SimEdge {
  readonly index: number;
  readonly dir: string;
  readonly store: EdgeStore;
  readonly storeId: string;
  readonly credential: string;
  sync: EdgeSync | null;
  /** The shape schema version its release follows (2 once "upgraded" by a schema bump). */
  schemaVersion: number;
}

export function openSimStore(clock: SimClock): { dir: string; store: EdgeStore } {
  const dir = mkdtempSync(join(SCRATCH, 'brigade-sim-edge-'));
  const file = join(dir, DATABASE_FILE);
  copyFileSync(templateFile(), file);
  const raw = new Database(file);
  try {
    raw.prepare('UPDATE store SET node_id = ?, id = ?').run(newId(), newId());
  } finally {
    raw.close();
  }
  return { dir, store: openEdgeStore({ dataDir: dir, seedDemo: true, timezone: 'UTC', now: clock.now }) };
}

export function startSimSync(edge: SimEdge, cloudUrl: string, fetchFor: typeof fetch, clock: SimClock): EdgeSync {
  const sync = startEdgeSync({
    store: edge.store,
    cloudUrl,
    storeId: edge.storeId,
    credential: edge.credential,
    fetch: fetchFor,
    heartbeatMs: SIM_HEARTBEAT_MS,
    backoff: SIM_BACKOFF,
    shapeBackoff: SIM_BACKOFF,
    now: clock.nowMs,
    ...(edge.schemaVersion > 1 ? { shapeSchemaVersion: edge.schemaVersion } : {}),
  });
  edge.sync = sync;
  return sync;
}

export async function closeSimEdge(edge: SimEdge): Promise<void> {
  await edge.sync?.stop();
  edge.sync = null;
  edge.store.close();
  rmSync(edge.dir, { recursive: true, force: true });
}
