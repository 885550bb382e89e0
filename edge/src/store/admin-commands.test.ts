import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO, type HubEvent, newId } from '@brigade/sync/model';
import { type TestStore, actors, count, createOrder, expectRefused, openTestStore, payCash } from './test-support';

let t: TestStore;
beforeEach(() => {
  t = openTestStore();
});
afterEach(() => t.cleanup());

describe('receipt.print and drawer.open', () => {
  it('prints a first receipt, then marks every further copy as a reprint', async () => {
    const order = await createOrder(t.store);
    const first = (await t.store.execute('receipt.print', newId(), { orderId: order.id }, actors.cashier)).result as { printJobId: string };
    expect(t.store.printJobs.get(first.printJobId)).toMatchObject({ kind: 'receipt', reprint: false, status: 'queued' });
    await payCash(t.store, t.store.queries.order(order.id));
    const again = (await t.store.execute('receipt.print', newId(), { orderId: order.id }, actors.cashier)).result as { printJobId: string };
    const job = t.store.printJobs.get(again.printJobId);
    expect(job.reprint).toBe(true);
    expect(job.payload).toMatchObject({ kind: 'receipt', reprint: true, order: { paymentStatus: 'paid' } });
    await expectRefused(t.store, 'ORDER_NOT_FOUND', 'receipt.print', { orderId: newId() }, actors.cashier);
    await expectRefused(t.store, 'WRONG_DEVICE_ROLE', 'receipt.print', { orderId: order.id }, actors.grillKds);
  });

  it('opens the drawer for a no-sale only with a manager, and audits it', async () => {
    await expectRefused(t.store, 'MANAGER_APPROVAL_REQUIRED', 'drawer.open', { reason: 'change' }, actors.cashier);
    await expectRefused(t.store, 'STAFF_SIGN_IN_REQUIRED', 'drawer.open', { reason: 'change' }, actors.posNoStaff);
    await expectRefused(t.store, 'VALIDATION_FAILED', 'drawer.open', { reason: '' }, actors.manager);
    const outcome = await t.store.execute('drawer.open', newId(), { reason: 'change', managerPin: '9999' }, actors.cashier);
    expect(outcome.result).toEqual({ opened: true });
    expect(count(t.store, 'print_jobs', "kind = 'drawer'")).toBe(1);
    expect(t.store.printJobs.list()[0]).toMatchObject({ kind: 'drawer', deviceId: actors.cashier.deviceId, status: 'queued' });
    expect(t.store.queries.audit(5)[0]).toMatchObject({ action: 'drawer.open', staffId: actors.cashier.staff.id, approvedBy: actors.manager.staff.id });
  });
});

describe('item.set86', () => {
  it('marks an item unavailable and back, with an event and a mutation for the cloud', async () => {
    const heard: HubEvent[] = [];
    t.store.onEvents((events) => heard.push(...events));
    await expectRefused(t.store, 'MANAGER_APPROVAL_REQUIRED', 'item.set86', { itemId: DEMO.fries, unavailable: true }, actors.cashier);
    await expectRefused(t.store, 'ITEM_UNKNOWN', 'item.set86', { itemId: 'item-nope', unavailable: true }, actors.manager);
    await t.store.execute('item.set86', newId(), { itemId: DEMO.fries, unavailable: true }, actors.manager);
    expect(t.store.queries.menu().unavailable).toEqual([DEMO.fries]);
    expect(heard.map((e) => e.type)).toEqual(['item.availability']);
    expect(t.store.outbox.peek(10).some((m) => m.name === 'availability.set' && (m.args as { itemId: string }).itemId === DEMO.fries)).toBe(true);
    // A new menu from the cloud does not undo the store's own 86.
    t.store.replaceMenu(t.store.queries.menu().menu);
    expect(t.store.queries.menu().unavailable).toEqual([DEMO.fries]);
    await t.store.execute('item.set86', newId(), { itemId: DEMO.fries, unavailable: false }, actors.manager);
    expect(t.store.queries.menu().unavailable).toEqual([]);
  });
});

describe('device.approve and device.revoke', () => {
  it('approves a waiting screen by its code and revokes it later', async () => {
    const request = t.store.auth.createPairingRequest('Grill screen');
    const args = { code: request.code, role: 'kds', name: 'Grill screen', stationId: 'grill' };
    await expectRefused(t.store, 'MANAGER_APPROVAL_REQUIRED', 'device.approve', args, actors.cashier);
    await expectRefused(t.store, 'VALIDATION_FAILED', 'device.approve', { ...args, stationId: 'pizza-oven' }, actors.manager);
    const wrongCode = request.code === '000000' ? '000001' : '000000';
    await expectRefused(t.store, 'PAIRING_CODE_INVALID', 'device.approve', { ...args, code: wrongCode }, actors.manager);
    const { deviceId } = (await t.store.execute('device.approve', newId(), args, actors.manager)).result as { deviceId: string };
    expect(t.store.queries.pendingPairings()).toEqual([]);
    await expectRefused(t.store, 'PAIRING_CODE_INVALID', 'device.approve', args, actors.manager);
    const poll = t.store.auth.pollPairing(request.requestId, request.pollToken);
    if (poll.status !== 'approved') throw new Error(`expected approval, got ${poll.status}`);
    expect(t.store.auth.authenticateDevice(poll.deviceToken)).toMatchObject({ id: deviceId, role: 'kds', stationId: 'grill' });
    await expectRefused(t.store, 'NOT_FOUND', 'device.revoke', { deviceId: newId() }, actors.manager);
    await expectRefused(t.store, 'MANAGER_APPROVAL_REQUIRED', 'device.revoke', { deviceId }, actors.cashier);
    await t.store.execute('device.revoke', newId(), { deviceId }, actors.manager);
    expect(() => t.store.auth.authenticateDevice(poll.deviceToken)).toThrow(expect.objectContaining({ code: 'DEVICE_REVOKED' }));
  });
});
