import { type Cents, type Order, type OrderLine, type Payment, type TenderType, formatMoney } from '@brigade/sync/model';
import { DEFAULT_PROFILE, type PrinterProfile, banner, formatTime, leftRight, newEncoder, printable } from './printer-profile';
import { type ReceiptCheck, cashRoundingOf, checkTotalsOf, splitHeading, tipsOf } from './receipt-check';

export { type ReceiptCheck, type ReceiptLineAdjustment, type ReceiptOrderDiscount, type ReceiptServiceCharge, receiptCheckOf } from './receipt-check';

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

export interface ReceiptOptions {
  reprint?: boolean;
  profile?: PrinterProfile;
  /** The priced check's details (discounts, comps, service charge, split); without it only the order's totals show. */
  check?: ReceiptCheck;
}

type Encoder = ReturnType<typeof newEncoder>;
type Money = (c: Cents | number) => string;

/**
 * The customer receipt: items (combo components indented, discounts and comps under their
 * line, voided lines marked and not counted), totals with discounts, service charge, taxes by
 * rate, tip and cash rounding, tenders, change, refunds, and a QR of the order id.
 */
export function renderReceipt(order: Order, store: StoreHeader, opts: ReceiptOptions = {}): Uint8Array {
  const profile = opts.profile ?? DEFAULT_PROFILE;
  const cols = profile.columns;
  const locale = store.locale ?? 'en-US';
  const money: Money = (c) => printable(formatMoney(c as Cents, order.totals.currency, locale));
  const e = newEncoder(profile);
  const check = opts.check;

  if (opts.reprint) banner(e, 'REPRINT');
  e.align('center').bold(true).size(2, 2).line(store.name).size(1, 1).bold(false);
  if (store.address) for (const part of store.address.split('\n')) e.line(part);
  e.newline().bold(true).size(1, 2).line(`Order ${order.number}`).size(1, 1).bold(false);
  if (check?.split) e.bold(true).line(printable(splitHeading(check.split))).bold(false);
  const where = [order.tableLabel ? null : channelLabel[order.channel], diningLabel[order.diningOption], order.tableLabel ? `Table ${order.tableLabel}` : null, order.customerName]
    .filter((p): p is string => Boolean(p))
    .join(' · ');
  e.line(where).line(formatTime(order.createdAt, store.timezone, locale, true)).align('left').rule();

  for (const line of order.lines) renderLine(e, line, check, money, cols, locale);
  // An even split's part holds no lines of its own: say what it is a share of.
  if (order.lines.length === 0 && check?.split) e.line(`Share ${check.split.label} of the check`);
  e.rule();
  renderTotals(e, order, check, money, cols, locale);
  e.rule();
  for (const p of order.payments) renderPayment(e, p, money, cols);
  const due = order.totals.total - order.paid + order.refunded;
  if (order.payments.length === 0 || due > 0) leftRight(e, 'Balance due', money(due), cols);
  if (order.refunded > 0) leftRight(e, 'Refunded', money(order.refunded), cols);

  e.newline().align('center').qrcode(order.id, { model: 2, size: 5, errorlevel: 'm' }).line(order.id);
  if (store.footer) e.newline().line(store.footer);
  e.align('left');
  return e.cut('full').encode();
}

function renderLine(e: Encoder, line: OrderLine, check: ReceiptCheck | undefined, money: Money, cols: number, locale: string): void {
  if (line.voided) {
    // Shown so the guest sees what was taken off, but with no amount: it is not in the totals.
    leftRight(e, `VOID ${line.quantity} x ${line.name}`, '', cols);
    return;
  }
  const label = line.weightGrams !== undefined
    ? `${printable(new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(line.weightGrams / 1000))} kg ${line.name} @ ${money(line.unitPrice)}/kg`
    : `${line.quantity} x ${line.name}`;
  leftRight(e, label, money(line.lineAmount), cols);
  for (const m of line.modifiers) e.line(`   ${m.name}${m.priceDelta > 0 ? ` +${money(m.priceDelta)}` : ''}`);
  for (const c of line.components ?? []) {
    e.line(`   ${c.name}${c.upcharge > 0 ? ` +${money(c.upcharge)}` : ''}`);
    for (const m of c.modifiers) e.line(`      ${m.name}${m.priceDelta > 0 ? ` +${money(m.priceDelta)}` : ''}`);
  }
  if (line.note) e.line(`   "${line.note}"`);
  const adjustment = check?.lines?.[line.lineId];
  if (adjustment?.comp) leftRight(e, printable(`   COMP (${adjustment.comp.reason})`), money(0 - adjustment.comp.amount), cols);
  if (adjustment?.discount) leftRight(e, printable(`   ${adjustment.discount.name}`), money(0 - adjustment.discount.amount), cols);
}

function percent(bps: number, locale: string): string {
  return printable(new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(bps / 10_000));
}

function renderTotals(e: Encoder, order: Order, check: ReceiptCheck | undefined, money: Money, cols: number, locale: string): void {
  const totals = order.totals;
  const checkTotals = checkTotalsOf(totals);
  leftRight(e, 'Subtotal', money(totals.subtotal), cols);
  if (check?.orderDiscounts) {
    for (const d of check.orderDiscounts) leftRight(e, printable(d.promoCode ? `Promo ${d.promoCode} (${d.name})` : d.name), money(0 - d.amount), cols);
  } else if (checkTotals) {
    // Only the check's sums are known (or a split part's): one line for the discounts not shown under their lines.
    const rest = check?.lines ? checkTotals.orderDiscounts : checkTotals.discount;
    if (rest > 0) leftRight(e, 'Discounts', money(0 - rest), cols);
  }
  if (check?.serviceCharge && check.serviceCharge.amount > 0) {
    const sc = check.serviceCharge;
    leftRight(e, `${printable(sc.name)} ${percent(sc.rateBps, locale)}${sc.guests !== null ? ` (party of ${sc.guests})` : ''}`, money(sc.amount), cols);
  } else if (checkTotals && checkTotals.serviceCharge > 0 && check?.serviceCharge === undefined) {
    leftRight(e, 'Service charge', money(checkTotals.serviceCharge), cols);
  }
  for (const t of totals.taxes) {
    const rate = percent(t.rateBps, locale);
    leftRight(e, totals.taxInclusive ? `incl. ${t.name} ${rate}` : `${t.name} ${rate}`, money(t.amount), cols);
  }
  e.bold(true).size(1, 2);
  leftRight(e, 'TOTAL', money(totals.total), cols);
  e.size(1, 1).bold(false);
  const tips = tipsOf(order);
  const rounding = order.payments.reduce((sum, p) => sum + cashRoundingOf(p), 0);
  if (tips > 0) leftRight(e, 'Tip', money(tips), cols);
  if (rounding !== 0) leftRight(e, 'Cash rounding', money(rounding), cols);
  if (tips > 0 || rounding !== 0) leftRight(e, 'Total paid', money(totals.total + tips + rounding), cols);
}

const tenderLabel: Record<TenderType, string> = { cash: 'Cash', card: 'Card', online: 'Paid online', gift_card: 'Gift card', loyalty: 'Loyalty points' };

function renderPayment(e: Encoder, p: Payment, money: Money, cols: number): void {
  const ref = p.tender === 'card' && p.reference ? ` ${p.reference}` : '';
  leftRight(e, `${tenderLabel[p.tender]}${ref}`, money((p.tendered ?? p.amount + p.tip)), cols);
  if (p.tip > 0) leftRight(e, '   incl. tip', money(p.tip), cols);
  if (p.change !== null && p.change > 0) leftRight(e, 'Change', money(p.change), cols);
  if (p.refunded > 0) leftRight(e, `   refunded`, money(p.refunded), cols);
}
