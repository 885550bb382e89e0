/**
 * Receipt jobs print what the check did, read from the check the store priced in a real
 * SQLite store: line discounts, comps, the service charge and the split child's heading.
 * Expected figures come from the model's `priceCheck` on the demo menu.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeEscPos } from '@brigade/drivers/virtual';
import { type Cents, type CheckLineRequest, DEMO, type LineId, demoMenu, formatMoney, indexMenu, newId, priceCheck } from '@brigade/sync/model';
import { type TestStore, actors, openTestStore } from '../store/test-support';
import type { Actor, EdgeStore, PrintJobRow } from '../store/types';
import { receiptChecks, renderJob } from './render-job';

let t: TestStore;
beforeEach(() => {
  t = openTestStore();
});
afterEach(() => t.cleanup());

const index = indexMenu(demoMenu);
const usd = (c: number): string => formatMoney(c as Cents, 'USD', 'en-US');
const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const serviceCharge = { name: 'Large party', minGuests: 6, rateBps: 1800, taxable: false, taxRateIds: [] };

async function run(store: EdgeStore, name: string, args: unknown, actor: Actor = actors.cashier): Promise<void> {
  await store.execute(name, newId(), args, actor);
}

function receipt(store: EdgeStore, orderId: string, withCheck = true): string {
  const job = { kind: 'receipt', payload: { kind: 'receipt', order: store.queries.order(orderId), reprint: false }, reprint: false, attempts: 0, status: 'queued' } as unknown as PrintJobRow;
  const checkOf = withCheck ? receiptChecks(store.db, () => indexMenu(store.queries.menu().menu)) : undefined;
  return decodeEscPos(renderJob(job, store.queries.store(), 'esc-pos', checkOf) ?? new Uint8Array()).text;
}

describe('a receipt job of a table check', () => {
  it('shows the discounted line, the comp with its reason and the large-party charge, as the model prices them', async () => {
    await run(t.store, 'checkSettings.save', { serviceCharge, cashIncrement: 1, tipSuggestions: [1800] }, actors.manager);
    const burger: CheckLineRequest = { lineId: newId<LineId>(), itemId: DEMO.burger, quantity: 2, modifierOptionIds: [DEMO.medium], seat: 1 };
    const brulee: CheckLineRequest = { lineId: newId<LineId>(), itemId: DEMO.brulee, quantity: 1, modifierOptionIds: [], seat: 2 };
    const orderId = newId();
    await run(t.store, 'check.open', { orderId, tableId: 't4', guests: 7, lines: [burger, brulee] });
    const discount = { name: 'Regular', value: { kind: 'percent' as const, bps: 1000 } };
    await run(t.store, 'check.discountLine', { orderId, lineId: burger.lineId, discount });
    await run(t.store, 'check.compLine', { orderId, lineId: brulee.lineId, comp: { reason: 'Cold' } }, actors.manager);
    const model = priceCheck(index, { lines: [{ ...burger, discount }, { ...brulee, comp: { reason: 'Cold' } }], diningOption: 'eat_in', guests: 7, serviceCharge });
    const text = receipt(t.store, orderId);
    expect(text).toMatch(new RegExp(`Regular\\s+${esc(usd(0 - (model.lines[0]?.lineDiscount ?? Number.NaN)))}`));
    expect(text).toMatch(new RegExp(`COMP \\(Cold\\)\\s+${esc(usd(0 - (model.lines[1]?.lineAmount ?? Number.NaN)))}`));
    expect(text).toMatch(new RegExp(`Large party 18% \\(party of 7\\)\\s+${esc(usd(model.totals.serviceCharge))}`));
    expect(text).toMatch(new RegExp(`TOTAL\\s+${esc(usd(model.totals.total))}`));
    // Without the check lookup, the sums the stored order carries still show.
    const plain = receipt(t.store, orderId, false);
    expect(plain).toMatch(new RegExp(`Discounts\\s+${esc(usd(0 - model.totals.discount))}`));
    expect(plain).toMatch(new RegExp(`Service charge\\s+${esc(usd(model.totals.serviceCharge))}`));
  });

  it('heads a split child with its part and the table', async () => {
    const lines = [DEMO.brulee, DEMO.beer, DEMO.brulee].map((itemId, i): CheckLineRequest => ({ lineId: newId<LineId>(), itemId, quantity: 1, modifierOptionIds: [], seat: i + 1 }));
    const orderId = newId();
    await run(t.store, 'check.open', { orderId, tableId: 't4', guests: 3, lines });
    const children = [newId(), newId(), newId()];
    await run(t.store, 'check.split', { orderId, mode: 'even', childOrderIds: children });
    const text = receipt(t.store, children[1] ?? '');
    expect(text).toMatch(/Check 2 of 3 — table 4/);
    expect(text).toContain('Share 2 of 3 of the check');
  });

  it('prints a counter order without a check as before', async () => {
    const orderId = newId();
    await run(t.store, 'order.create', { orderId, channel: 'counter', diningOption: 'take_out', lines: [{ lineId: newId(), itemId: DEMO.brulee, quantity: 1, modifierOptionIds: [] }] });
    const text = receipt(t.store, orderId);
    expect(text).toContain('1 x Crème brûlée');
    expect(text).not.toMatch(/COMP|Check /);
  });
});
