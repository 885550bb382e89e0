import type { KitchenTicket, LineId, OrderId, StationId } from '@brigade/sync/model';
import { describe, expect, it } from 'vitest';
import { expoOrders } from './expo-board';
import { boardFrom } from './kitchen-tickets';

function ticket(id: string, orderId: string, stationId: string, fields: Partial<KitchenTicket> = {}): KitchenTicket {
  return {
    id, orderId: orderId as OrderId, orderNumber: `N-${orderId}`, stationId: stationId as StationId, fireSeq: 1, status: 'new',
    channel: 'kiosk', tableLabel: null, customerName: null, createdAt: '2026-01-01T12:00:00.000Z', bumpedAt: null,
    items: [{ lineId: `l-${id}` as LineId, name: 'x', quantity: 1, modifiers: [], note: null, voided: false }],
    ...fields,
  };
}

describe('expo board', () => {
  it('shows each order once with what every station has done', () => {
    const board = boardFrom([
      ticket('t1', 'a', 'grill'),
      ticket('t2', 'a', 'fry', { status: 'bumped', bumpedAt: '2026-01-01T12:03:00.000Z' }),
      ticket('t3', 'b', 'drinks', { createdAt: '2026-01-01T11:59:00.000Z' }),
    ]);
    const orders = expoOrders(board);
    expect(orders.map((o) => o.orderId)).toEqual(['b', 'a']);
    expect(orders[1]?.parts).toEqual([
      { stationId: 'fry', ticketId: 't2', done: true },
      { stationId: 'grill', ticketId: 't1', done: false },
    ]);
  });

  it('drops an order once every station has bumped it', () => {
    const board = boardFrom([
      ticket('t1', 'a', 'grill', { status: 'bumped', bumpedAt: '2026-01-01T12:04:00.000Z' }),
      ticket('t2', 'a', 'fry', { status: 'bumped', bumpedAt: '2026-01-01T12:03:00.000Z' }),
    ]);
    expect(expoOrders(board)).toEqual([]);
  });
});
