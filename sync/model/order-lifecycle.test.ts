import { describe, expect, it } from 'vitest';
import type { OrderStatus } from './order';
import { type OrderEvent, ORDER_STATUSES, STATUS_RANK, nextStatus } from './order-lifecycle';

type EventType = OrderEvent['type'];
const EVENTS: readonly EventType[] = ['ACCEPT', 'FIRE', 'READY', 'RECALL', 'COMPLETE', 'CANCEL', 'VOID'];

// Written out by hand from the docblock of order-lifecycle.ts: the whole allowed set.
const ALLOWED: Readonly<Record<string, OrderStatus>> = {
  'open FIRE': 'preparing',
  'open CANCEL': 'cancelled',
  'open VOID': 'voided',
  'submitted ACCEPT': 'accepted',
  'submitted CANCEL': 'cancelled',
  'accepted FIRE': 'preparing',
  'accepted CANCEL': 'cancelled',
  'accepted VOID': 'voided',
  'preparing FIRE': 'preparing',
  'preparing READY': 'ready',
  'preparing VOID': 'voided',
  'ready FIRE': 'preparing',
  'ready RECALL': 'preparing',
  'ready COMPLETE': 'completed',
  'ready VOID': 'voided',
};

const ALL_STATUSES: readonly OrderStatus[] = ['open', 'submitted', 'accepted', 'preparing', 'ready', 'completed', 'cancelled', 'voided'];

describe('order lifecycle', () => {
  it('lists every status once', () => {
    expect([...ORDER_STATUSES].sort()).toEqual([...ALL_STATUSES].sort());
  });

  const pairs = ALL_STATUSES.flatMap((status) => EVENTS.map((event) => [status, event] as const));
  it.each(pairs)('%s + %s gives exactly the documented result', (status, event) => {
    expect(nextStatus(status, event)).toBe(ALLOWED[`${status} ${event}`] ?? null);
  });

  it('documents only transitions that exist', () => {
    for (const key of Object.keys(ALLOWED)) {
      const [status, event] = key.split(' ') as [OrderStatus, EventType];
      expect(ALL_STATUSES).toContain(status);
      expect(EVENTS).toContain(event);
    }
  });

  it.each(['completed', 'cancelled', 'voided'] as const)('final state %s refuses every event', (status) => {
    for (const event of EVENTS) expect(nextStatus(status, event)).toBeNull();
  });

  it('never moves an order backwards in rank except when the kitchen recalls or refires', () => {
    for (const [status, event] of pairs) {
      const to = nextStatus(status, event);
      if (to === null || event === 'RECALL' || (event === 'FIRE' && status === 'ready')) continue;
      expect(STATUS_RANK[to], `${status} ${event} → ${to}`).toBeGreaterThanOrEqual(STATUS_RANK[status]);
    }
  });

  it('refuses a status it does not know', () => {
    expect(() => nextStatus('lost' as OrderStatus, 'FIRE')).toThrow();
  });
});
