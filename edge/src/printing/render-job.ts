/** Turns a stored print job into printer bytes at send time, with the drivers' renderers. */
import type Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import {
  type PrinterProfile, type ReceiptCheck, DEFAULT_PROFILE, receiptCheckOf, renderExpoTicket, renderKitchenTicket, renderReceipt, renderZReport,
} from '@brigade/drivers';
import type { MenuIndex } from '@brigade/sync/model';
import * as schema from '@brigade/sync/schema/sqlite';
import { type CheckView, checkView, findCheck } from '../store/commands/check-rows';
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

/**
 * What a receipt shows of a check, from the check as the store prices it (`checkView`): the
 * discount or comp of each line, the order discounts and promo code, the service charge with
 * the party size, and for a split child its part and table.
 */
export function receiptCheckOfView(view: Pick<CheckView, 'priced' | 'guests' | 'parentOrderId' | 'splitLabel' | 'tableLabel'>): ReceiptCheck {
  if (view.parentOrderId !== null) {
    // A split part owes the share fixed at the split, which its own lines re-priced need not show: its totals speak.
    return { split: { label: view.splitLabel ?? '', tableLabel: view.tableLabel } };
  }
  return receiptCheckOf(view.priced, { guests: view.guests });
}

/**
 * Looks up the check of an order for its receipt, or undefined for an order sold without one
 * (a counter or kiosk order without discounts: its own totals say everything).
 */
export function receiptChecks(db: Database.Database, menu: () => MenuIndex): (orderId: string) => ReceiptCheck | undefined {
  const orm = drizzle(db, { schema });
  return (orderId) => (findCheck(orm, orderId) ? receiptCheckOfView(checkView(orm, menu(), orderId)) : undefined);
}

/**
 * `checkOf` gives a receipt its check's details (see `receiptChecks`); without it a receipt
 * shows the check's sums the order carries.
 */
export function renderJob(
  job: PrintJobRow, store: StoreInfo, language: PrinterLanguage = 'esc-pos', checkOf?: (orderId: string) => ReceiptCheck | undefined,
): Uint8Array | null {
  const reprint = needsReprintBanner(job);
  const payload = job.payload;
  const profile = profileFor(language);
  const stationName = (id: string): string => store.stations.find((candidate) => candidate.id === id)?.name ?? id;
  switch (payload.kind) {
    case 'receipt': {
      const check = checkOf?.(payload.order.id);
      return renderReceipt(payload.order, { name: store.name, currency: store.currency, timezone: store.timezone }, { reprint, profile, ...(check ? { check } : {}) });
    }
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
