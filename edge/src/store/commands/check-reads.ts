/**
 * What the floor view and the check panel read: the floor plan with the open checks on each
 * table (and tabs without one), and one check as `CheckView`. Reads only; no transaction.
 */
import type Database from 'better-sqlite3';
import { and, eq, inArray, notInArray } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { BrigadeError, type MenuIndex, type OrderStatus, type PaymentStatus } from '@brigade/sync/model';
import * as schema from '@brigade/sync/schema/sqlite';
import { readCheckSettings } from './check-repricing';
import { type CheckView, checkView } from './check-rows';
import { type FloorPlan, readFloorPlan } from './table-commands';

import type { OpenCheckSummary } from '@brigade/sync/model';

export type { OpenCheckSummary };

export interface FloorView extends FloorPlan {
  readonly checks: readonly OpenCheckSummary[];
  readonly settings: ReturnType<typeof readCheckSettings>;
}

const FINAL: OrderStatus[] = ['completed', 'cancelled', 'voided'];
const SETTLED: PaymentStatus[] = ['paid', 'partially_refunded', 'refunded'];

export interface CheckReads {
  floor(): FloorView;
  check(orderId: string, menu: MenuIndex): CheckView;
}

export function checkReads(db: Database.Database): CheckReads {
  const orm = drizzle(db, { schema });
  return {
    floor() {
      const rows = orm.select({ order: schema.orders, check: schema.checks }).from(schema.checks)
        .innerJoin(schema.orders, eq(schema.orders.id, schema.checks.orderId))
        .where(and(notInArray(schema.orders.status, FINAL))).orderBy(schema.orders.createdAt).all();
      const parents = rows.filter((r) => r.check.splitInto !== null);
      const childIds = parents.flatMap((r) => JSON.parse(r.check.splitInto ?? '[]') as string[]);
      const children = childIds.length === 0 ? [] : orm.select({ id: schema.orders.id, paymentStatus: schema.orders.paymentStatus }).from(schema.orders)
        .where(inArray(schema.orders.id, childIds)).all();
      const settledChild = new Set(children.filter((c) => SETTLED.includes(c.paymentStatus)).map((c) => c.id));
      const open = rows.filter(({ order, check }) => {
        if (check.splitInto) return (JSON.parse(check.splitInto) as string[]).some((id) => !settledChild.has(id));
        return !(SETTLED.includes(order.paymentStatus) && order.total > 0);
      });
      return {
        ...readFloorPlan(orm),
        settings: readCheckSettings(orm),
        checks: open.map(({ order, check }) => ({
          orderId: order.id, number: order.number, tableId: check.tableId, tabName: check.tabName, guests: check.guests, total: order.total,
          paid: order.paid, status: order.status, paymentStatus: order.paymentStatus, openedAt: order.createdAt,
          splitLabel: check.splitPart ? (JSON.parse(check.splitPart) as { label: string }).label : null, parentOrderId: check.parentOrderId,
          split: check.splitInto !== null,
        })),
      };
    },
    check(orderId, menu) {
      if (!orm.select({ id: schema.orders.id }).from(schema.orders).where(eq(schema.orders.id, orderId)).get()) throw new BrigadeError('ORDER_NOT_FOUND', undefined, { orderId });
      return checkView(orm, menu, orderId);
    },
  };
}
