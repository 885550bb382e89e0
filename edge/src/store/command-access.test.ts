/**
 * Who may run what, for every command, checked against the hub contract (docs/api.md):
 * each refusal has its code and writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrigadeError, COMMAND_NAMES, type CommandName, newId } from '@brigade/sync/model';
import { type TestStore, actors, createArgs, createOrder, expectRefused, openTestStore, payCash } from './test-support';
import { inventoryAndGiftArgs } from './commands/inventory-test-support';
import { staffCashArgs } from './commands/staff-cash-test-kit';
import type { Actor } from './types';
import type { checkCommandArgs } from '@brigade/sync/model';
import { onlineAcceptArgs } from '../sync/online-test-support';

/** From the contract's table: the screens that may send each command, and which need a manager. */
/** `staff: false`: the command names its person itself (a time punch by PIN), so no sign-in is needed. */
const contract: Record<CommandName, { roles: readonly string[]; manager: boolean; staff?: false }> = {
  'order.create': { roles: ['pos', 'kiosk'], manager: false },
  'order.addLines': { roles: ['pos'], manager: false },
  'order.voidLine': { roles: ['pos'], manager: true },
  'order.fire': { roles: ['pos'], manager: false },
  'order.complete': { roles: ['pos'], manager: false },
  'order.void': { roles: ['pos'], manager: true },
  'order.acceptOnline': { roles: [], manager: false },
  'payment.capture': { roles: ['pos', 'kiosk'], manager: false },
  'payment.refund': { roles: ['pos'], manager: true },
  'receipt.print': { roles: ['pos'], manager: false },
  'drawer.open': { roles: ['pos'], manager: true },
  'ticket.bump': { roles: ['kds', 'pos'], manager: false },
  'ticket.recall': { roles: ['kds', 'pos'], manager: false },
  'item.set86': { roles: ['pos'], manager: true },
  'device.approve': { roles: ['pos'], manager: true },
  'device.revoke': { roles: ['pos'], manager: true },
  'check.open': { roles: ['pos'], manager: false },
  'check.addLines': { roles: ['pos'], manager: false },
  'check.setQuantity': { roles: ['pos'], manager: false },
  'check.moveLines': { roles: ['pos'], manager: false },
  'check.discountLine': { roles: ['pos'], manager: false },
  'check.compLine': { roles: ['pos'], manager: true },
  'check.setDiscounts': { roles: ['pos'], manager: false },
  'check.applyPromo': { roles: ['pos'], manager: false },
  'check.update': { roles: ['pos'], manager: false },
  'check.split': { roles: ['pos'], manager: false },
  'check.merge': { roles: ['pos'], manager: false },
  'course.fire': { roles: ['pos'], manager: false },
  'floor.saveSection': { roles: ['pos'], manager: true },
  'floor.saveTable': { roles: ['pos'], manager: true },
  'promo.save': { roles: ['pos'], manager: true },
  'checkSettings.save': { roles: ['pos'], manager: true },
  'permissions.set': { roles: ['pos'], manager: true },
  'timeclock.punch': { roles: ['pos', 'kds'], manager: false, staff: false },
  'timeclock.correct': { roles: ['pos'], manager: true },
  'drawer.openSession': { roles: ['pos'], manager: false },
  'drawer.closeSession': { roles: ['pos'], manager: false },
  'drawer.payIn': { roles: ['pos'], manager: true },
  'drawer.payOut': { roles: ['pos'], manager: true },
  'drawer.drop': { roles: ['pos'], manager: true },
  'report.closeDay': { roles: ['pos'], manager: true },
  'report.reprintZ': { roles: ['pos'], manager: true },
  'report.printX': { roles: ['pos'], manager: true },
  'inventory.defineIngredient': { roles: ['pos'], manager: true },
  'inventory.setRecipe': { roles: ['pos'], manager: true },
  'inventory.receive': { roles: ['pos'], manager: false },
  'inventory.count': { roles: ['pos'], manager: false },
  'inventory.waste': { roles: ['pos'], manager: false },
  'gift.sell': { roles: ['pos'], manager: false },
  'gift.load': { roles: ['pos'], manager: false },
  'gift.redeem': { roles: ['pos', 'kiosk'], manager: false },
  'ledger.configure': { roles: ['pos'], manager: true },
  'loyalty.attach': { roles: ['pos'], manager: false },
  'loyalty.redeem': { roles: ['pos'], manager: false },
};

let t: TestStore;
let validArgs: Record<CommandName, Record<string, unknown>>;

beforeAll(async () => {
  t = openTestStore();
  const order = await createOrder(t.store);
  const paid = await payCash(t.store, await createOrder(t.store));
  const ticket = t.store.queries.tickets()[0];
  const payment = paid.payments[0];
  const device = t.store.auth.claimSetupCode(t.store.auth.createSetupCode('kds'), 'Spare KDS');
  const pairing = t.store.auth.createPairingRequest('New screen');
  if (!ticket || !payment) throw new Error('set-up needs a ticket and a payment');
  validArgs = {
    'order.create': createArgs(),
    'order.addLines': { orderId: order.id, lines: createArgs().lines },
    'order.voidLine': { orderId: order.id, lineId: order.lines[0]?.lineId, reason: 'test' },
    'order.fire': { orderId: order.id },
    'order.complete': { orderId: paid.id },
    'order.void': { orderId: order.id, reason: 'test' },
    'order.acceptOnline': onlineAcceptArgs(),
    'payment.capture': { orderId: order.id, paymentId: newId(), tender: 'card', amount: 100 },
    'payment.refund': { orderId: paid.id, paymentId: payment.id, amount: 1, reason: 'test' },
    'receipt.print': { orderId: paid.id },
    'drawer.open': { reason: 'test' },
    'ticket.bump': { ticketId: ticket.id },
    'ticket.recall': { ticketId: ticket.id },
    'item.set86': { itemId: 'item-fries', unavailable: true },
    'device.approve': { code: pairing.code, role: 'kds', name: 'New screen' },
    'device.revoke': { deviceId: device.deviceId },
    ...checkArgs(order.id, order.lines[0]?.lineId),
    ...staffCashArgs(),
    ...inventoryAndGiftArgs(order.id),
  };
});
afterAll(() => t.cleanup());

const screens: Record<string, Actor> = { kiosk: actors.kiosk, kds: actors.expoKds, display: actors.display };

describe.each(COMMAND_NAMES)('%s', (name) => {
  const rule = contract[name];

  it('is refused to screens the contract does not list', async () => {
    for (const [role, actor] of Object.entries(screens)) {
      if (!rule.roles.includes(role)) await expectRefused(t.store, 'WRONG_DEVICE_ROLE', name, validArgs[name], actor);
    }
  });

  // A command no screen may send (the node's own, e.g. order.acceptOnline) is refused to a POS by role first.
  if (rule.roles.includes('pos') && rule.staff !== false) {
    it('needs a signed-in member of staff on a POS', async () => {
      await expectRefused(t.store, 'STAFF_SIGN_IN_REQUIRED', name, validArgs[name], actors.posNoStaff);
    });
  }

  if (rule.manager) {
    it('needs a manager, signed in or by PIN, when a cashier asks', async () => {
      await expectRefused(t.store, 'MANAGER_APPROVAL_REQUIRED', name, validArgs[name], actors.cashier);
      await expectRefused(t.store, 'MANAGER_APPROVAL_REQUIRED', name, { ...validArgs[name], managerPin: '1111' }, actors.cashier);
      await expectRefused(t.store, 'MANAGER_APPROVAL_REQUIRED', name, { ...validArgs[name], managerPin: '0000' }, actors.cashier);
    });
  }

  it('lets an allowed caller past every access check (so the refusals above are about access)', async () => {
    const caller = rule.roles.length === 0 ? actors.system : actors.manager;
    const error = await t.store.execute(name, newId(), validArgs[name], caller).then(() => null, (err: unknown) => err);
    if (error !== null) {
      expect(error).toBeInstanceOf(BrigadeError);
      expect(['VALIDATION_FAILED', 'WRONG_DEVICE_ROLE', 'STAFF_SIGN_IN_REQUIRED', 'MANAGER_APPROVAL_REQUIRED']).not.toContain((error as BrigadeError).code);
    }
  });

  it('refuses arguments its schema does not allow', async () => {
    await expectRefused(t.store, 'VALIDATION_FAILED', name, { ...validArgs[name], surprise: 1 }, actors.manager);
    await expectRefused(t.store, 'VALIDATION_FAILED', name, null, actors.manager);
    await expectRefused(t.store, 'VALIDATION_FAILED', name, 'text', actors.manager);
  });
});

/** Valid arguments of the table-service commands, on the set-up order. */
function checkArgs(orderId: string, lineId: string | undefined): Record<keyof typeof checkCommandArgs, Record<string, unknown>> {
  const line = { lineId: newId(), itemId: 'item-fries', quantity: 1, modifierOptionIds: [], seat: 1, course: 2 };
  return {
    'check.open': { orderId: newId(), tableId: 't4', guests: 3 },
    'check.addLines': { orderId, lines: [line] },
    'check.setQuantity': { orderId, lineId, quantity: 2 },
    'check.moveLines': { orderId, lineIds: [lineId], seat: 2 },
    'check.discountLine': { orderId, lineId, discount: { name: 'Staff', value: { kind: 'percent', bps: 1000 } } },
    'check.compLine': { orderId, lineId, comp: { reason: 'Cold' } },
    'check.setDiscounts': { orderId, orderDiscounts: [] },
    'check.applyPromo': { orderId, code: null },
    'check.update': { orderId, guests: 2 },
    'check.split': { orderId, mode: 'even', childOrderIds: [newId(), newId()] },
    'check.merge': { orderId, fromOrderIds: [newId()] },
    'course.fire': { orderId, course: 2 },
    'floor.saveSection': { sectionId: 'patio', name: 'Patio', sortOrder: 3 },
    'floor.saveTable': { tableId: 'p1', sectionId: 'dining', label: 'P1', seats: 4, x: 1, y: 1, shape: 'round', active: true },
    'promo.save': { promo: { code: 'TEN', name: 'Ten off', value: { kind: 'percent', bps: 1000 } }, active: true },
    'checkSettings.save': { serviceCharge: null, cashIncrement: 5, tipSuggestions: [1500] },
  };
}
