import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type HubEvent, type KitchenTicket, type Order, newId } from '@brigade/sync/model';
import { type TestStore, actors, createOrder, expectRefused, openTestStore } from './test-support';

let t: TestStore;
beforeEach(() => {
  t = openTestStore();
});
afterEach(() => t.cleanup());

async function firedOrder(): Promise<{ order: Order; grill: KitchenTicket; drinks: KitchenTicket }> {
  const order = await createOrder(t.store);
  await t.store.execute('order.fire', newId(), { orderId: order.id }, actors.cashier);
  const tickets = t.store.queries.tickets({ status: 'new' });
  const grill = tickets.find((k) => k.stationId === 'grill');
  const drinks = tickets.find((k) => k.stationId === 'drinks');
  if (!grill || !drinks) throw new Error('expected a grill and a drinks ticket');
  return { order, grill, drinks };
}

describe('ticket.bump and ticket.recall', () => {
  it('makes the order ready only when every station has bumped, and recall sends it back to preparing', async () => {
    const { order, grill, drinks } = await firedOrder();
    const first = (await t.store.execute('ticket.bump', newId(), { ticketId: grill.id }, actors.grillKds)).result as { ticket: KitchenTicket; order: Order };
    expect(first.ticket.status).toBe('bumped');
    expect(first.order.status).toBe('preparing');
    const second = (await t.store.execute('ticket.bump', newId(), { ticketId: drinks.id }, actors.expoKds)).result as { order: Order };
    expect(second.order.status).toBe('ready');
    expect(t.store.queries.order(order.id).status).toBe('ready');
    const recalled = (await t.store.execute('ticket.recall', newId(), { ticketId: grill.id }, actors.grillKds)).result as { ticket: KitchenTicket; order: Order };
    expect(recalled.ticket).toMatchObject({ status: 'new', bumpedAt: null });
    expect(recalled.order.status).toBe('preparing');
  });

  it('refuses unknown tickets, double bumps, other stations and wrong screens', async () => {
    const { grill, drinks } = await firedOrder();
    await expectRefused(t.store, 'TICKET_NOT_FOUND', 'ticket.bump', { ticketId: newId() }, actors.expoKds);
    await expectRefused(t.store, 'WRONG_DEVICE_ROLE', 'ticket.bump', { ticketId: drinks.id }, actors.grillKds);
    await expectRefused(t.store, 'WRONG_DEVICE_ROLE', 'ticket.bump', { ticketId: grill.id }, actors.kiosk);
    await expectRefused(t.store, 'STAFF_SIGN_IN_REQUIRED', 'ticket.bump', { ticketId: grill.id }, actors.posNoStaff);
    await expectRefused(t.store, 'ORDER_TRANSITION_REFUSED', 'ticket.recall', { ticketId: grill.id }, actors.grillKds);
    await t.store.execute('ticket.bump', newId(), { ticketId: grill.id }, actors.cashier);
    await expectRefused(t.store, 'ORDER_TRANSITION_REFUSED', 'ticket.bump', { ticketId: grill.id }, actors.grillKds);
  });

  it('tells listeners only after commit, so a listener reading the database sees the new state', async () => {
    const { order, grill, drinks } = await firedOrder();
    const seen: { events: HubEvent[]; statusInDb: string; ticketInDb: string }[] = [];
    t.store.onEvents((events) => {
      seen.push({
        events,
        statusInDb: (t.store.db.prepare('SELECT status FROM orders WHERE id = ?').get(order.id) as { status: string }).status,
        ticketInDb: (t.store.db.prepare('SELECT status FROM kitchen_tickets WHERE id = ?').get(drinks.id) as { status: string }).status,
      });
    });
    await t.store.execute('ticket.bump', newId(), { ticketId: grill.id }, actors.grillKds);
    await t.store.execute('ticket.bump', newId(), { ticketId: drinks.id }, actors.expoKds);
    expect(seen).toHaveLength(2);
    expect(seen[1]?.events.map((e) => e.type)).toEqual(['ticket.updated', 'order.updated']);
    expect(seen[1]?.statusInDb).toBe('ready');
    expect(seen[1]?.ticketInDb).toBe('bumped');
    // The events are stored, in order, for screens that reconnect.
    const since = t.store.eventsSince(0);
    expect(since).not.toBe('too-old');
    expect((since as HubEvent[]).slice(-3).map((e) => e.seq)).toEqual(seen.flatMap((s) => s.events.map((e) => e.seq)));
  });
});
