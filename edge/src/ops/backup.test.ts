import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO, type StaffId, demoStaff, newId } from '@brigade/sync/model';
import { DATABASE_FILE, openEdgeStore } from '../store/index';
import type { EdgeStore } from '../store/types';
import { BackupError, backupEdgeDatabase, restoreEdgeDatabase } from './backup';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'brigade-backup-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function sell(store: EdgeStore): Promise<string> {
  const kiosk = store.auth.claimSetupCode(store.auth.createSetupCode('kiosk'), 'kiosk');
  const orderId = newId();
  await store.execute('order.create', newId(), {
    orderId, channel: 'kiosk', diningOption: 'take_out',
    lines: [{ lineId: newId(), itemId: DEMO.cola, quantity: 1, modifierOptionIds: [DEMO.small] }],
  }, { deviceId: kiosk.deviceId, deviceRole: 'kiosk', stationId: null, staff: null });
  return orderId;
}

/** A store's data folder with one sale, closed, and a backup of it taken after the sale. */
async function backupAfterOneSale(): Promise<{ dataDir: string; backup: string }> {
  const dataDir = tempDir();
  const store = openEdgeStore({ dataDir, seedDemo: true });
  await sell(store);
  store.close();
  const backup = join(tempDir(), 'b.sqlite');
  await backupEdgeDatabase(dataDir, backup);
  return { dataDir, backup };
}

const cashier = demoStaff.find((s) => s.role === 'cashier');

describe('backup and restore of the store database', () => {
  it('restores the orders of the backup and continues sync in a new, higher epoch', async () => {
    const dataDir = tempDir();
    const store = openEdgeStore({ dataDir, seedDemo: true });
    const kept = await sell(store);
    const backup = join(tempDir(), 'store-backup.sqlite');
    await backupEdgeDatabase(dataDir, backup);
    const lost = await sell(store);
    const epochBefore = store.outbox.epoch;
    store.close();

    const { epoch, previous } = restoreEdgeDatabase(dataDir, backup);
    expect(epoch).toBeGreaterThan(epochBefore);
    expect(previous && existsSync(previous)).toBe(true);

    const restored = openEdgeStore({ dataDir });
    try {
      expect(restored.outbox.epoch).toBe(epoch);
      expect(restored.queries.order(kept).id).toBe(kept);
      expect(() => restored.queries.order(lost)).toThrow(expect.objectContaining({ code: 'ORDER_NOT_FOUND' }) as Error);
    } finally {
      restored.close();
    }
  });

  it('restoring the same backup twice never reuses an epoch', async () => {
    const { dataDir, backup } = await backupAfterOneSale();
    const first = restoreEdgeDatabase(dataDir, backup);
    const second = restoreEdgeDatabase(dataDir, backup);
    expect(second.epoch).toBeGreaterThan(first.epoch);
  });

  it('starts above a clock-based floor when the live database was lost', async () => {
    const { dataDir, backup } = await backupAfterOneSale();
    rmSync(dataDir, { recursive: true, force: true });
    const now = new Date('2026-11-22T10:00:00Z');
    const { epoch, previous } = restoreEdgeDatabase(dataDir, backup, now);
    expect(previous).toBeNull();
    expect(epoch).toBeGreaterThan(Math.floor(now.getTime() / 1000));
  });

  it('carries what the replaced database had not yet sent into the restored outbox, once', async () => {
    const dataDir = tempDir();
    const store = openEdgeStore({ dataDir, seedDemo: true });
    await sell(store);
    const backup = join(tempDir(), 'b.sqlite');
    await backupEdgeDatabase(dataDir, backup);
    const inBackup = (store.db.prepare('SELECT mutation_id AS id FROM outbox ORDER BY seq').all() as { id: string }[]).map((r) => r.id);
    await sell(store);
    const everything = (store.db.prepare('SELECT mutation_id AS id FROM outbox ORDER BY seq').all() as { id: string }[]).map((r) => r.id);
    store.close();
    expect(everything.length).toBeGreaterThan(inBackup.length);

    const { carried } = restoreEdgeDatabase(dataDir, backup);
    expect(carried).toBe(everything.length - inBackup.length);
    const restored = openEdgeStore({ dataDir });
    try {
      const rows = restored.db.prepare('SELECT seq, mutation_id AS id FROM outbox ORDER BY seq').all() as { seq: number; id: string }[];
      expect(rows.map((r) => r.id)).toEqual(everything);
      expect(rows.map((r) => r.seq)).toEqual(everything.map((_, i) => i + 1));
    } finally {
      restored.close();
    }
  });

  it('continues an order changed after the backup above the version the cloud may hold', async () => {
    const dataDir = tempDir();
    const store = openEdgeStore({ dataDir, seedDemo: true });
    const orderId = await sell(store);
    const backup = join(tempDir(), 'b.sqlite');
    await backupEdgeDatabase(dataDir, backup);
    const versionOf = (s: EdgeStore) => (s.db.prepare('SELECT version FROM orders WHERE id = ?').get(orderId) as { version: number }).version;
    const atBackup = versionOf(store);
    const order = store.queries.order(orderId);
    await store.execute('payment.capture', newId(), { orderId, paymentId: newId(), tender: 'cash', amount: order.totals.total, tendered: order.totals.total },
      { deviceId: null, deviceRole: 'pos', stationId: null, staff: { id: cashier?.id as StaffId, name: cashier?.name ?? '', role: 'cashier' } });
    const changedAfter = versionOf(store);
    store.close();
    expect(changedAfter).toBeGreaterThan(atBackup);

    const { versionsRaised } = restoreEdgeDatabase(dataDir, backup);
    expect(versionsRaised).toBe(1);
    const restored = openEdgeStore({ dataDir });
    try {
      expect(versionOf(restored)).toBe(changedAfter);
    } finally {
      restored.close();
    }
  });

  it('restores over a damaged database, in an epoch above the clock floor', async () => {
    const { dataDir, backup } = await backupAfterOneSale();
    writeFileSync(join(dataDir, DATABASE_FILE), 'the disk returned garbage');
    const now = new Date('2026-11-22T10:00:00Z');
    const { epoch, previous, carried } = restoreEdgeDatabase(dataDir, backup, now);
    expect(previous && existsSync(previous)).toBe(true);
    expect(carried).toBe(0);
    expect(epoch).toBeGreaterThan(Math.floor(now.getTime() / 1000));
    openEdgeStore({ dataDir }).close();
  });

  it('refuses a file that is not a store database and leaves the live one in place', () => {
    const dataDir = tempDir();
    openEdgeStore({ dataDir, seedDemo: true }).close();
    const bogus = join(tempDir(), 'notes.sqlite');
    writeFileSync(bogus, 'this is not a database');
    expect(() => restoreEdgeDatabase(dataDir, bogus)).toThrow();
    const files = readdirSync(dataDir);
    expect(files.some((f) => f.includes('before-restore'))).toBe(false);
    const reopened = openEdgeStore({ dataDir });
    reopened.close();
  });

  it('refuses to overwrite an existing backup file', async () => {
    const dataDir = tempDir();
    openEdgeStore({ dataDir, seedDemo: true }).close();
    const target = join(tempDir(), 'exists.sqlite');
    writeFileSync(target, 'x');
    await expect(backupEdgeDatabase(dataDir, target)).rejects.toBeInstanceOf(BackupError);
  });
});
