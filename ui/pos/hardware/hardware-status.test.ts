import { describe, expect, it } from 'vitest';
import { printerCondition, statusBadge } from './hardware-status';

const printer = { id: 'front', role: 'receipt', address: '127.0.0.1:9100', status: 'ready', message: null, since: '2026-01-01T00:00:00Z' };

describe('hardware status badges', () => {
  it.each([
    ['ready', 'Ready', 'online'],
    ['paper_end', 'Out of paper', 'offline'],
    ['cover_open', 'Cover open', 'offline'],
    ['offline', 'Offline', 'offline'],
    ['paper_low', 'Paper low', 'reconnecting'],
  ])('shows %s as %s', (status, label, tone) => {
    expect(statusBadge(status)).toEqual({ label, tone });
  });

  it('shows a condition it does not know as itself, in the warning colour', () => {
    expect(statusBadge('jammed')).toEqual({ label: 'jammed', tone: 'reconnecting' });
  });

  it('says paper low for a ready printer whose last test page saw the paper running out', () => {
    expect(printerCondition(printer, { printerId: 'front', printed: true, condition: 'ready', paperLow: true, message: null })).toBe('paper_low');
    expect(printerCondition(printer, { printerId: 'other', printed: true, condition: 'ready', paperLow: true, message: null })).toBe('ready');
    expect(printerCondition({ ...printer, status: 'paper_end' }, { printerId: 'front', printed: true, condition: 'ready', paperLow: true, message: null })).toBe('paper_end');
  });
});
