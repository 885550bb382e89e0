/**
 * Random sequences of commands, valid and not, against a real store: after every step the
 * money adds up, refusals changed nothing, and the outbox carries each order's versions in
 * order. The invariants are stated from the rules, not read back from the code under test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BrigadeError, DEMO, type Order, newId } from '@brigade/sync/model';
import { type TestStore, actors, fingerprint, openTestStore } from './test-support';
import type { Actor } from './types';

interface LineSpec {
  itemId: string;
  quantity: number;
  modifierOptionIds: string[];
}

const modifiersFor: Record<string, fc.Arbitrary<string[]>> = {
  [DEMO.burger]: fc.tuple(fc.constantFrom(DEMO.rare, DEMO.medium, DEMO.wellDone), fc.subarray([DEMO.bacon, DEMO.cheese, DEMO.jalapenos])).map(([d, e]) => [d, ...e]),
  [DEMO.cheeseburger]: fc.constantFrom<string[]>([DEMO.medium], [DEMO.rare, DEMO.cheese]),
  [DEMO.fries]: fc.constantFrom<string[]>([DEMO.small], [DEMO.large]),
  [DEMO.cola]: fc.constantFrom<string[]>([DEMO.regular], [DEMO.large]),
  [DEMO.lemonade]: fc.constant<string[]>([DEMO.small]),
  [DEMO.beer]: fc.constant<string[]>([]),
  [DEMO.brulee]: fc.constant<string[]>([]),
};

// One line in ten carries choices that do not belong together, to provoke refusals.
const lineArb: fc.Arbitrary<LineSpec> = fc.constantFrom(...Object.keys(modifiersFor)).chain((itemId) =>
  fc.record({
    itemId: fc.constant(itemId),
    quantity: fc.integer({ min: 1, max: 4 }),
    modifierOptionIds: fc.oneof(
      { weight: 9, arbitrary: modifiersFor[itemId] ?? fc.constant<string[]>([]) },
      { weight: 1, arbitrary: fc.constant<string[]>([DEMO.bacon, DEMO.small]) },
    ),
  }),
);

type Step =
  | { kind: 'create'; lines: LineSpec[] }
  | { kind: 'addLines'; order: number; lines: LineSpec[] }
  | { kind: 'fire'; order: number }
  | { kind: 'complete'; order: number }
  | { kind: 'void'; order: number }
  | { kind: 'voidLine'; order: number; line: number }
  | { kind: 'pay'; order: number; share: number; card: boolean }
  | { kind: 'refund'; order: number; payment: number; share: number }
  | { kind: 'bump'; ticket: number }
  | { kind: 'recall'; ticket: number }
  | { kind: 'replay' }
  | { kind: 'set86'; item: string; unavailable: boolean };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('create' as const), lines: fc.array(lineArb, { minLength: 1, maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('addLines' as const), order: fc.nat(5), lines: fc.array(lineArb, { minLength: 1, maxLength: 2 }) }) },
  { weight: 2, arbitrary: fc.oneof(...(['fire', 'complete', 'void'] as const).map((kind) => fc.record({ kind: fc.constant(kind), order: fc.nat(5) }))) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('voidLine' as const), order: fc.nat(5), line: fc.nat(4) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('pay' as const), order: fc.nat(5), share: fc.double({ min: 0.1, max: 1.3, noNaN: true }), card: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('refund' as const), order: fc.nat(5), payment: fc.nat(2), share: fc.double({ min: 0.1, max: 1.5, noNaN: true }) }) },
  { weight: 2, arbitrary: fc.oneof(...(['bump', 'recall'] as const).map((kind) => fc.record({ kind: fc.constant(kind), ticket: fc.nat(8) }))) },
  { weight: 1, arbitrary: fc.constant({ kind: 'replay' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('set86' as const), item: fc.constantFrom(DEMO.fries, DEMO.beer), unavailable: fc.boolean() }) },
);

interface Command {
  name: string;
  args: Record<string, unknown>;
  actor: Actor;
}

function toCommand(t: TestStore, step: Step, orders: string[]): Command | null {
  const pick = <T>(list: readonly T[], i: number): T | undefined => (list.length === 0 ? undefined : list[i % list.length]);
  const withIds = (lines: LineSpec[]): Record<string, unknown>[] => lines.map((l) => ({ lineId: newId(), ...l }));
  if (step.kind === 'create') return { name: 'order.create', args: { orderId: newId(), channel: 'counter', diningOption: 'eat_in', lines: withIds(step.lines) }, actor: actors.cashier };
  if (step.kind === 'set86') return { name: 'item.set86', args: { itemId: step.item, unavailable: step.unavailable }, actor: actors.manager };
  if (step.kind === 'bump' || step.kind === 'recall') {
    const ticket = pick(t.store.queries.tickets(), step.ticket);
    return ticket ? { name: `ticket.${step.kind}`, args: { ticketId: ticket.id }, actor: actors.expoKds } : null;
  }
  if (step.kind === 'replay') return null;
  const orderId = pick(orders, step.order);
  if (!orderId) return null;
  const order = t.store.queries.order(orderId);
  switch (step.kind) {
    case 'addLines':
      return { name: 'order.addLines', args: { orderId, lines: withIds(step.lines) }, actor: actors.cashier };
    case 'fire':
    case 'complete':
      return { name: `order.${step.kind}`, args: { orderId }, actor: actors.cashier };
    case 'void':
      return { name: 'order.void', args: { orderId, reason: 'test' }, actor: actors.manager };
    case 'voidLine':
      return { name: 'order.voidLine', args: { orderId, lineId: pick(order.lines, step.line)?.lineId ?? newId(), reason: 'test' }, actor: actors.manager };
    case 'pay': {
      const amount = Math.max(1, Math.round((order.totals.total - order.paid) * step.share));
      return { name: 'payment.capture', args: { orderId, paymentId: newId(), tender: step.card ? 'card' : 'cash', amount }, actor: actors.cashier };
    }
    case 'refund': {
      const payment = pick(order.payments, step.payment);
      if (!payment) return null;
      return { name: 'payment.refund', args: { orderId, paymentId: payment.id, amount: Math.max(1, Math.round((payment.amount - payment.refunded) * step.share)), reason: 'test' }, actor: actors.manager };
    }
  }
}

function checkInvariants(t: TestStore, orderIds: readonly string[]): void {
  for (const id of orderIds) {
    const order: Order = t.store.queries.order(id);
    const live = order.lines.filter((l) => !l.voided);
    expect(order.totals.subtotal).toBe(live.reduce((s, l) => s + l.lineAmount, 0));
    expect(order.totals.tax).toBe(live.reduce((s, l) => s + l.tax, 0));
    expect(order.totals.total).toBe(order.totals.subtotal + order.totals.tax); // the demo menu adds tax
    expect(order.paid).toBe(order.payments.reduce((s, p) => s + p.amount, 0));
    expect(order.refunded).toBe(order.payments.reduce((s, p) => s + p.refunded, 0));
    for (const p of order.payments) expect(p.refunded).toBeLessThanOrEqual(p.amount);
    if (order.refunded === 0 && order.paid > 0) expect(order.paymentStatus).toBe(order.paid >= order.totals.total ? 'paid' : 'partially_paid');
    if (order.paid === 0) expect(order.paymentStatus).toBe('unpaid');
    const tickets = t.store.queries.tickets().filter((k) => k.orderId === id);
    if (order.status === 'ready') expect(tickets.every((k) => k.status === 'bumped')).toBe(true);
    for (const line of live.filter((l) => l.firedIn !== null)) {
      expect(tickets.filter((k) => k.fireSeq === line.firedIn && k.items.some((i) => i.lineId === line.lineId))).toHaveLength(1);
    }
  }
  const versions = new Map<string, number[]>();
  for (const m of t.store.outbox.peek(100_000)) {
    if (m.name !== 'order.snapshot') continue;
    const { order, version } = m.args as { order: Order; version: number };
    versions.set(order.id, [...(versions.get(order.id) ?? []), version]);
  }
  for (const list of versions.values()) expect(list).toEqual(list.map((_, i) => i + 1));
}

describe('store invariants under random command sequences', () => {
  it('keeps money, tickets and the outbox consistent, and refusals write nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 5, maxLength: 30 }), async (steps) => {
        const t = openTestStore();
        try {
          const orders: string[] = [];
          let last: (Command & { id: string }) | null = null;
          let applied = 0;
          for (const step of steps) {
            const command: Command | null = step.kind === 'replay' ? last : toCommand(t, step, orders);
            if (!command) continue;
            const id: string = step.kind === 'replay' && last ? last.id : newId();
            const before = fingerprint(t.store);
            try {
              const outcome = await t.store.execute(command.name, id, command.args, command.actor);
              if (outcome.replayed) expect(fingerprint(t.store)).toEqual(before);
              else applied++;
              if (command.name === 'order.create' && !outcome.replayed) orders.push(command.args.orderId as string);
              last = { ...command, id };
            } catch (err) {
              if (!(err instanceof BrigadeError)) throw err;
              expect(fingerprint(t.store)).toEqual(before);
            }
            checkInvariants(t, orders);
          }
          expect(Number(fingerprint(t.store).commands)).toBe(applied);
        } finally {
          t.cleanup();
        }
      }),
      { numRuns: 25 },
    );
  });
});
