/** Read-only views for the hub's GET routes. */
import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import { BrigadeError, type ItemId, type KitchenTicket, type Menu, type Order } from '@brigade/sync/model';
import type { AuditEntry } from '@brigade/sync/protocol';
import { auditLog, devices, kitchenTickets, orders, outbox } from '@brigade/sync/schema/sqlite';
import { businessDayOf } from './clock';
import { findOrderRow, loadOrder, orderFromOrderRow, ticketFromRow } from './order-rows';
import { pendingPairings } from './pairing';
import { deviceFromRow } from './staff-auth';
import type { StoreContext } from './store-context';
import type { EdgeStore, OrderFilter, StoreInfo, TicketFilter } from './types';

const MAX_LIMIT = 500;

function clampLimit(limit: number | undefined, fallback: number): number {
  if (limit === undefined || !Number.isInteger(limit) || limit < 1) return fallback;
  return Math.min(limit, MAX_LIMIT);
}

export function storeInfo(store: StoreContext): StoreInfo {
  const row = store.storeRow();
  return {
    id: row.id, name: row.name, currency: row.currency, timezone: row.timezone, businessDayEndHour: row.businessDayEndHour,
    businessDay: businessDayOf(store.now(), row.timezone, row.businessDayEndHour), stations: store.menuIndex().menu.stations,
    nodeId: row.nodeId, epoch: row.epoch,
  };
}

export function createQueries(store: StoreContext): EdgeStore['queries'] {
  return {
    store: () => storeInfo(store),
    menu: (): { menu: Menu; unavailable: ItemId[] } => ({ menu: store.menuIndex().menu, unavailable: [...store.unavailable()].sort() }),
    order: (id: string): Order => loadOrder(store.orm, id),
    orders: (filter: OrderFilter = {}): Order[] => {
      const where = filter.status ? eq(orders.status, filter.status) : undefined;
      return store.orm.select().from(orders).where(where).orderBy(desc(orders.createdAt), desc(orders.id))
        .limit(clampLimit(filter.limit, 50)).all().map((row) => orderFromOrderRow(store.orm, row));
    },
    tickets: (filter: TicketFilter = {}): KitchenTicket[] => {
      const conditions: SQL[] = [];
      if (filter.stationId) conditions.push(eq(kitchenTickets.stationId, filter.stationId));
      if (filter.status) conditions.push(eq(kitchenTickets.status, filter.status));
      const rows = store.orm.select().from(kitchenTickets).where(and(...conditions))
        .orderBy(asc(kitchenTickets.createdAt), asc(kitchenTickets.id)).limit(clampLimit(filter.limit, 200)).all();
      return rows.map((row) => {
        const order = findOrderRow(store.orm, row.orderId);
        if (!order) throw new BrigadeError('ORDER_NOT_FOUND', undefined, { orderId: row.orderId });
        return ticketFromRow(row, order);
      });
    },
    audit: (limit: number): AuditEntry[] =>
      store.orm.select().from(auditLog).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(clampLimit(limit, 100)).all()
        .map((r) => ({
          id: r.id, at: r.at, action: r.action, staffId: r.staffId, approvedBy: r.approvedBy, deviceId: r.deviceId, orderId: r.orderId,
          detail: JSON.parse(r.detail) as AuditEntry['detail'],
        })),
    devices: () => store.orm.select().from(devices).orderBy(asc(devices.createdAt)).all().map(deviceFromRow),
    pendingPairings: () => pendingPairings(store),
    syncStatus: () => {
      const row = store.orm.select({ createdAt: outbox.createdAt }).from(outbox).orderBy(asc(outbox.seq)).limit(1).get();
      const waiting = (store.sqlite.prepare('SELECT COUNT(*) AS n FROM outbox').get() as { n: number }).n;
      const oldestAgeSeconds = row ? Math.max(0, Math.floor((store.now().getTime() - Date.parse(row.createdAt)) / 1000)) : null;
      return { waiting, oldestAgeSeconds, online: store.online, cloud: store.cloudLink.state, message: store.cloudLink.message };
    },
  };
}
