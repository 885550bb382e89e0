/**
 * A priced table check for tests and the demo: a discounted line, a comped line, a combo, a
 * voided line, a promo code with accents, the large-party service charge, and a cash payment
 * with a tip that was rounded to 5 cents. Priced by the shared `priceCheck`, as the store does.
 */
import {
  type Cents, type CheckLineRequest, DEMO, type LineId, type Order, type OrderLine, type Payment, type PaymentId, type PricedCheck,
  type PromoCode, indexMenu, priceCheck,
} from '@brigade/sync/model';
import { sampleMenu, sampleOrder } from './sample-orders';

const line = (n: number): LineId => `01936f4e-8a1c-7d2e-9b3a-10000000000${n}` as LineId;

export const samplePromo: PromoCode = { code: 'ÉTÉ10', name: 'Fête d’été', value: { kind: 'percent', bps: 1000 } };

export const sampleCheckRequests: readonly CheckLineRequest[] = [
  { lineId: line(1), itemId: DEMO.burger, quantity: 2, modifierOptionIds: [DEMO.medium], discount: { name: 'Happy hour', value: { kind: 'percent', bps: 2000 } } },
  {
    lineId: line(2), itemId: DEMO.burgerMeal, quantity: 1, modifierOptionIds: [],
    components: [
      { slotId: DEMO.mealMain, itemId: DEMO.cheeseburger, modifierOptionIds: [DEMO.wellDone] },
      { slotId: DEMO.mealSide, itemId: DEMO.fries, modifierOptionIds: [DEMO.large] },
      { slotId: DEMO.mealDrink, itemId: DEMO.lemonade, modifierOptionIds: [DEMO.regular] },
    ],
  },
  { lineId: line(3), itemId: DEMO.brulee, quantity: 1, modifierOptionIds: [], comp: { reason: 'anniversaire' } },
  { lineId: line(4), itemId: DEMO.beer, quantity: 3, modifierOptionIds: [] },
];

export function sampleCheck(): PricedCheck {
  return priceCheck(indexMenu(sampleMenu('EUR')), {
    lines: sampleCheckRequests,
    diningOption: 'eat_in',
    guests: 8,
    promo: { promo: samplePromo, code: samplePromo.code, uses: 0, at: '2026-11-21T19:30:00.000Z' },
    serviceCharge: { name: 'Service', minGuests: 6, rateBps: 1250, taxable: false, taxRateIds: [] },
  });
}

/**
 * The order of `sampleCheck()`, plus a voided line, paid in cash with a tip: the balance was
 * rounded to 5 cents, so the customer paid `rounded` for a balance of `total`.
 */
export function sampleCheckOrder(priced: PricedCheck = sampleCheck(), tip = 500, tendered = 20000): Order {
  const base = sampleOrder('EUR');
  const lines: OrderLine[] = priced.lines.map((l) => ({ ...l, stationId: DEMO.grill, voided: false, firedIn: 1 }));
  const voided = base.lines.find((l) => l.itemId === DEMO.fries);
  if (voided) lines.push({ ...voided, lineId: line(5), voided: true, voidReason: 'sent back' });
  const total = priced.totals.total;
  const rounded = Math.round(total / 5) * 5;
  const payment: Payment = {
    id: '01936f4e-8a1c-7d2e-9b3a-cccccccccccc' as PaymentId, orderId: base.id, tender: 'cash', amount: total, tip: tip as Cents,
    tendered: tendered as Cents, change: (tendered - rounded - tip) as Cents, status: 'captured', refunded: 0 as Cents, reference: null,
    createdAt: '2026-11-21T21:02:00.000Z',
  };
  return { ...base, lines, totals: priced.totals, paid: total, payments: [payment] };
}
