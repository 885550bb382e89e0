/** A day report as the drivers' Z-report renderer lays it out on the receipt printer. */
import type { ZReport } from '@brigade/drivers';
import type { DayReport } from '@brigade/sync/model';

export function zReportForPrinter(report: DayReport, closedByName: string | null): ZReport {
  return {
    businessDay: report.businessDay,
    sequence: report.sequence ?? 0,
    openedAt: report.from,
    closedAt: report.to,
    currency: report.currency,
    orders: report.orders.count,
    grossSales: report.gross,
    netSales: report.net,
    taxes: report.taxes.map((t) => ({ name: t.name, rateBps: t.rateBps, amount: t.amount })),
    tenders: report.tenders.map((t) => ({ tender: t.tender, count: t.count, amount: t.amount, tips: t.tips })),
    refunds: report.refunds,
    voids: report.voids,
    cash: { opening: report.cash.opening, expected: report.cash.expected, counted: report.cash.counted },
    unsynced: report.unsynced,
    ...(closedByName ? { closedBy: closedByName } : {}),
    ...(report.kind === 'x' ? { title: 'X REPORT' } : {}),
  };
}
