import { type Cents, type TenderType, formatMoney } from '@brigade/sync/model';
import { DEFAULT_PROFILE, type PrinterProfile, banner, formatTime, leftRight, newEncoder, printable } from './printer-profile';
import type { StoreHeader } from './render-receipt';

/**
 * End-of-day figures, computed by the store from its orders and payments; the renderer
 * only lays them out. Amounts in minor units of `currency`.
 */
export interface ZReport {
  businessDay: string;
  /** Consecutive Z number of the store, for auditors. */
  sequence: number;
  openedAt: string;
  closedAt: string;
  currency: string;
  orders: number;
  grossSales: Cents;
  netSales: Cents;
  taxes: ReadonlyArray<{ name: string; rateBps: number; amount: Cents }>;
  tenders: ReadonlyArray<{ tender: TenderType; count: number; amount: Cents; tips: Cents }>;
  refunds: { count: number; amount: Cents };
  voids: { count: number; amount: Cents };
  /** Cash drawer count at close; `counted` null when nobody counted. */
  cash?: { opening: Cents; expected: Cents; counted: Cents | null };
  /** Changes not yet synced to the cloud at close: printed as a warning. */
  unsynced?: number;
  closedBy?: string;
  /** A heading instead of "Z REPORT #n", e.g. for an X report printed mid-day. */
  title?: string;
}

const tenderLabel: Record<TenderType, string> = { cash: 'Cash', card: 'Card', online: 'Online', gift_card: 'Gift card', loyalty: 'Loyalty' };

export function renderZReport(report: ZReport, store: StoreHeader, opts: { reprint?: boolean; profile?: PrinterProfile } = {}): Uint8Array {
  const profile = opts.profile ?? DEFAULT_PROFILE;
  const cols = profile.columns;
  const locale = store.locale ?? 'en-US';
  const money = (c: number): string => printable(formatMoney(c as Cents, report.currency, locale));
  const pct = (bps: number): string => printable(new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(bps / 10_000));
  const e = newEncoder(profile);

  if (opts.reprint) banner(e, 'REPRINT');
  e.align('center').bold(true).size(2, 2).line(report.title ?? `Z REPORT #${report.sequence}`).size(1, 1).bold(false).line(store.name);
  e.line(`Business day ${report.businessDay}`);
  e.line(`${formatTime(report.openedAt, store.timezone, locale, true)} - ${formatTime(report.closedAt, store.timezone, locale, true)}`);
  if (report.closedBy) e.line(`Closed by ${report.closedBy}`);
  e.align('left');
  if (report.unsynced && report.unsynced > 0) banner(e, `${report.unsynced} NOT SYNCED`);
  e.rule();
  leftRight(e, 'Orders', String(report.orders), cols);
  leftRight(e, 'Gross sales', money(report.grossSales), cols);
  leftRight(e, 'Net sales', money(report.netSales), cols);
  for (const t of report.taxes) leftRight(e, `${t.name} ${pct(t.rateBps)}`, money(t.amount), cols);
  e.rule();
  for (const t of report.tenders) {
    leftRight(e, `${tenderLabel[t.tender]} (${t.count})`, money(t.amount), cols);
    if (t.tips > 0) leftRight(e, '   tips', money(t.tips), cols);
  }
  leftRight(e, `Refunds (${report.refunds.count})`, money(0 - report.refunds.amount), cols);
  leftRight(e, `Voids (${report.voids.count})`, money(report.voids.amount), cols);
  if (report.cash) {
    const c = report.cash;
    e.rule();
    leftRight(e, 'Opening float', money(c.opening), cols);
    leftRight(e, 'Cash expected', money(c.expected), cols);
    if (c.counted === null) e.line('Cash not counted');
    else {
      leftRight(e, 'Cash counted', money(c.counted), cols);
      const diff = c.counted - c.expected;
      e.bold(true);
      leftRight(e, diff === 0 ? 'Difference' : diff > 0 ? 'Over' : 'Short', money(diff), cols);
      e.bold(false);
    }
  }
  e.rule();
  return e.cut('full').encode();
}
