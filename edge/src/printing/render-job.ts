/** Turns a stored print job into printer bytes at send time, with the drivers' renderers. */
import { type PrinterProfile, DEFAULT_PROFILE, renderExpoTicket, renderKitchenTicket, renderReceipt, renderZReport } from '@brigade/drivers';
import { zReportForPrinter } from '../store/commands/report-print';
import type { PrintJobRow, StoreInfo } from '../store/types';
import { isExpoPayload } from './expo-copies';
import type { PrinterLanguage } from './printer-settings';

/**
 * A job that may already have reached paper once (held, uncertain, retried, moved to a
 * backup) prints with a REPRINT banner so nobody cooks or hands over an order twice.
 */
export function needsReprintBanner(job: Pick<PrintJobRow, 'reprint' | 'attempts' | 'status'>): boolean {
  return job.reprint || job.attempts > 0 || job.status === 'held' || job.status === 'uncertain';
}

/** The profile documents are rendered with for a printer of this language. */
export function profileFor(language: PrinterLanguage = 'esc-pos'): PrinterProfile {
  return language === 'star-line' ? { ...DEFAULT_PROFILE, language: 'star-line', codepages: 'star' } : DEFAULT_PROFILE;
}

export function renderJob(job: PrintJobRow, store: StoreInfo, language: PrinterLanguage = 'esc-pos'): Uint8Array | null {
  const reprint = needsReprintBanner(job);
  const payload = job.payload;
  const profile = profileFor(language);
  const stationName = (id: string): string => store.stations.find((candidate) => candidate.id === id)?.name ?? id;
  switch (payload.kind) {
    case 'receipt':
      return renderReceipt(payload.order, { name: store.name, currency: store.currency, timezone: store.timezone }, { reprint, profile });
    case 'kitchen': {
      const delta = payload.delta ? { delta: payload.delta } : {};
      if (isExpoPayload(payload)) {
        const groups = payload.expo.map((group) => ({ stationName: stationName(group.stationId), items: group.items }));
        return renderExpoTicket(payload.ticket, groups, { reprint, timezone: store.timezone, profile, ...delta });
      }
      return renderKitchenTicket(payload.ticket, { stationName: stationName(payload.ticket.stationId), reprint, timezone: store.timezone, profile, ...delta });
    }
    case 'report':
      return renderZReport(zReportForPrinter(payload.report, payload.closedByName), { name: store.name, currency: store.currency, timezone: store.timezone }, { reprint, profile });
    case 'drawer':
      // A drawer kick is a real-time pulse, not a page.
      return null;
  }
}
