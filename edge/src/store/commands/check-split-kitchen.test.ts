/**
 * An even split made before the lines were sent: each part sends (and fires courses of) the
 * lines it shares, on the parent; the kitchen gets every line exactly once whichever part
 * asks, paying every part sends what is left, and the parts still add up to the check to the
 * cent. Expected totals come from the model's `priceCheck` and `splitEvenly`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CheckLineRequest, DEMO, type LineId, type Order, demoMenu, indexMenu, newId, priceCheck, splitEvenly } from '@brigade/sync/model';
import { type TestStore, actors, expectRefused, openTestStore, payCash } from '../test-support';

const index = indexMenu(demoMenu);
let t: TestStore;
beforeEach(() => {
  t = openTestStore();
});
afterEach(() => t.cleanup());

type Line = CheckLineRequest & { course?: number };
const line = (itemId: string, modifiers: string[], extra: Partial<Line> = {}): Line =>
  ({ lineId: newId<LineId>(), itemId: itemId as Line['itemId'], quantity: 1, modifierOptionIds: modifiers as unknown as Line['modifierOptionIds'], ...extra });

async function run(name: string, args: Record<string, unknown>): Promise<unknown> {
  return (await t.store.execute(name, newId(), args, actors.cashier)).result;
}

/** A check for 3 with a burger and a cola (course 1) and a crème brûlée (course 2), nothing sent, split evenly in `parts`. */
async function splitUnsent(parts: number): Promise<{ orderId: string; children: string[]; lines: Line[] }> {
  const lines = [line(DEMO.burger, [DEMO.medium]), line(DEMO.cola, [DEMO.regular]), line(DEMO.brulee, [], { course: 2 })];
  const orderId = newId();
  await run('check.open', { orderId, tableId: 't4', guests: 3, lines });
  const children = Array.from({ length: parts }, () => newId());
  await run('check.split', { orderId, mode: 'even', childOrderIds: children });
  return { orderId, children, lines };
}

/** How many times each line reached a kitchen ticket. */
function ticketCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ticket of t.store.queries.tickets({})) for (const item of ticket.items) counts.set(item.lineId, (counts.get(item.lineId) ?? 0) + 1);
  return counts;
}

const unfired = (orderId: string): number =>
  (t.store.db.prepare('SELECT count(*) AS n FROM order_lines WHERE order_id = ? AND voided = 0 AND fired_in IS NULL').get(orderId) as { n: number }).n;

describe('an even split made before sending', () => {
  it('sends the shared lines from any part, each line once, and fires later courses from a part', async () => {
    const { orderId, children, lines } = await splitUnsent(2);
    const [first, second] = children as [string, string];
    expect(ticketCounts().size).toBe(0);
    await run('order.fire', { orderId: first });
    // Course 1 went; course 2 waits for its fire.
    expect(ticketCounts()).toEqual(new Map([[lines[0]!.lineId, 1], [lines[1]!.lineId, 1]]));
    // The other part sends too: nothing new, and no error.
    await run('order.fire', { orderId: second });
    expect(ticketCounts().size).toBe(2);
    expect(t.store.queries.order(second).status).toBe('preparing');
    await run('course.fire', { orderId: second, course: 2 });
    expect(ticketCounts()).toEqual(new Map(lines.map((l) => [l.lineId, 1])));
    expect(unfired(orderId)).toBe(0);
    // A course already fired has nothing left, from either part.
    await expectRefused(t.store, 'ORDER_EMPTY', 'course.fire', { orderId: first, course: 2 }, actors.cashier);
  });

  it('pays each part after sending them, and the parts add up to the check to the cent', async () => {
    const { orderId, children, lines } = await splitUnsent(3);
    const original = priceCheck(index, { lines: lines.map(({ course: _c, ...l }) => l), diningOption: 'eat_in', guests: 3 });
    const expected = splitEvenly(original, 3).map((p) => p.totals.total);
    let paid: Order[] = [];
    for (const child of children) await run('order.fire', { orderId: child });
    for (const child of children) paid = [...paid, await payCash(t.store, t.store.queries.order(child))];
    expect(paid.map((o) => o.totals.total)).toEqual(expected);
    expect(paid.reduce((s, o) => s + o.paid, 0)).toBe(original.totals.total);
    expect(paid.every((o) => o.paymentStatus === 'paid')).toBe(true);
    // Paying fired the held course once every part was paid; nothing was sent twice.
    expect(unfired(orderId)).toBe(0);
    expect(ticketCounts()).toEqual(new Map(lines.map((l) => [l.lineId, 1])));
  });

  it('sends everything once the last part is paid, even if no part was ever sent', async () => {
    const { orderId, children, lines } = await splitUnsent(2);
    await payCash(t.store, t.store.queries.order(children[0]!));
    // One part paid: the table is still eating on the other's share, so nothing goes yet.
    expect(ticketCounts().size).toBe(0);
    await payCash(t.store, t.store.queries.order(children[1]!));
    expect(unfired(orderId)).toBe(0);
    expect(ticketCounts()).toEqual(new Map(lines.map((l) => [l.lineId, 1])));
  });

  it('refuses a bad course or an unknown part, writing nothing', async () => {
    const { children } = await splitUnsent(2);
    await expectRefused(t.store, 'VALIDATION_FAILED', 'course.fire', { orderId: children[0], course: 0 }, actors.cashier);
    await expectRefused(t.store, 'ORDER_NOT_FOUND', 'order.fire', { orderId: newId() }, actors.cashier);
  });
});
