/**
 * The two owner-side shapes applied to a real edge store (SQLite file): the permission matrix
 * and the reconciled ledger balances, batch by batch as the shape client delivers them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '@brigade/sync/model';
import { type TestStore, actors, openTestStore } from '../store/test-support';
import type { ShapeChange } from '../store/types';
import { applyLedgerBalancesBatch } from './cloud-ledger-balances';
import { applyOwnerPermissions } from './owner-permissions';

let t: TestStore | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

const key = (ledger: string, account: string) => `"public"."ledger_balances"/"s1"/"${ledger}"/"${account}"`;
const row = (account: string, balance: number, storeDelta = 0) =>
  ({ store_id: 's1', ledger: 'gift', account, organisation_id: 'o1', balance, entries: 1, store_delta: storeDelta, store_entries: storeDelta === 0 ? 0 : 1, updated_at: '2026-03-10 15:00:00+00' });
const change = (operation: ShapeChange['headers']['operation'], value: Record<string, unknown>): ShapeChange =>
  ({ key: key(String(value.ledger), String(value.account)), value, headers: { operation } });
const info = (offset: string, reset = false) => ({ handle: 'h-1', offset, reset });

describe('ledger balances from the cloud', () => {
  const balances = (s: TestStore) => s.store.db.prepare('SELECT account, balance, store_delta AS storeDelta FROM cloud_ledger_balances ORDER BY account').all();

  it('keeps inserts, merges partial updates, drops deletes, and a reset batch replaces everything', () => {
    t = openTestStore();
    applyLedgerBalancesBatch(t.store, [change('insert', row('111', 5_000)), change('insert', row('222', 700))], info('1_0', true));
    expect(balances(t)).toEqual([{ account: '111', balance: 5_000, storeDelta: 0 }, { account: '222', balance: 700, storeDelta: 0 }]);
    // An update may carry only what changed: the stored row fills in the rest.
    applyLedgerBalancesBatch(t.store, [change('update', { ledger: 'gift', account: '111', store_id: 's1', balance: 3_000, store_delta: -2_000 })], info('2_0'));
    applyLedgerBalancesBatch(t.store, [change('delete', { store_id: 's1', ledger: 'gift', account: '222' })], info('3_0'));
    expect(balances(t)).toEqual([{ account: '111', balance: 3_000, storeDelta: -2_000 }]);
    expect(t.store.shapes.position('ledger_balances')).toEqual({ handle: 'h-1', offset: '3_0' });
    applyLedgerBalancesBatch(t.store, [change('insert', row('333', 100))], info('9_0', true));
    expect(balances(t)).toEqual([{ account: '333', balance: 100, storeDelta: 0 }]);
  });

  it('skips a row whose balance is no integer and applies the rest of the batch', () => {
    t = openTestStore();
    applyLedgerBalancesBatch(t.store, [change('insert', row('111', 5_000))], info('1_0', true));
    const broken = { ...row('444', 1), balance: 'lots' };
    applyLedgerBalancesBatch(t.store, [change('insert', broken), change('insert', row('555', 9))], info('2_0'));
    expect(balances(t)).toEqual([{ account: '111', balance: 5_000, storeDelta: 0 }, { account: '555', balance: 9, storeDelta: 0 }]);
  });
});

describe('the owner permission matrix from the cloud', () => {
  const cell = (role: string, permission: string, granted: boolean) => ({ store_id: 's1', role, permission, granted, updated_at: '2026-03-10 15:00:00+00', updated_by: 'owner-user' });

  it('leaves the store its own matrix until the owner has saved one', () => {
    t = openTestStore();
    expect(applyOwnerPermissions(t.store.db, [], new Date().toISOString())).toBe(false);
    expect(t.store.staffCash.permissionsManagedByOwner()).toBe(false);
  });

  it('replaces the matrix, ignores the owner row and unknown names, and reports a POS change it replaced once', async () => {
    t = openTestStore();
    await t.store.execute('permissions.set', newId(), { role: 'cashier', permission: 'refund', granted: true }, actors.manager);
    const outboxBefore = t.store.outbox.peek(100).length;
    const rows = [cell('cashier', 'refund', false), cell('cashier', 'item.86', true), cell('owner', 'refund', false), cell('cashier', 'fly', true)];
    expect(applyOwnerPermissions(t.store.db, rows, new Date().toISOString())).toBe(true);
    expect(t.store.staffCash.roleHas('cashier', 'item.86')).toBe(true);
    expect(t.store.staffCash.roleHas('cashier', 'refund')).toBe(false);
    expect(t.store.staffCash.roleHas('owner', 'refund')).toBe(true);
    expect(t.store.staffCash.permissionsManagedByOwner()).toBe(true);
    const overridden = t.store.queries.audit(20).filter((a) => a.action === 'permissions.overridden');
    expect(overridden.map((a) => a.detail)).toEqual([{ role: 'cashier', permission: 'refund', granted: true }]);
    expect(overridden[0]?.staffId).toBe(actors.manager.staff.id);
    const pushed = t.store.outbox.peek(100).slice(outboxBefore);
    expect(pushed.map((m) => [m.name, (m.args as { action?: string }).action])).toEqual([['audit.append', 'permissions.overridden']]);

    // The same matrix again changes nothing and reports nothing new.
    expect(applyOwnerPermissions(t.store.db, rows, new Date().toISOString())).toBe(false);
    expect(t.store.queries.audit(20).filter((a) => a.action === 'permissions.overridden')).toHaveLength(1);
    await expect(t.store.execute('permissions.set', newId(), { role: 'server', permission: 'comp', granted: true }, actors.manager))
      .rejects.toMatchObject({ code: 'PERMISSIONS_MANAGED_BY_OWNER' });
    expect(t.store.staffCash.roleHas('server', 'comp')).toBe(false);
  });
});
