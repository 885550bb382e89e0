import type { KitchenTicket, LineId, OrderId, StationId } from '@brigade/sync/model';
import { describe, expect, it } from 'vitest';
import { allDayCounts, applyTicket, boardFrom, emptyBoard, shows } from './kitchen-tickets';
import { TICKET_AGE_THRESHOLDS, ageLevel, ageMs, formatAge } from './ticket-age';

function ticket(id: string, fields: Partial<KitchenTicket> = {}): KitchenTicket {
  return {
    id, orderId: `o-${id}` as OrderId, orderNumber: `A-${id}`, stationId: 'grill' as StationId, fireSeq: 1, status: 'new',
    channel: 'counter', tableLabel: null, customerName: null, createdAt: '2026-01-01T12:00:00.000Z', bumpedAt: null,
    items: [{ lineId: `l-${id}` as LineId, name: 'Classic Burger', quantity: 1, modifiers: ['Rare'], note: null, voided: false }],
    ...fields,
  };
}

describe('ticket timers', () => {
  it('turns from green to amber to red at the thresholds', () => {
    expect(ageLevel(TICKET_AGE_THRESHOLDS.amberAfterMs - 1)).toBe('fresh');
    expect(ageLevel(TICKET_AGE_THRESHOLDS.amberAfterMs)).toBe('aging');
    expect(ageLevel(TICKET_AGE_THRESHOLDS.redAfterMs - 1)).toBe('aging');
    expect(ageLevel(TICKET_AGE_THRESHOLDS.redAfterMs)).toBe('late');
  });

  it('shows minutes and seconds and never a negative age', () => {
    expect(formatAge(247_900)).toBe('4:07');
    expect(formatAge(-5000)).toBe('0:00');
    expect(ageMs('2026-01-01T12:00:00.000Z', Date.parse('2026-01-01T12:01:30.000Z'))).toBe(90_000);
  });
});

describe('ticket board', () => {
  it('moves a bumped ticket off the rail and makes it the one to recall', () => {
    let board = boardFrom([ticket('1'), ticket('2', { createdAt: '2026-01-01T12:01:00.000Z' })]);
    board = applyTicket(board, ticket('1', { status: 'bumped', bumpedAt: '2026-01-01T12:05:00.000Z' }));
    expect(board.open.map((t) => t.id)).toEqual(['2']);
    expect(board.bumped[0]?.id).toBe('1');
    board = applyTicket(board, ticket('2', { status: 'bumped', bumpedAt: '2026-01-01T12:06:00.000Z' }));
    expect(board.bumped.map((t) => t.id)).toEqual(['2', '1']);
  });

  it('puts a recalled ticket back in age order', () => {
    let board = boardFrom([ticket('2', { createdAt: '2026-01-01T12:03:00.000Z' }), ticket('1', { status: 'bumped', bumpedAt: '2026-01-01T12:04:00.000Z' })]);
    board = applyTicket(board, ticket('1'));
    expect(board.open.map((t) => t.id)).toEqual(['1', '2']);
    expect(board.bumped).toEqual([]);
  });

  it('counts open items all day, leaving out voided lines', () => {
    const open = [
      ticket('1', { items: [{ lineId: 'a' as LineId, name: 'Fries', quantity: 2, modifiers: [], note: null, voided: false }] }),
      ticket('2', { items: [
        { lineId: 'b' as LineId, name: 'Fries', quantity: 1, modifiers: ['Large'], note: null, voided: false },
        { lineId: 'c' as LineId, name: 'Classic Burger', quantity: 4, modifiers: [], note: null, voided: true },
      ] }),
    ];
    expect(allDayCounts(open)).toEqual([{ name: 'Fries', quantity: 3 }]);
    expect(allDayCounts(emptyBoard.open)).toEqual([]);
  });

  it('shows only its own station unless it is expo', () => {
    const fry = ticket('3', { stationId: 'fry' as StationId });
    expect(shows('grill', fry)).toBe(false);
    expect(shows(null, fry)).toBe(true);
  });
});
