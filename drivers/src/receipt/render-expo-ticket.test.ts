import { describe, expect, it } from 'vitest';
import type { KitchenTicket, KitchenTicketItem } from '@brigade/sync/model';
import { decodeEscPos } from '../virtual/decode-escpos';
import { renderExpoTicket } from './render-kitchen-ticket';
import { sampleTicket } from './sample-orders';

const grill = sampleTicket();
const fry = [{ lineId: '01936f4e-8a1c-7d2e-9b3a-cccccccccccc', name: 'Fries', quantity: 2, modifiers: ['Large'], note: null, voided: false }] as unknown as KitchenTicketItem[];
const groups = [{ stationName: 'Grill', items: grill.items }, { stationName: 'Fry', items: fry }];

describe('renderExpoTicket', () => {
  it('prints every station of the fire under its name, with the order number', async () => {
    const paper = decodeEscPos(renderExpoTicket({ ...grill, stationId: 'expo' as KitchenTicket['stationId'] }, groups, { timezone: 'Europe/Paris' }));
    await expect(paper.text).toMatchFileSnapshot('../__snapshots__/expo-ticket.txt');
    const lines = paper.text.split('\n').map((l) => l.trim());
    expect(lines.indexOf('[Grill]')).toBeLessThan(lines.indexOf('[Fry]'));
    expect(lines.indexOf('[Fry]')).toBeLessThan(lines.indexOf('2 x Fries'));
    expect(paper.text).toContain(grill.orderNumber);
    expect(paper.events).toContainEqual({ type: 'cut', data: 'full' });
  });

  it('marks an added fire and a voided line like the station tickets do', () => {
    const added = decodeEscPos(renderExpoTicket(grill, groups, { delta: 'added', reprint: true })).text.split('\n').map((l) => l.trim()).filter(Boolean);
    expect(added.slice(0, 3)).toEqual(['REPRINT', 'ADDED', 'EXPO']);
    const voided = decodeEscPos(renderExpoTicket(grill, [{ stationName: 'Fry', items: fry }], { delta: 'voided' })).text;
    expect(voided).toContain('VOID 2 x Fries');
  });
});
