/**
 * Discounts need the `discount` permission: a role the store took it from is refused
 * (nothing written), a wrong or unqualified PIN is refused the same way, and the PIN of
 * someone who holds it lets the discount through with both people in the audit.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO, type LineId, demoMenu, indexMenu, newId, priceCheck } from '@brigade/sync/model';
import { type TestStore, CASHIER, MANAGER, actors, expectRefused, openTestStore } from '../test-support';
import type { CheckView } from './check-rows';

const index = indexMenu(demoMenu);
let t: TestStore;
beforeEach(() => {
  t = openTestStore();
});
afterEach(() => t.cleanup());

const TEN_PERCENT = { name: '10% off', value: { kind: 'percent', bps: 1000 } } as const;

async function openCheck(): Promise<{ orderId: string; lineId: string }> {
  const orderId = newId();
  const lineId = newId();
  await t.store.execute('check.open', newId(), {
    orderId, tableId: 't4', guests: 2, lines: [{ lineId, itemId: DEMO.burger, quantity: 1, modifierOptionIds: [DEMO.medium] }],
  }, actors.cashier);
  return { orderId, lineId };
}

async function takeDiscountFromCashiers(): Promise<void> {
  await t.store.execute('permissions.set', newId(), { role: 'cashier', permission: 'discount', granted: false, managerPin: MANAGER.pin }, actors.manager);
}

function auditOf(action: string): { staff_id: string | null; approved_by: string | null }[] {
  return t.store.db.prepare('SELECT staff_id, approved_by FROM audit_log WHERE action = ?').all(action) as { staff_id: string | null; approved_by: string | null }[];
}

describe('discounts and manager approval', () => {
  it('lets a cashier who holds the permission discount a line, audited as their own approval', async () => {
    const { orderId, lineId } = await openCheck();
    const { result } = await t.store.execute('check.discountLine', newId(), { orderId, lineId, discount: TEN_PERCENT }, actors.cashier);
    const expected = priceCheck(index, {
      lines: [{ lineId: lineId as LineId, itemId: DEMO.burger, quantity: 1, modifierOptionIds: [DEMO.medium], discount: TEN_PERCENT }],
      diningOption: 'eat_in', guests: 2,
    }).totals;
    expect((result as { check: CheckView }).check.totals.total).toBe(expected.total);
    expect(auditOf('check.discountLine')).toEqual([{ staff_id: CASHIER.id, approved_by: CASHIER.id }]);
  });

  it('refuses a line discount without approval once the role lost the permission, and writes nothing', async () => {
    const { orderId, lineId } = await openCheck();
    await takeDiscountFromCashiers();
    await expectRefused(t.store, 'MANAGER_APPROVAL_REQUIRED', 'check.discountLine', { orderId, lineId, discount: TEN_PERCENT }, actors.cashier);
    await expectRefused(t.store, 'MANAGER_APPROVAL_REQUIRED', 'check.setDiscounts', { orderId, orderDiscounts: [TEN_PERCENT] }, actors.cashier);
  });

  it('refuses a wrong PIN and the cashier\'s own PIN with 403, writing nothing', async () => {
    const { orderId, lineId } = await openCheck();
    await takeDiscountFromCashiers();
    for (const managerPin of ['0000', CASHIER.pin]) {
      await expectRefused(t.store, 'MANAGER_APPROVAL_REQUIRED', 'check.discountLine', { orderId, lineId, discount: TEN_PERCENT, managerPin }, actors.cashier);
      await expectRefused(t.store, 'MANAGER_APPROVAL_REQUIRED', 'check.setDiscounts', { orderId, orderDiscounts: [TEN_PERCENT], managerPin }, actors.cashier);
    }
    const error = await t.store.execute('check.setDiscounts', newId(), { orderId, orderDiscounts: [TEN_PERCENT], managerPin: '0000' }, actors.cashier)
      .then(() => null, (e: unknown) => e as { status?: number });
    expect(error?.status).toBe(403);
  });

  it('passes with a manager\'s PIN; the audit names the cashier and the approving manager', async () => {
    const { orderId, lineId } = await openCheck();
    await takeDiscountFromCashiers();
    await t.store.execute('check.discountLine', newId(), { orderId, lineId, discount: TEN_PERCENT, managerPin: MANAGER.pin }, actors.cashier);
    const { result } = await t.store.execute('check.setDiscounts', newId(), { orderId, orderDiscounts: [TEN_PERCENT], managerPin: MANAGER.pin }, actors.cashier);
    const check = (result as { check: CheckView }).check;
    expect(check.lines[0]?.discount).toEqual(TEN_PERCENT);
    expect(check.orderDiscounts).toEqual([TEN_PERCENT]);
    expect(auditOf('check.discountLine')).toEqual([{ staff_id: CASHIER.id, approved_by: MANAGER.id }]);
    expect(auditOf('check.setDiscounts')).toEqual([{ staff_id: CASHIER.id, approved_by: MANAGER.id }]);
    // The PIN itself is never kept in the audit trail.
    const logged = t.store.db.prepare("SELECT group_concat(detail, '') AS d FROM audit_log WHERE action LIKE 'check.%'").get() as { d: string | null };
    expect(logged.d ?? '').not.toContain(MANAGER.pin);
  });
});
