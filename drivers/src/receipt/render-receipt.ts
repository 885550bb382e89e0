import { type Cents, type Order, type OrderTotals, type Payment, type TenderType, formatMoney } from '@brigade/sync/model';
import { DEFAULT_PROFILE, type PrinterProfile, banner, formatTime, leftRight, newEncoder, printable } from './printer-profile';

export interface StoreHeader {
  name: string;
  address?: string;
  currency: string;
  timezone: string;
  /** Locale for dates and amounts; defaults to en-US. */
  locale?: string;
  /** A line under the totals ("Thank you!", a VAT number). */
  footer?: string;
}

const channelLabel = { counter: 'Counter', kiosk: 'Kiosk', online: 'Online', table: 'Table' } as const;
const diningLabel = { eat_in: 'Eat in', take_out: 'Take out', delivery: 'Delivery' } as const;

/** The customer receipt: items, totals, taxes by rate, tenders, change, and a QR of the order id. */
export function renderReceipt(order: Order, store: StoreHeader, opts: { reprint?: boolean; profile?: PrinterProfile } = {}): Uint8Array {
  const profile = opts.profile ?? DEFAULT_PROFILE;
  const cols = profile.columns;
  const locale = store.locale ?? 'en-US';
  const money = (c: Cents): string => printable(formatMoney(c, order.totals.currency, locale));
  const e = newEncoder(profile);

  if (opts.reprint) banner(e, 'REPRINT');
  e.align('center').bold(true).size(2, 2).line(store.name).size(1, 1).bold(false);
  if (store.address) for (const part of store.address.split('\n')) e.line(part);
  e.newline().bold(true).size(1, 2).line(`Order ${order.number}`).size(1, 1).bold(false);
  const where = [order.tableLabel ? null : channelLabel[order.channel], diningLabel[order.diningOption], order.tableLabel ? `Table ${order.tableLabel}` : null, order.customerName]
    .filter((p): p is string => Boolean(p))
    .join(' · ');
  e.line(where).line(formatTime(order.createdAt, store.timezone, locale, true)).align('left').rule();

  for (const line of order.lines) {
    if (line.voided) continue;
    const label = line.weightGrams !== undefined
      ? `${printable(new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(line.weightGrams / 1000))} kg ${line.name} @ ${money(line.unitPrice)}/kg`
      : `${line.quantity} x ${line.name}`;
    leftRight(e, label, money(line.lineAmount), cols);
    for (const m of line.modifiers) e.line(`   ${m.name}${m.priceDelta > 0 ? ` +${money(m.priceDelta)}` : ''}`);
    if (line.note) e.line(`   "${line.note}"`);
  }
  e.rule();
  renderTotals(e, order.totals, money, cols, locale);
  e.rule();
  for (const p of order.payments) renderPayment(e, p, money, cols);
  const due = order.totals.total - order.paid + order.refunded;
  if (order.payments.length === 0 || due > 0) leftRight(e, 'Balance due', money(due as Cents), cols);
  if (order.refunded > 0) leftRight(e, 'Refunded', money(order.refunded), cols);

  e.newline().align('center').qrcode(order.id, { model: 2, size: 5, errorlevel: 'm' }).line(order.id);
  if (store.footer) e.newline().line(store.footer);
  e.align('left');
  return e.cut('full').encode();
}

function renderTotals(e: ReturnType<typeof newEncoder>, totals: OrderTotals, money: (c: Cents) => string, cols: number, locale: string): void {
  leftRight(e, 'Subtotal', money(totals.subtotal), cols);
  for (const t of totals.taxes) {
    const rate = printable(new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(t.rateBps / 10_000));
    leftRight(e, totals.taxInclusive ? `incl. ${t.name} ${rate}` : `${t.name} ${rate}`, money(t.amount), cols);
  }
  e.bold(true).size(1, 2);
  leftRight(e, 'TOTAL', money(totals.total), cols);
  e.size(1, 1).bold(false);
}

const tenderLabel: Record<TenderType, string> = { cash: 'Cash', card: 'Card', online: 'Paid online', gift_card: 'Gift card', loyalty: 'Loyalty points' };

function renderPayment(e: ReturnType<typeof newEncoder>, p: Payment, money: (c: Cents) => string, cols: number): void {
  const ref = p.tender === 'card' && p.reference ? ` ${p.reference}` : '';
  leftRight(e, `${tenderLabel[p.tender]}${ref}`, money((p.tendered ?? p.amount + p.tip) as Cents), cols);
  if (p.tip > 0) leftRight(e, '   incl. tip', money(p.tip), cols);
  if (p.change !== null && p.change > 0) leftRight(e, 'Change', money(p.change), cols);
  if (p.refunded > 0) leftRight(e, `   refunded`, money(p.refunded), cols);
}
