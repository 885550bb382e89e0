/**
 * Orders and tickets for the demo and for tests, priced by the shared pricing engine from
 * the demo menu (in euros, tax-inclusive, or pounds) so receipts carry €, £ and accents.
 */
import {
  type Cents, DEMO, type KitchenTicket, type LineId, type Menu, type Order, type OrderId, type OrderLine, type Payment, type PaymentId,
  demoMenu, indexMenu, priceOrder,
} from '@brigade/sync/model';

export const sampleOrderId = '01936f4e-8a1c-7d2e-9b3a-4c5d6e7f8091' as OrderId;

export function sampleMenu(currency: 'EUR' | 'GBP' | 'USD'): Menu {
  return { ...demoMenu, currency, taxInclusive: currency !== 'USD' };
}

/** A burger with jalapeños, fries, a crème brûlée and a beer, paid in cash with change. */
export function sampleOrder(currency: 'EUR' | 'GBP' | 'USD' = 'EUR', tendered = 5000): Order {
  const index = indexMenu(sampleMenu(currency));
  const line = (n: number): LineId => `01936f4e-8a1c-7d2e-9b3a-00000000000${n}` as LineId;
  const priced = priceOrder(index, [
    { lineId: line(1), itemId: DEMO.burger, quantity: 2, modifierOptionIds: [DEMO.medium, DEMO.jalapenos], note: 'no onions' },
    { lineId: line(2), itemId: DEMO.fries, quantity: 1, modifierOptionIds: [DEMO.large] },
    { lineId: line(3), itemId: DEMO.brulee, quantity: 1, modifierOptionIds: [] },
    { lineId: line(4), itemId: DEMO.beer, quantity: 1, modifierOptionIds: [] },
  ]);
  const lines: OrderLine[] = priced.lines.map((l) => ({ ...l, stationId: index.items.get(l.itemId)?.stationId ?? DEMO.grill, voided: false, firedIn: 1 }));
  const total = priced.totals.total;
  const payment: Payment = {
    id: '01936f4e-8a1c-7d2e-9b3a-aaaaaaaaaaaa' as PaymentId,
    orderId: sampleOrderId,
    tender: 'cash',
    amount: total,
    tip: 0 as Cents,
    tendered: tendered as Cents,
    change: (tendered - total) as Cents,
    status: 'captured',
    refunded: 0 as Cents,
    reference: null,
    createdAt: '2026-11-21T19:42:00.000Z',
  };
  return {
    id: sampleOrderId, number: 'A-042', businessDay: '2026-11-21', channel: 'table', diningOption: 'eat_in', status: 'completed',
    paymentStatus: 'paid', lines, totals: priced.totals, paid: total, refunded: 0 as Cents, payments: [payment],
    customerName: 'Zoë', tableLabel: '12', note: null, createdBy: null, deviceId: null,
    createdAt: '2026-11-21T19:30:00.000Z', updatedAt: '2026-11-21T19:42:00.000Z',
  };
}

/** The grill's ticket of the sample order's first fire. */
export function sampleTicket(order: Order = sampleOrder()): KitchenTicket {
  const grill = order.lines.filter((l) => l.stationId === DEMO.grill);
  return {
    id: '01936f4e-8a1c-7d2e-9b3a-bbbbbbbbbbbb', orderId: order.id, orderNumber: order.number, stationId: DEMO.grill, fireSeq: 1,
    status: 'new', channel: order.channel, tableLabel: order.tableLabel, customerName: order.customerName,
    items: grill.map((l) => ({ lineId: l.lineId, name: l.name, quantity: l.quantity, modifiers: l.modifiers.map((m) => m.name), note: l.note ?? null, voided: false })),
    createdAt: order.createdAt, bumpedAt: null,
  };
}
