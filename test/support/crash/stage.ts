/**
 * The stage of a crash test: one cloud process (PGlite in a temp folder, or a PostgreSQL
 * database) that keeps its port across restarts, and edge nodes enrolled with it. An edge
 * is first started unarmed to enrol, pair a POS and take its first full sync, then stopped
 * cleanly, so the armed start that follows crashes at the point under test and not during
 * enrolment or the first snapshot.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { CrashPointLabel } from '@brigade/sync/engine';
import { type Owner, type Pos, createStore, enrolmentCode, ownerSignIn, pairPos, seedEdgeStore, syncStatus } from './clients';
import type { CloudDb } from '../../../cloud/src/db/database';
import { type Violation, checkInvariants } from '../sim/invariants';
import { pushDifferences, readEdge, settle, shapeDifferences, withCloudDb } from './convergence';
import { type CloudProcess, type EdgeProcess, type Exit, freePort, startCloudProcess, startEdgeProcess } from './processes';

type Armed = CrashPointLabel | `${CrashPointLabel}:${number}`;

export class CloudStage {
  readonly dataDir = mkdtempSync(join(tmpdir(), 'brigade-crash-cloud-'));
  private readonly dirs: string[] = [this.dataDir];
  private process: CloudProcess | null = null;
  private ownerSession: Owner | null = null;

  private constructor(
    readonly port: number,
    readonly databaseUrl: string | undefined,
  ) {}

  static async create(databaseUrl?: string): Promise<CloudStage> {
    return new CloudStage(await freePort(), databaseUrl);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): CloudProcess {
    if (!this.process) throw new Error('the cloud is not running');
    return this.process;
  }

  async start(crashAt?: Armed): Promise<CloudProcess> {
    this.process = await startCloudProcess({ dataDir: this.dataDir, port: this.port, ...(this.databaseUrl ? { databaseUrl: this.databaseUrl } : {}), ...(crashAt ? { crashAt } : {}) });
    this.ownerSession = null;
    return this.process;
  }

  async stop(): Promise<Exit | null> {
    const exit = (await this.process?.stop()) ?? null;
    this.process = null;
    return exit;
  }

  async owner(): Promise<Owner> {
    this.ownerSession ??= await ownerSignIn(this.url);
    return this.ownerSession;
  }

  /**
   * Reads the cloud's database in this process. PGlite serves one process at a time, so a
   * PGlite cloud still running is stopped first (cleanly: a non-zero exit fails the read)
   * and left stopped; PostgreSQL is read while the cloud runs.
   */
  async read<T>(read: (db: CloudDb) => Promise<T>): Promise<T> {
    const alive = this.process !== null && this.process.child.exitCode === null && this.process.child.signalCode === null;
    if (!this.databaseUrl && alive) {
      const exit = await this.stop();
      if (exit?.code !== 0) throw new Error(`the cloud did not stop cleanly: ${JSON.stringify(exit)}`);
    }
    return withCloudDb(this.databaseUrl ? { databaseUrl: this.databaseUrl } : { dataDir: this.dataDir }, read);
  }

  /**
   * The checks after settling, in one read of the cloud's database: this file's own
   * (convergence.ts) and the shared invariant checker of the sync simulator.
   */
  check(dataDir: string, acknowledged: readonly string[]): Promise<{ differences: string[]; violations: Violation[] }> {
    const edge = readEdge(dataDir);
    return this.read(async (db) => {
      const differences = await pushDifferences(db, edge, acknowledged);
      const sqlite = new Database(join(dataDir, 'brigade-edge.sqlite'), { readonly: true });
      try {
        const violations = await checkInvariants({ cloud: db, edges: [{ label: dataDir, db: sqlite, storeId: edge.storeId ?? '' }] });
        return { differences, violations };
      } finally {
        sqlite.close();
      }
    });
  }

  tempDir(prefix: string): string {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    this.dirs.push(dir);
    return dir;
  }

  cleanUp(): void {
    for (const dir of this.dirs) rmSync(dir, { recursive: true, force: true });
  }
}

export interface EnrolledEdge {
  readonly dataDir: string;
  readonly pos: Pos;
  /** The process that enrolled, still running and settled. */
  readonly edge: EdgeProcess;
}

/**
 * A new store folder for a new store of the tenant, started, enrolled, paired and settled
 * (first full sync), left running. It may be started armed: enrolment, pairing and the first
 * sync write no outbox row and print nothing, so only a crash point in the shape path can
 * fire before the test drives the store.
 */
export async function enrolledEdge(cloud: CloudStage, options: { printers?: readonly unknown[]; crashAt?: Armed } = {}): Promise<EnrolledEdge> {
  const dataDir = cloud.tempDir('brigade-crash-edge-');
  const setupCode = seedEdgeStore(dataDir);
  const owner = await cloud.owner();
  const storeId = await createStore(owner, `Crash test ${dataDir.slice(-6)}`);
  const edge = await startEdgeProcess({ dataDir, cloudUrl: cloud.url, enrolCode: await enrolmentCode(owner, storeId), ...options });
  const pos = await pairPos(edge.url, setupCode);
  const unsettled = await settleEdge(cloud, edge, dataDir, pos);
  if (unsettled.length > 0) throw new Error(`the new edge did not settle: ${unsettled.slice(0, 5).join('; ')}`);
  return { dataDir, pos, edge };
}

/** Waits until the edge's outbox is empty and its shapes equal the cloud's; returns what still differs. */
export function settleEdge(cloud: CloudStage, edge: EdgeProcess, dataDir: string, pos: Pos): Promise<string[]> {
  return settle(async () => {
    const status = await syncStatus(edge.url, pos);
    if (!status.online || status.waiting > 0) return [`sync ${JSON.stringify(status)}`];
    return shapeDifferences(cloud.url, readEdge(dataDir));
  }, 90_000);
}
