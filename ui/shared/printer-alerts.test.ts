import { describe, expect, it } from 'vitest';
import { applyPrinterStatus, printerAlertText } from './printer-alerts';

describe('printer alerts', () => {
  it('raises an alert when a printer runs out of paper and clears it when it is ready again', () => {
    let alerts = applyPrinterStatus(new Map(), { id: 'kitchen', status: 'paper_end', message: null });
    alerts = applyPrinterStatus(alerts, { id: 'receipt', status: 'ready', message: null });
    expect([...alerts.keys()]).toEqual(['kitchen']);
    expect(printerAlertText(alerts.get('kitchen') ?? { id: '', status: '', message: null })).toContain('out of paper');
    alerts = applyPrinterStatus(alerts, { id: 'kitchen', status: 'ready', message: null });
    expect(alerts.size).toBe(0);
  });

  it('does not alert for a printer that is only being checked or was unsure of one job', () => {
    expect(applyPrinterStatus(new Map(), { id: 'p', status: 'unknown', message: null }).size).toBe(0);
    expect(applyPrinterStatus(new Map(), { id: 'p', status: 'uncertain', message: null }).size).toBe(0);
  });

  it('tells the kitchen a dead printer may hand its tickets to a backup', () => {
    expect(printerAlertText({ id: 'grill', status: 'offline', message: null })).toMatch(/backup/);
  });
});
