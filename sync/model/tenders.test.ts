/** Split tenders, tips per tender and cash rounding. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundCashDue } from './cash-rounding';
import { type Cents, cents } from './money';
import { type TenderRequest, cashToSettle, settleTenders } from './tenders';
import { errorCode } from './testing/check-fixtures';
import { suggestedTips, tipAmount } from './tips';

const check = { total: cents(1150), tax: cents(55) };
// Unchecked casts on purpose: the refusal cases hand in amounts `cents()` would reject.
const card = (amount: number, extra: Partial<TenderRequest> = {}): TenderRequest => ({ tender: 'card', amount: amount as Cents, ...extra });
const cash = (amount: number, extra: Partial<TenderRequest> = {}): TenderRequest => ({ tender: 'cash', amount: amount as Cents, ...extra });

describe('cash rounding', () => {
  it.each([
    [1097, 5, 1095, -2],
    [1098, 5, 1100, 2],
    [1103, 5, 1105, 2],
    [1100, 5, 1100, 0],
    [1105, 10, 1110, 5],
    [1097, 1, 1097, 0],
    [2, 5, 0, -2],
  ])('asks %i rounded to %i as %i (difference %i)', (due, increment, rounded, difference) => {
    expect(roundCashDue(cents(due), increment)).toEqual({ due, rounded, difference });
  });

  it.each([0, 3.5, 101])('refuses the increment %s', (increment) => {
    expect(errorCode(() => roundCashDue(cents(100), increment))).toBe('VALIDATION_FAILED');
  });
});

describe('tips', () => {
  it.each([
    [{ kind: 'amount', amount: cents(300) }, 300],
    [{ kind: 'percent', bps: 1800, base: 'pre_tax' }, 197], // 18 % of 10.95 = 1.971
    [{ kind: 'percent', bps: 1800, base: 'post_tax' }, 207], // 18 % of 11.50
    [{ kind: 'percent', bps: 0, base: 'post_tax' }, 0],
  ] as const)('tips %j on 11.50 (tax 0.55) as %i', (tip, expected) => {
    expect(tipAmount(tip, check.total, check)).toBe(expected);
  });

  it('tips a tender on its own part of the pre-tax check', () => {
    // paying 5.75 of 11.50: pre-tax part 5.475 → 5.48 (half away from zero); 20 % → 1.096 → 1.10
    expect(tipAmount({ kind: 'percent', bps: 2000, base: 'pre_tax' }, cents(575), check)).toBe(110);
  });

  it('suggests tips for a screen', () => {
    expect(suggestedTips(check, [1500, 1800, 2000], 'pre_tax').map((s) => s.amount)).toEqual([164, 197, 219]);
  });

  it.each([
    [{ kind: 'amount', amount: -1 }],
    [{ kind: 'amount', amount: 1.5 }],
    [{ kind: 'percent', bps: 10_001, base: 'pre_tax' }],
    [{ kind: 'percent', bps: 10, base: 'gross' }],
    [{ kind: 'bribe' }],
  ])('refuses the tip %j', (tip) => {
    expect(errorCode(() => tipAmount(tip as never, check.total, check))).toBe('TIP_INVALID');
  });
});

describe('split tenders', () => {
  it('settles 11.50 by card 5.00 then cash 6.50 with 10.00 handed over', () => {
    const s = settleTenders(check, [card(500, { tip: { kind: 'amount', amount: cents(100) } }), cash(650, { tendered: cents(1000) })], { cashIncrement: 5 });
    expect(s).toMatchObject({ paid: 1150, remaining: 0, rounding: 0, tips: 100, status: 'paid' });
    expect(s.tenders[1]).toMatchObject({ amount: 650, collected: 650, change: 350 });
  });

  it('rounds only the cash that settles the balance: 10.97 due, cash 10.95, difference −0.02', () => {
    const due = { total: cents(1097), tax: cents(52) };
    expect(cashToSettle(due.total, 5)).toBe(1095);
    const s = settleTenders(due, [cash(1095, { tendered: cents(2000) })], { cashIncrement: 5 });
    expect(s).toMatchObject({ paid: 1097, rounding: -2, remaining: 0, status: 'paid' });
    expect(s.tenders[0]).toMatchObject({ amount: 1097, collected: 1095, change: 905 });
    const byCard = settleTenders(due, [card(1097)], { cashIncrement: 5 });
    expect(byCard.rounding).toBe(0);
  });

  it('does not round a part payment in cash', () => {
    const s = settleTenders(check, [cash(333)], { cashIncrement: 5 });
    expect(s).toMatchObject({ paid: 333, remaining: 817, rounding: 0, status: 'partially_paid' });
    expect(settleTenders(check, [], {}).status).toBe('unpaid');
  });

  it('counts a cash tip against the cash handed over', () => {
    const s = settleTenders(check, [cash(1150, { tendered: cents(1500), tip: { kind: 'amount', amount: cents(200) } })]);
    expect(s.tenders[0]).toMatchObject({ change: 150, tip: 200 });
  });

  it.each([
    ['a card paying more than the balance', [card(1151)], 'PAYMENT_AMOUNT_INVALID'],
    ['cash over the balance in amount', [cash(1200)], 'PAYMENT_AMOUNT_INVALID'],
    ['cash handed over short', [cash(1150, { tendered: cents(1000) })], 'PAYMENT_AMOUNT_INVALID'],
    ['a zero payment', [card(0)], 'PAYMENT_AMOUNT_INVALID'],
    ['a fractional payment', [card(10.5)], 'PAYMENT_AMOUNT_INVALID'],
    ['a card with cash handed over', [card(100, { tendered: cents(100) })], 'PAYMENT_AMOUNT_INVALID'],
    ['a payment after the check is paid', [card(1150), card(1)], 'ORDER_ALREADY_PAID'],
    ['a bad tip', [card(100, { tip: { kind: 'amount', amount: cents(-5) } })], 'TIP_INVALID'],
  ] as [string, TenderRequest[], string][])('refuses %s', (_name, tenders, code) => {
    expect(errorCode(() => settleTenders(check, tenders, { cashIncrement: 5 }))).toBe(code);
  });

  it('adds up: any split of the total into card payments pays it exactly, the balance is what is left', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 8 }), (total, weights) => {
        const cuts = weights.map((w) => Math.max(1, Math.floor((w / weights.reduce((s, x) => s + x, 0)) * total)));
        const payments: number[] = [];
        let left = total;
        for (const c of cuts) {
          const p = Math.min(c, left);
          if (p > 0) payments.push(p);
          left -= p;
        }
        const s = settleTenders({ total: cents(total), tax: cents(0) }, payments.map((p) => card(p)));
        expect(s.paid).toBe(payments.reduce((a, b) => a + b, 0));
        expect(s.paid + s.remaining).toBe(total);
        expect(s.status).toBe(left === 0 ? 'paid' : 'partially_paid');
      }),
    );
  });

  it('settling the rest in cash always pays the check, collecting a multiple of the increment within half of it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom(1, 5, 10, 25, 100), (total, rawCard, increment) => {
        const byCard = rawCard % total;
        const tenders = [...(byCard > 0 ? [card(byCard)] : []), cash(cashToSettle(cents(total - byCard), increment) || total - byCard)];
        const s = settleTenders({ total: cents(total), tax: cents(0) }, tenders, { cashIncrement: increment });
        const last = s.tenders.at(-1)!;
        expect(s.status).toBe('paid');
        expect(s.paid).toBe(total);
        expect(last.collected % increment).toBe(0);
        expect(Math.abs(last.collected - (total - byCard)) * 2).toBeLessThanOrEqual(increment);
        expect(s.rounding).toBe(last.collected - last.amount);
      }),
    );
  });

  it('tips each tender on what it pays and keeps tips out of the check', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 3000 }), (total, rawTax, bps) => {
        const tax = rawTax % (total + 1);
        const t = { total: cents(total), tax: cents(tax) };
        const s = settleTenders(t, [card(total, { tip: { kind: 'percent', bps, base: 'pre_tax' } })]);
        expect(s.paid).toBe(total);
        expect(Math.abs(s.tips * 10_000 - (total - tax) * bps) * 2).toBeLessThanOrEqual(10_000);
      }),
    );
  });
});
