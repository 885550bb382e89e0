/**
 * Receipts of priced checks and coursed kitchen tickets, decoded back from the printer bytes
 * (ESC/POS and Star line mode). Figures come from the shared `priceCheck` and are checked
 * against amounts worked out here from the menu, not read back from the renderer.
 */
import { type Cents, DEMO, type KitchenTicket, formatMoney } from '@brigade/sync/model';
import { describe, expect, it } from 'vitest';
import { decodeEscPos, decodeStarLine } from '../virtual';
import { DEFAULT_PROFILE, type PrinterProfile } from './printer-profile';
import { renderExpoTicket, renderKitchenTicket } from './render-kitchen-ticket';
import { receiptCheckOf, renderReceipt } from './render-receipt';
import { sampleCheck, sampleCheckOrder, samplePromo } from './sample-check';
import { sampleMenu, sampleTicket } from './sample-orders';

const paris = { name: 'Brigade Bistro', address: '1 Rue de la Paix\n75002 Paris', currency: 'EUR', timezone: 'Europe/Paris', locale: 'fr-FR', footer: 'Merci !' };
const star: PrinterProfile = { ...DEFAULT_PROFILE, language: 'star-line', codepages: 'star' };
const money = (c: number): string => formatMoney(c as Cents, 'EUR', 'fr-FR').replace(/[\u00a0\u202f]/g, ' ').replace(/\u2212/g, '-');
const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s');
const menu = sampleMenu('EUR');
// Curly quotes print straight: not every printer code page has them.
const promoName = samplePromo.name.replace('’', "'");
const price = (id: string): number => menu.items.find((i) => i.id === id)?.price ?? Number.NaN;
const option = (id: string): number => menu.modifierGroups.flatMap((g) => g.options).find((o) => o.id === id)?.priceDelta ?? Number.NaN;

function checkReceipt(profile: PrinterProfile = DEFAULT_PROFILE): { text: string; order: ReturnType<typeof sampleCheckOrder>; priced: ReturnType<typeof sampleCheck> } {
  const priced = sampleCheck();
  const order = sampleCheckOrder(priced);
  const bytes = renderReceipt(order, paris, { profile, check: receiptCheckOf(priced, { guests: 8 }) });
  return { text: (profile.language === 'star-line' ? decodeStarLine(bytes) : decodeEscPos(bytes)).text, order, priced };
}

describe('a receipt of a priced check', () => {
  it('shows the line discount, the comp with its reason, the promo, the service charge, the tip and the cash rounding', async () => {
    const { text, order } = checkReceipt();
    await expect(text).toMatchFileSnapshot('../__snapshots__/receipt-check.txt');
    expect(text, 'a character no code page has prints as ?').not.toContain('?');
    // 20 % off two medium burgers, worked out from the menu.
    const burgers = 2 * (price(DEMO.burger) + option(DEMO.medium));
    expect(text).toMatch(new RegExp(`2 x Classic Burger\\s+${esc(money(burgers))}\\n\\s+Medium\\n\\s+Happy hour\\s+${esc(money(0 - Math.round(burgers * 0.2)))}`));
    expect(text).toMatch(new RegExp(`Crème brûlée\\s+${esc(money(price(DEMO.brulee)))}\\n\\s+COMP \\(anniversaire\\)\\s+${esc(money(0 - price(DEMO.brulee)))}`));
    // The promo takes 10 % of what is left after the line discount and the comp.
    const beers = 3 * price(DEMO.beer);
    const meal = price(DEMO.burgerMeal) + 300 + option(DEMO.large) + 50 + option(DEMO.regular);
    const afterLines = burgers - Math.round(burgers * 0.2) + meal + beers;
    expect(text).toMatch(new RegExp(`Promo ${samplePromo.code} \\(${promoName}\\)\\s+${esc(money(0 - Math.round(afterLines * 0.1)))}`));
    const discounted = afterLines - Math.round(afterLines * 0.1);
    expect(text).toMatch(new RegExp(`Service 12,5 % \\(party of 8\\)\\s+${esc(money(Math.round(discounted * 0.125)))}`));
    expect(text).toMatch(new RegExp(`Tip\\s+${esc(money(500))}`));
    const total = order.totals.total;
    expect(text).toMatch(new RegExp(`Cash rounding\\s+${esc(money(Math.round(total / 5) * 5 - total))}`));
  });

  it('lists a combo\'s components indented under it', () => {
    const { text } = checkReceipt();
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('1 x Burger Meal'));
    expect(lines.slice(at + 1, at + 6).map((l) => l.trimEnd())).toEqual([
      `   Double Cheeseburger +${money(300)}`, '      Well done', '   Fries', `      Large +${money(option(DEMO.large))}`, `   Lemonade +${money(50)}`,
    ]);
  });

  it('marks a voided line VOID with no amount, and leaves it out of the subtotal', () => {
    const { text, order } = checkReceipt();
    expect(text).toMatch(/^VOID 1 x Fries\s*$/m);
    const live = order.lines.filter((l) => !l.voided).reduce((sum, l) => sum + l.lineAmount, 0);
    expect(text).toMatch(new RegExp(`Subtotal\\s+${esc(money(live))}`));
  });

  it('heads a split child check with its part and table, and shows the dining option', () => {
    const priced = sampleCheck();
    const order = { ...sampleCheckOrder(priced), tableLabel: '4', diningOption: 'take_out' as const };
    const text = decodeEscPos(renderReceipt(order, paris, { check: receiptCheckOf(priced, { split: { label: '2 of 3', tableLabel: '4' } }) })).text;
    expect(text).toContain('Check 2 of 3 — table 4');
    expect(text).toContain('Take out');
  });

  it('falls back to the check totals the order carries when no check details are given', () => {
    const { order, priced } = checkReceipt();
    const text = decodeEscPos(renderReceipt(order, paris)).text;
    expect(text).toMatch(new RegExp(`Discounts\\s+${esc(money(0 - priced.totals.discount))}`));
    expect(text).toMatch(new RegExp(`Service charge\\s+${esc(money(priced.totals.serviceCharge))}`));
  });

  it('fits a 58 mm printer of 32 columns', () => {
    const priced = sampleCheck();
    const paper = decodeEscPos(renderReceipt(sampleCheckOrder(priced), paris, { profile: { columns: 32 }, check: receiptCheckOf(priced, { guests: 8 }) }));
    for (const line of paper.text.split('\n')) if (!line.startsWith('[')) expect(line.length).toBeLessThanOrEqual(32);
  });

  it('prints the same check in Star line mode', async () => {
    const { text } = checkReceipt(star);
    await expect(text).toMatchFileSnapshot('../__snapshots__/receipt-check-star-line.txt');
    expect(text).not.toContain('?');
    expect(text).toContain('COMP (anniversaire)');
    expect(text).toContain(promoName);
  });
});

function coursedTicket(): KitchenTicket {
  const ticket = sampleTicket();
  const [burger, ...rest] = ticket.items;
  if (!burger) throw new Error('the sample ticket has items');
  // The burger is a main (course 2); the rest, listed after it, are starters.
  return { ...ticket, items: [{ ...burger, course: 2 }, ...rest.map((i) => ({ ...i, course: 1 }))] };
}

describe('a kitchen ticket of a coursed table', () => {
  it('groups the items under COURSE headings, in course order', async () => {
    const ticket = coursedTicket();
    const text = decodeEscPos(renderKitchenTicket(ticket, { stationName: 'Grill', timezone: 'Europe/Paris' })).text;
    await expect(text).toMatchFileSnapshot('../__snapshots__/kitchen-ticket-courses.txt');
    const at = (s: string): number => text.indexOf(s);
    const [burger, ...starters] = ticket.items;
    expect(at('COURSE 1')).toBeGreaterThan(-1);
    for (const s of starters) expect(at(`${s.quantity} x ${s.name}`)).toBeGreaterThan(at('COURSE 1'));
    for (const s of starters) expect(at(`${s.quantity} x ${s.name}`)).toBeLessThan(at('COURSE 2'));
    expect(at(`${burger?.quantity} x ${burger?.name}`)).toBeGreaterThan(at('COURSE 2'));
  });

  it('heads a fire of one later course, and leaves a plain first course without a heading', () => {
    const base = sampleTicket();
    const later = decodeEscPos(renderKitchenTicket({ ...base, items: base.items.map((i) => ({ ...i, course: 3 })) }, { stationName: 'Grill' })).text;
    expect(later).toContain('COURSE 3');
    const first = decodeEscPos(renderKitchenTicket({ ...base, items: base.items.map((i) => ({ ...i, course: 1 })) }, { stationName: 'Grill' })).text;
    expect(first).not.toContain('COURSE');
  });

  it('prints the course headings in Star line mode and on the expo copy', async () => {
    const ticket = coursedTicket();
    const text = decodeStarLine(renderKitchenTicket(ticket, { stationName: 'Grill', timezone: 'Europe/Paris', profile: star })).text;
    await expect(text).toMatchFileSnapshot('../__snapshots__/kitchen-ticket-courses-star-line.txt');
    expect(text).toContain('COURSE 2');
    const expo = decodeEscPos(renderExpoTicket(ticket, [{ stationName: 'Grill', items: ticket.items }], {})).text;
    expect(expo.indexOf('COURSE 1')).toBeLessThan(expo.indexOf('COURSE 2'));
  });
});
