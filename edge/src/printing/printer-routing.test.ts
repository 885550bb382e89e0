import { describe, expect, it } from 'vitest';
import type { PrinterConfig } from '../config';
import { EXPO_STATION, backupOf, primaryPrinterFor } from './printer-routing';
import { fromConfig } from './printer-settings';

const configs: PrinterConfig[] = [
  { id: 'front', role: 'receipt', host: 'a', port: 9100 },
  { id: 'bar-till', role: 'receipt', host: 'b', port: 9100, devices: ['device-bar'] },
  { id: 'grill', role: 'kitchen', host: 'c', port: 9100, stations: ['grill'] },
  { id: 'kitchen', role: 'kitchen', host: 'd', port: 9100 },
  { id: 'grill-spare', role: 'kitchen', host: 'e', port: 9100, stations: ['grill'], backupOf: 'grill' },
];
const printers = configs.map(fromConfig);

const job = (kind: 'receipt' | 'kitchen' | 'drawer', stationId: string | null = null, deviceId: string | null = null) => ({ kind, stationId, deviceId });

describe('which printer prints a job', () => {
  it('sends a till its own receipts and drawer kicks, and everyone else to the general receipt printer', () => {
    expect(primaryPrinterFor(job('drawer', null, 'device-bar'), printers)?.id).toBe('bar-till');
    expect(primaryPrinterFor(job('receipt', null, 'device-bar'), printers)?.id).toBe('bar-till');
    expect(primaryPrinterFor(job('receipt', null, 'device-counter'), printers)?.id).toBe('front');
    expect(primaryPrinterFor(job('drawer'), printers)?.id).toBe('front');
  });

  it('sends a ticket to its station printer, else the catch-all kitchen printer, never first to a backup', () => {
    expect(primaryPrinterFor(job('kitchen', 'grill'), printers)?.id).toBe('grill');
    expect(primaryPrinterFor(job('kitchen', 'fry'), printers)?.id).toBe('kitchen');
    expect(backupOf('grill', printers)?.id).toBe('grill-spare');
  });

  it('falls back to the receipt printer in a store without kitchen printers, and to nothing without printers', () => {
    const small = printers.filter((printer) => printer.role === 'receipt');
    expect(primaryPrinterFor(job('kitchen', 'grill'), small)?.id).toBe('front');
    expect(primaryPrinterFor(job('kitchen', 'grill'), [])).toBeUndefined();
  });

  it('sends expo copies only to a printer with the expo role', () => {
    expect(primaryPrinterFor(job('kitchen', EXPO_STATION), printers)).toBeUndefined();
    const withExpo = [...printers, fromConfig({ id: 'pass', role: 'expo', host: 'f', port: 9100 })];
    expect(primaryPrinterFor(job('kitchen', EXPO_STATION), withExpo)?.id).toBe('pass');
    // The expo printer is not a catch-all for stations.
    expect(primaryPrinterFor(job('kitchen', 'fry'), withExpo)?.id).toBe('kitchen');
  });
});
