import { type ItemId, type LineId, type Menu, type Order, DEMO, formatMoney, indexMenu, priceOrder } from '@brigade/sync/model';
import { describe, expect, it } from 'vitest';
import { decodeEscPos } from '../virtual';
import { renderKitchenTicket } from './render-kitchen-ticket';
import { renderReceipt } from './render-receipt';
import { sampleMenu, sampleOrder, sampleTicket } from './sample-orders';

const paris = { name: 'Brigade Bistro', address: '1 Rue de la Paix\n75002 Paris', currency: 'EUR', timezone: 'Europe/Paris', locale: 'fr-FR', footer: 'Merci !' };
const london = { name: 'Brigade Soho', address: '12 Greek St, London', currency: 'GBP', timezone: 'Europe/London', locale: 'en-GB' };

describe('renderReceipt', () => {
  it('prints items, taxes by rate, the cash tendered and the change, with accents and the euro sign', async () => {
    const order = sampleOrder('EUR', 5000);
    const paper = decodeEscPos(renderReceipt(order, paris));
    await expect(paper.text).toMatchFileSnapshot('../__snapshots__/receipt-eur.txt');
    expect(paper.text).toContain('Crème brûlée');
    expect(paper.text).toContain('Jalapeños');
    expect(paper.text, 'a character no code page has prints as ?').not.toContain('?');
    // Amounts come from the pricing engine, formatted independently of the renderer.
    // Printers have no no-break spaces; the paper shows plain ones.
    const money = (c: number): string => formatMoney(c as never, 'EUR', 'fr-FR').replace(/[\u00a0\u202f]/g, ' ');
    expect(paper.text).toContain(money(order.totals.total));
    for (const t of order.totals.taxes) expect(paper.text).toContain(money(t.amount));
    expect(paper.text).toMatch(new RegExp(`Change\\s+${money(5000 - order.totals.total).replace(/\s/g, '\\s')}`));
  });

  it('ends with a QR code of the order id and a full cut', () => {
    const order = sampleOrder('GBP');
    const { events } = decodeEscPos(renderReceipt(order, london));
    expect(events.filter((e) => e.type === 'qr')).toEqual([{ type: 'qr', data: order.id }]);
    expect(events.at(-1)).toEqual({ type: 'cut', data: 'full' });
  });

  it('marks a reprint with a banner above everything else, in pounds', async () => {
    const paper = decodeEscPos(renderReceipt(sampleOrder('GBP', 6000), london, { reprint: true }));
    await expect(paper.text).toMatchFileSnapshot('../__snapshots__/receipt-gbp-reprint.txt');
    expect(paper.text.trimStart().startsWith('REPRINT')).toBe(true);
    expect(paper.text).toContain('£');
  });

  it('prints a gift card line masked with bullets, and a note with an ellipsis, as bytes a printer prints (no control codes)', () => {
    const base = sampleOrder('USD');
    const [first, ...rest] = base.lines;
    if (!first) throw new Error('the sample order has lines');
    const order: Order = { ...base, lines: [{ ...first, name: 'Gift card •••• 1234', note: 'wrap it…' }, ...rest] };
    // The decoder throws on any control byte it does not know, as the virtual printer does.
    const paper = decodeEscPos(renderReceipt(order, london));
    expect(paper.text).toContain('Gift card **** 1234');
    expect(paper.text).toContain('"wrap it..."');
  });

  it('fits a 58 mm printer of 32 columns', () => {
    const paper = decodeEscPos(renderReceipt(sampleOrder('EUR'), paris, { profile: { columns: 32 } }));
    for (const line of paper.text.split('\n')) if (!line.startsWith('[')) expect(line.length).toBeLessThanOrEqual(32);
  });

  it('prints a weighed item with its weight and price per kilo, in the store locale', () => {
    const base = sampleMenu('EUR');
    const cheese = { ...base.items[0], id: 'item-comte' as ItemId, name: 'Comté', price: 2890 as never, soldByWeight: true, modifierGroupIds: [], stationId: DEMO.grill } as Menu['items'][number];
    const menu: Menu = { ...base, items: [...base.items, cheese] };
    const priced = priceOrder(indexMenu(menu), [{ lineId: 'l-1' as LineId, itemId: cheese.id, quantity: 1, modifierOptionIds: [], weightGrams: 512 }]);
    const order: Order = { ...sampleOrder('EUR'), lines: priced.lines.map((l) => ({ ...l, stationId: DEMO.grill, voided: false, firedIn: null })), totals: priced.totals };
    const text = decodeEscPos(renderReceipt(order, paris)).text;
    const money = (c: number): string => formatMoney(c as never, 'EUR', 'fr-FR').replace(/[\u00a0\u202f]/g, ' ');
    expect(text).toMatch(new RegExp(`0,512 kg Comté @ ${money(2890)}/kg\\s+${money(priced.lines[0]?.lineAmount ?? 0)}`));
  });

  it('shows what is still owed on an unpaid order', () => {
    const order = { ...sampleOrder('USD'), payments: [], paid: 0 as never, paymentStatus: 'unpaid' as const };
    const paper = decodeEscPos(renderReceipt(order, { name: 'Brigade Diner', currency: 'USD', timezone: 'America/New_York' }));
    expect(paper.text).toMatch(new RegExp(`Balance due\\s+\\${formatMoney(order.totals.total, 'USD', 'en-US')}`));
  });
});

describe('renderKitchenTicket', () => {
  it('prints the station, the order number, the items with modifiers and notes', async () => {
    const ticket = sampleTicket();
    const paper = decodeEscPos(renderKitchenTicket(ticket, { stationName: 'Grill', timezone: 'Europe/Paris' }));
    await expect(paper.text).toMatchFileSnapshot('../__snapshots__/kitchen-ticket.txt');
    for (const item of ticket.items) expect(paper.text).toContain(`${item.quantity} x ${item.name}`);
    expect(paper.text).toContain('- Jalapeños');
    expect(paper.text).not.toContain('VOID');
  });

  it('prints a delta ticket for voided items with a VOID banner and each item marked', async () => {
    const paper = decodeEscPos(renderKitchenTicket(sampleTicket(), { stationName: 'Grill', delta: 'voided', timezone: 'Europe/Paris' }));
    await expect(paper.text).toMatchFileSnapshot('../__snapshots__/kitchen-ticket-void.txt');
    expect(paper.text).toContain('VOID 1 x Crème brûlée');
  });

  it('prints added items and a reprint with their banners', () => {
    const paper = decodeEscPos(renderKitchenTicket(sampleTicket(), { stationName: 'Grill', delta: 'added', reprint: true }));
    const [first, second] = paper.text.split('\n').map((l) => l.trim()).filter(Boolean);
    expect([first, second]).toEqual(['REPRINT', 'ADDED']);
  });
});
