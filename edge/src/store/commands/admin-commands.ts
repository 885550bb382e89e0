/** Manager and front-of-house actions: receipts, the drawer, 86s, pairing and unpairing screens. */
import { and, eq, gt, isNull } from 'drizzle-orm';
import { BrigadeError, type ItemId, newId } from '@brigade/sync/model';
import { devices, itemAvailability, pairingRequests, printJobs, staffSessions } from '@brigade/sync/schema/sqlite';
import { defineCommand } from '../command-registry';
import { loadOrder } from '../order-rows';
import { requireOrder } from './order-helpers';
import { pushNoSale } from './staff-cash-push';

export const receiptPrint = defineCommand({
  name: 'receipt.print',
  roles: ['pos'],
  needsStaff: true,
  needsManager: false,
  run(tx, ctx, args) {
    requireOrder(tx, args.orderId);
    const order = loadOrder(tx.orm, args.orderId);
    const earlier = tx.orm.select({ id: printJobs.id }).from(printJobs)
      .where(and(eq(printJobs.orderId, args.orderId), eq(printJobs.kind, 'receipt'))).get();
    // Any receipt after the first is a copy and says so, so it cannot pass for a second sale.
    const reprint = earlier !== undefined;
    const printJobId = tx.printJob({
      idemKey: `receipt:${args.orderId}:print:${ctx.commandId}`, printerRole: 'receipt', orderId: args.orderId,
      payload: { kind: 'receipt', order, reprint }, reprint,
    });
    tx.audit('receipt.print', { orderId: args.orderId, detail: { printJobId, reprint } });
    return { printJobId };
  },
});

export const drawerOpen = defineCommand({
  name: 'drawer.open',
  roles: ['pos'],
  needsStaff: true,
  needsManager: true,
  run(tx, ctx, args) {
    const printJobId = tx.printJob({ idemKey: `drawer:nosale:${ctx.commandId}`, printerRole: 'receipt', payload: { kind: 'drawer', reason: args.reason } });
    tx.audit('drawer.open', { detail: { reason: args.reason, printJobId } });
    pushNoSale(tx, ctx.actor.deviceId);
    return { opened: true };
  },
});

export const itemSet86 = defineCommand({
  name: 'item.set86',
  roles: ['pos'],
  needsStaff: true,
  needsManager: true,
  run(tx, ctx, args) {
    if (!ctx.store.menuIndex().items.has(args.itemId as ItemId)) throw new BrigadeError('ITEM_UNKNOWN', undefined, { itemId: args.itemId });
    const values = { unavailable: args.unavailable, updatedAt: tx.now, updatedBy: ctx.approvedBy };
    tx.orm.insert(itemAvailability).values({ itemId: args.itemId, ...values }).onConflictDoUpdate({ target: itemAvailability.itemId, set: values }).run();
    const itemId = args.itemId as ItemId;
    tx.push({ name: 'availability.set', args: { itemId, unavailable: args.unavailable, at: tx.now } });
    tx.emit({ type: 'item.availability', itemId, unavailable: args.unavailable });
    tx.audit('item.set86', { detail: { itemId, unavailable: args.unavailable } });
    return { itemId, unavailable: args.unavailable };
  },
});

export const deviceApprove = defineCommand({
  name: 'device.approve',
  roles: ['pos'],
  needsStaff: true,
  needsManager: true,
  run(tx, ctx, args) {
    const request = tx.orm.select().from(pairingRequests)
      .where(and(eq(pairingRequests.code, args.code), isNull(pairingRequests.approvedDeviceId), gt(pairingRequests.expiresAt, tx.now))).get();
    if (!request) throw new BrigadeError('PAIRING_CODE_INVALID');
    const stationId = args.stationId ?? null;
    if (stationId !== null && !ctx.store.menuIndex().menu.stations.some((s) => s.id === stationId)) {
      throw new BrigadeError('VALIDATION_FAILED', 'There is no station with that id.', { stationId });
    }
    const deviceId = newId();
    // The token is made when the waiting screen polls, so it never sits in the database.
    tx.orm.insert(devices).values({ id: deviceId, name: args.name, role: args.role, stationId, tokenHash: null, createdAt: tx.now }).run();
    tx.orm.update(pairingRequests).set({ approvedDeviceId: deviceId, approvedAt: tx.now }).where(eq(pairingRequests.id, request.id)).run();
    const pending = tx.orm.select({ id: pairingRequests.id }).from(pairingRequests)
      .where(and(isNull(pairingRequests.approvedDeviceId), gt(pairingRequests.expiresAt, tx.now))).all().length;
    tx.emit({ type: 'device.pairing', pending });
    tx.audit('device.approve', { detail: { deviceId, role: args.role, name: args.name, stationId } });
    return { deviceId };
  },
});

export const deviceRevoke = defineCommand({
  name: 'device.revoke',
  roles: ['pos'],
  needsStaff: true,
  needsManager: true,
  run(tx, _ctx, args) {
    const device = tx.orm.select().from(devices).where(eq(devices.id, args.deviceId)).get();
    if (!device) throw new BrigadeError('NOT_FOUND', 'That screen is not paired.', { deviceId: args.deviceId });
    if (device.revokedAt === null) {
      tx.orm.update(devices).set({ revokedAt: tx.now }).where(eq(devices.id, args.deviceId)).run();
      tx.orm.update(staffSessions).set({ endedAt: tx.now }).where(and(eq(staffSessions.deviceId, args.deviceId), isNull(staffSessions.endedAt))).run();
    }
    tx.audit('device.revoke', { detail: { deviceId: args.deviceId, name: device.name } });
    return { deviceId: args.deviceId };
  },
});
