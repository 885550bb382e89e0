/** Turns a stored print job into printer bytes at send time, with the drivers' renderers. */
import { renderKitchenTicket, renderReceipt, renderZReport } from '@brigade/drivers';
import { zReportForPrinter } from '../store/commands/report-print';
import type { PrintJobRow, StoreInfo } from '../store/types';

/**
 * A job that may already have reached paper once (held, uncertain, retried, moved to a
 * backup) prints with a REPRINT banner so nobody cooks or hands over an order twice.
 */
export function needsReprintBanner(job: Pick<PrintJobRow, 'reprint' | 'attempts' | 'status'>): boolean {
  return job.reprint || job.attempts > 0 || job.status === 'held' || job.status === 'uncertain';
}

export function renderJob(job: PrintJobRow, store: StoreInfo): Uint8Array | null {
  const reprint = needsReprintBanner(job);
  const payload = job.payload;
  switch (payload.kind) {
    case 'receipt':
      return renderReceipt(payload.order, { name: store.name, currency: store.currency, timezone: store.timezone }, { reprint });
    case 'kitchen': {
      const station = store.stations.find((candidate) => candidate.id === payload.ticket.stationId);
      return renderKitchenTicket(payload.ticket, { stationName: station?.name ?? payload.ticket.stationId, reprint, timezone: store.timezone, ...(payload.delta ? { delta: payload.delta } : {}) });
    }
    case 'report':
      return renderZReport(zReportForPrinter(payload.report, payload.closedByName), { name: store.name, currency: store.currency, timezone: store.timezone }, { reprint });
    case 'drawer':
      // A drawer kick is a real-time pulse, not a page.
      return null;
  }
}
