import { type Cents, formatMoney } from '@brigade/sync/model';
import { describe, expect, it } from 'vitest';
import { decodeEscPos } from '../virtual';
import { type ZReport, renderZReport } from './render-z-report';

const c = (n: number): Cents => n as Cents;
const report: ZReport = {
  businessDay: '2026-11-21', sequence: 118, openedAt: '2026-11-21T10:00:00.000Z', closedAt: '2026-11-22T02:15:00.000Z', currency: 'EUR',
  orders: 87, grossSales: c(248_350), netSales: c(231_420),
  taxes: [{ name: 'TVA', rateBps: 1000, amount: c(14_820) }, { name: 'TVA', rateBps: 2000, amount: c(2_110) }],
  tenders: [{ tender: 'card', count: 61, amount: c(190_100), tips: c(4_250) }, { tender: 'cash', count: 26, amount: c(58_250), tips: c(0) }],
  refunds: { count: 2, amount: c(1_390) }, voids: { count: 5, amount: c(3_475) },
  cash: { opening: c(20_000), expected: c(78_250), counted: c(78_100) }, unsynced: 3, closedBy: 'Morgan Manager',
};
const store = { name: 'Brigade Bistro', currency: 'EUR', timezone: 'Europe/Paris', locale: 'fr-FR' };

describe('renderZReport', () => {
  it('prints the day: sales, taxes by rate, tenders with tips, refunds, voids and the cash count', async () => {
    const paper = decodeEscPos(renderZReport(report, store));
    await expect(paper.text).toMatchFileSnapshot('../__snapshots__/z-report.txt');
    // Printers have no narrow no-break space; the paper shows a plain one.
    const money = (n: number): string => formatMoney(n as Cents, 'EUR', 'fr-FR').replace(/[\u00a0\u202f]/g, ' ').replace('\u2212', '-');
    for (const amount of [248_350, 231_420, 14_820, 2_110, 190_100, 4_250, 58_250, 78_100]) expect(paper.text).toContain(money(amount));
    expect(paper.text).toMatch(new RegExp(`Short\\s+${money(-150).replace(/[.+\s]/g, (m) => (/\s/.test(m) ? '\\s' : `\\${m}`))}`));
    expect(paper.text).toContain('3 NOT SYNCED');
    expect(paper.text, 'a character no code page has prints as ?').not.toContain('?');
    expect(paper.events.at(-1)).toEqual({ type: 'cut', data: 'full' });
  });

  it('says when the cash was not counted and leaves out the sync warning when all is synced', () => {
    const paper = decodeEscPos(renderZReport({ ...report, cash: { opening: c(0), expected: c(100), counted: null }, unsynced: 0 }, store));
    expect(paper.text).toContain('Cash not counted');
    expect(paper.text).not.toContain('NOT SYNCED');
  });
});
