/**
 * Test helpers for the online order intake: rows shaped exactly as the cloud writes them to
 * `online_orders` (cloud/src/online/online-orders.ts), priced by the shared engine.
 */
import {
  DEMO, type AcceptOnlineArgs, type LineId, type LineRequest, type Menu, type Order, type OrderId, demoMenu, indexMenu, newId, priceOrder,
} from '@brigade/sync/model';
import { acceptArgsFromRow, jsonSafeRow } from './online-orders';

export type Row = Record<string, unknown>;

/** A row as the cloud writes it (cloud/src/online/online-orders.ts), priced by the cloud from `menu`. */
export function cloudRow(
  lines: readonly Omit<LineRequest, 'lineId'>[],
  opts: { menu?: Menu; paid?: boolean; status?: string; table?: string; customer?: string } = {},
): Row {
  const id = newId<OrderId>();
  // As the cloud does: the channel's prices (online, or table for a QR table order).
  const priced = priceOrder(indexMenu(opts.menu ?? demoMenu), lines.map((l) => ({ ...l, lineId: newId<LineId>() })), undefined, undefined, { channel: opts.table ? 'table' : 'online' });
  const stationOf = new Map((opts.menu ?? demoMenu).items.map((i) => [i.id, i.stationId]));
  const paid = opts.paid ?? true;
  const document: Order = {
    id, number: `W-${id.slice(-4).toUpperCase()}`, businessDay: '2026-03-10', channel: opts.table ? 'table' : 'online', diningOption: opts.table ? 'eat_in' : 'take_out',
    status: 'submitted', paymentStatus: paid ? 'paid' : 'unpaid',
    lines: priced.lines.map((l) => ({ ...l, stationId: stationOf.get(l.itemId) ?? DEMO.grill, voided: false, firedIn: null })),
    totals: priced.totals, paid: (paid ? priced.totals.total : 0) as Order['paid'], refunded: 0 as Order['refunded'], payments: [],
    customerName: opts.customer ?? 'Ada', tableLabel: opts.table ?? null, note: null, createdBy: null, deviceId: null,
    createdAt: '2026-03-10T14:59:00.000Z', updatedAt: '2026-03-10T14:59:30.000Z',
  };
  return {
    id, store_id: 'store-1', organisation_id: 'org-1', status: opts.status ?? 'submitted', payment_status: paid ? 'paid' : 'unpaid',
    customer_name: document.customerName, table_label: document.tableLabel, total: BigInt(priced.totals.total), currency: 'USD', document,
    payment_intent_id: paid ? `pi_${id.slice(-8)}` : null,
  };
}

/** Valid `order.acceptOnline` args for one burger, as the intake would send them. */
export function onlineAcceptArgs(): AcceptOnlineArgs {
  const args = acceptArgsFromRow(JSON.parse(JSON.stringify(jsonSafeRow(cloudRow([{ itemId: DEMO.burger, quantity: 1, modifierOptionIds: [DEMO.medium] }])))) as Row);
  if (typeof args === 'string') throw new Error(args);
  return args;
}
