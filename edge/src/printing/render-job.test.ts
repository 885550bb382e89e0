import { describe, expect, it } from 'vitest';
import { decodeEscPos, sampleTicket } from '@brigade/drivers/virtual';
import type { PrintJobRow, StoreInfo } from '../store/types';
import { renderJob } from './render-job';

const store = { name: 'Test', currency: 'USD', timezone: 'UTC', stations: [{ id: 'grill', name: 'Grill' }] } as unknown as StoreInfo;

function kitchenJob(delta?: 'voided' | 'added'): PrintJobRow {
  const ticket = sampleTicket();
  return {
    id: 'j', idemKey: 'k', kind: 'kitchen', printerRole: 'kitchen', stationId: ticket.stationId, orderId: ticket.orderId, deviceId: null,
    payload: { kind: 'kitchen', ticket, reprint: false, ...(delta ? { delta } : {}) },
    status: 'queued', attempts: 0, reprint: false, printerId: null, nextAttemptAt: '', lastError: null, createdAt: '', updatedAt: '', printedAt: null,
  } as unknown as PrintJobRow;
}

describe('rendering kitchen print jobs', () => {
  it('prints a VOID slip for a line voided after firing, and a plain ticket otherwise', () => {
    const slip = decodeEscPos(renderJob(kitchenJob('voided'), store) ?? new Uint8Array()).text;
    const plain = decodeEscPos(renderJob(kitchenJob(), store) ?? new Uint8Array()).text;
    expect(slip).toContain('VOID');
    expect(plain).not.toContain('VOID');
  });

  it('prints lines fired after the first fire under an ADDED banner', () => {
    expect(decodeEscPos(renderJob(kitchenJob('added'), store) ?? new Uint8Array()).text).toContain('ADDED');
  });
});
