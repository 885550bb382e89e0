/**
 * Properties of `priceOrder` over random menus (1–4 tax rates of 0–30 %, inclusive or
 * exclusive, modifier groups with min/max, items by weight) and random valid orders.
 */
import fc from 'fast-check';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { LineRequestSchema } from './commands';
import type { LineId } from './ids';
import { type Menu, type MenuItem, indexMenu } from './menu';
import { cents } from './money';
import { type LineRequest, type PricedLine, priceOrder } from './pricing';
import { diningOptionArb, menuWithLinesArb, permutationArb } from './testing/menu-arbitraries';

const itemOf = (menu: Menu, line: LineRequest): MenuItem => menu.items.find((i) => i.id === line.itemId)!;
const rateBps = (menu: Menu, id: string): number => menu.taxRates.find((r) => r.id === id)!.rateBps;

describe('pricing properties', () => {
  it('never gives a negative amount, tax or total', () => {
    fc.assert(
      fc.property(menuWithLinesArb(), diningOptionArb, ({ menu, lines }, option) => {
        const { lines: priced, totals } = priceOrder(indexMenu(menu), lines, new Set(), option);
        for (const l of priced) {
          expect(l.lineAmount).toBeGreaterThanOrEqual(0);
          expect(l.tax).toBeGreaterThanOrEqual(0);
          for (const t of l.taxes) expect(t.amount).toBeGreaterThanOrEqual(0);
        }
        expect(totals.subtotal).toBeGreaterThanOrEqual(0);
        expect(totals.tax).toBeGreaterThanOrEqual(0);
        expect(totals.total).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('is deterministic: the same menu and order give the same result, even from a copied menu', () => {
    fc.assert(
      fc.property(menuWithLinesArb(), ({ menu, lines }) => {
        const first = priceOrder(indexMenu(menu), lines);
        const copy = structuredClone(menu);
        expect(priceOrder(indexMenu(copy), structuredClone(lines))).toEqual(first);
      }),
    );
  });

  it('does not depend on the order of the lines or of the choices within a line', () => {
    fc.assert(
      fc.property(
        menuWithLinesArb().chain(({ menu, lines }) =>
          fc.tuple(fc.constant(menu), fc.constant(lines), permutationArb(lines.map((l) => ({ ...l, modifierOptionIds: [...l.modifierOptionIds].reverse() })))),
        ),
        ([menu, lines, shuffled]) => {
          const index = indexMenu(menu);
          const a = priceOrder(index, lines);
          const b = priceOrder(index, shuffled);
          expect(b.totals).toEqual(a.totals);
          const byId = new Map(a.lines.map((l) => [l.lineId, l]));
          for (const l of b.lines) expect(l).toEqual(byId.get(l.lineId));
        },
      ),
    );
  });

  it('adds line taxes up to the order tax to the cent, per rate and in all', () => {
    fc.assert(
      fc.property(menuWithLinesArb(), diningOptionArb, ({ menu, lines }, option) => {
        const { lines: priced, totals } = priceOrder(indexMenu(menu), lines, new Set(), option);
        let all = 0;
        const perRate = new Map<string, number>();
        for (const l of priced) {
          expect(l.tax).toBe(l.taxes.reduce((s, t) => s + t.amount, 0));
          all += l.tax;
          for (const t of l.taxes) perRate.set(t.taxRateId, (perRate.get(t.taxRateId) ?? 0) + t.amount);
        }
        expect(totals.tax).toBe(all);
        for (const t of totals.taxes) expect(t.amount).toBe(perRate.get(t.taxRateId));
        expect(totals.taxes.map((t) => t.taxRateId).sort()).toEqual([...perRate.keys()].sort());
        expect(totals.subtotal).toBe(priced.reduce((s, l) => s + l.lineAmount, 0));
        expect(totals.total).toBe(totals.subtotal + (menu.taxInclusive ? 0 : totals.tax));
      }),
    );
  });

  it('takes prices only from the menu: unit = item price + chosen deltas; amount = unit × quantity (or per kg × g / 1000, nearest cent)', () => {
    fc.assert(
      fc.property(menuWithLinesArb(), ({ menu, lines }) => {
        // Prices smuggled into the request are ignored and refused by the wire schema.
        const smuggled = lines.map((l) => ({ ...l, price: 1, unitPrice: 1, lineAmount: 1, lineTotal: 1 }));
        const priced = priceOrder(indexMenu(menu), smuggled);
        expect(priced).toEqual(priceOrder(indexMenu(menu), lines));
        for (const s of smuggled) expect(Value.Check(LineRequestSchema, { ...s, lineId: '0190a000-0000-7000-8000-000000000001' })).toBe(false);
        priced.lines.forEach((l: PricedLine, i) => {
          const request = lines[i]!;
          const item = itemOf(menu, request);
          const deltas = request.modifierOptionIds.map((id) => menu.modifierGroups.flatMap((g) => g.options).find((o) => o.id === id)!.priceDelta);
          const unit = item.price + deltas.reduce((s, d) => s + d, 0);
          expect(l.unitPrice).toBe(unit);
          if (item.soldByWeight) {
            const exact = unit * request.weightGrams!; // in thousandths of a cent
            expect(Math.abs(l.lineAmount * 1000 - exact) * 2).toBeLessThanOrEqual(1000);
          } else {
            expect(l.lineAmount).toBe(unit * request.quantity);
          }
        });
      }),
    );
  });

  it('rounds each exclusive tax to the nearest cent of amount × rate', () => {
    fc.assert(
      fc.property(menuWithLinesArb({ taxInclusive: false }), ({ menu, lines }) => {
        for (const l of priceOrder(indexMenu(menu), lines).lines) {
          for (const t of l.taxes) expect(Math.abs(t.amount * 10_000 - l.lineAmount * rateBps(menu, t.taxRateId)) * 2).toBeLessThanOrEqual(10_000);
          expect(l.lineTotal).toBe(l.lineAmount + l.tax);
        }
      }),
    );
  });

  it('inclusive: net + tax = gross per line, net is the nearest cent to gross / (1 + Σ rates), shares within a cent of their rate', () => {
    fc.assert(
      fc.property(menuWithLinesArb({ taxInclusive: true }), ({ menu, lines }) => {
        for (const l of priceOrder(indexMenu(menu), lines).lines) {
          const totalBps = l.taxes.reduce((s, t) => s + rateBps(menu, t.taxRateId), 0);
          const net = l.lineAmount - l.tax;
          expect(l.lineTotal).toBe(l.lineAmount);
          expect(Math.abs(net * (10_000 + totalBps) - l.lineAmount * 10_000) * 2).toBeLessThanOrEqual(10_000 + totalBps);
          for (const t of l.taxes) {
            if (totalBps === 0) expect(t.amount).toBe(0);
            else expect(Math.abs(t.amount * totalBps - l.tax * rateBps(menu, t.taxRateId))).toBeLessThan(totalBps);
          }
        }
      }),
    );
  });

  /**
   * The relation proved: for a line of gross G with k rates summing to R bps, inclusive
   * tax T = G − N with N = round(G·10⁴/(10⁴+R)). Pricing N on an exclusive menu gives
   * T′ = Σ round(N·rᵢ/10⁴). Then T′ − T = Σeᵢ + e·(1 + R/10⁴) with |eᵢ|, |e| ≤ ½, so
   * |T′ − T| ≤ k/2 + (1 + R/10⁴)/2: within one cent for one or two rates below 100 %.
   */
  it('agrees with exclusive pricing of the inclusive nets within k/2 + (1 + R)/2 cents per line', () => {
    fc.assert(
      fc.property(menuWithLinesArb({ taxInclusive: true }), ({ menu, lines }) => {
        const inclusive = priceOrder(indexMenu(menu), lines);
        for (const l of inclusive.lines) {
          const net = l.lineAmount - l.tax;
          const item = itemOf(menu, lines.find((r) => r.lineId === l.lineId)!);
          const exclusiveMenu: Menu = { ...menu, taxInclusive: false, modifierGroups: [], items: [{ ...item, price: cents(net), modifierGroupIds: [], soldByWeight: false }] };
          const exclusive = priceOrder(indexMenu(exclusiveMenu), [{ lineId: l.lineId, itemId: item.id, quantity: 1, modifierOptionIds: [] }]);
          const k = l.taxes.length;
          const totalBps = l.taxes.reduce((s, t) => s + rateBps(menu, t.taxRateId), 0);
          const diff = Math.abs(exclusive.totals.tax - l.tax);
          expect(diff * 20_000).toBeLessThanOrEqual(k * 10_000 + 10_000 + totalBps);
          if (k <= 2 && totalBps < 10_000) expect(diff).toBeLessThanOrEqual(1);
          expect(exclusive.totals.total - l.lineAmount).toBe(exclusive.totals.tax - l.tax);
        }
      }),
    );
  });

  it('a request carries no price field at all', () => {
    const keys: (keyof LineRequest)[] = ['lineId', 'itemId', 'quantity', 'modifierOptionIds', 'weightGrams', 'note', 'components'];
    expect(Object.keys(LineRequestSchema.properties).sort()).toEqual([...keys].sort());
    const valid = { lineId: '0190a000-0000-7000-8000-000000000001' as LineId, itemId: 'item-beer', quantity: 1, modifierOptionIds: [] };
    expect(Value.Check(LineRequestSchema, valid)).toBe(true);
    const component = { slotId: 'slot-main', itemId: 'item-burger', modifierOptionIds: [] };
    expect(Value.Check(LineRequestSchema, { ...valid, components: [component] })).toBe(true);
    expect(Value.Check(LineRequestSchema, { ...valid, components: [{ ...component, upcharge: 0 }] })).toBe(false);
  });
});
