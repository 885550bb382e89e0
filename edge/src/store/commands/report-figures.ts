/**
 * The figures of X and Z reports, summed in SQL from the rows the commands wrote: payments,
 * refunds, drawer sessions and movements, and each order's stored totals. Nothing is priced
 * again, so the report agrees with the payments to the cent by construction, and the
 * reconciliation test checks it against those rows.
 *
 * The period is (from, to]: from the previous Z's end (or the beginning) up to now. Orders
 * count in the period they were created in; payments and refunds in the period they were taken.
 */
import type Database from 'better-sqlite3';
import type { Cents, CashFigure, DayReport, TaxFigure, TenderFigure, TenderType } from '@brigade/sync/model';
import { businessDayOf } from '../clock';
import type { StoreContext } from '../store-context';

/** Where the period starts when there has been no Z yet: before any timestamp the store writes. */
export const BEGINNING = '0000-01-01T00:00:00.000Z';

interface StoredTotals {
  subtotal: number;
  taxes?: { taxRateId: string; name: string; rateBps: number; amount: number }[];
  /** Present on checks priced with discounts (sync/model/check-pricing.ts). */
  lineDiscounts?: number;
  orderDiscounts?: number;
  comps?: number;
}

const asCents = (n: number | null | undefined): Cents => (n ?? 0) as Cents;

export interface ReportPeriod {
  kind: 'x' | 'z';
  from: string;
  to: string;
  sequence: number | null;
  closedBy: string | null;
}

export function lastZ(sqlite: Database.Database): { sequence: number; periodTo: string } | undefined {
  return sqlite.prepare('SELECT sequence, period_to AS periodTo FROM z_reports ORDER BY sequence DESC LIMIT 1').get() as
    { sequence: number; periodTo: string } | undefined;
}

export function computeDayReport(store: StoreContext, period: ReportPeriod): DayReport {
  const db = store.sqlite;
  const row = store.storeRow();
  const window = [period.from, period.to] as const;
  const sales = orderFigures(db, window);
  const tenders = tenderFigures(db, window);
  const refunds = db.prepare('SELECT count(*) AS n, coalesce(sum(amount), 0) AS amount FROM refunds WHERE created_at > ? AND created_at <= ?')
    .get(...window) as { n: number; amount: number };
  // A voided order is out of gross already; its refunds (money handed back before the void) must not come off net again.
  const ofVoided = db.prepare(`SELECT coalesce(sum(r.amount), 0) AS amount FROM refunds r JOIN orders o ON o.id = r.order_id
    WHERE o.status IN ('voided', 'cancelled') AND r.created_at > ? AND r.created_at <= ?`).get(...window) as { amount: number };
  // Likewise a line voided after its money was refunded is out of gross: on an order that still
  // stands, the refunds up to what it was paid beyond its total gave back voided lines, not sales.
  const ofVoidedLines = db.prepare(`SELECT coalesce(sum(min(r.amount, o.paid - o.total)), 0) AS amount
    FROM (SELECT order_id, sum(amount) AS amount FROM refunds WHERE created_at > ? AND created_at <= ? GROUP BY order_id) r
    JOIN orders o ON o.id = r.order_id WHERE o.status NOT IN ('voided', 'cancelled') AND o.paid > o.total`).get(...window) as { amount: number };
  const payments = tenders.reduce((sum, t) => sum + t.amount, 0);
  const tips = tenders.reduce((sum, t) => sum + t.tips, 0);
  const unsynced = (db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
  return {
    kind: period.kind,
    sequence: period.sequence,
    businessDay: businessDayOf(new Date(period.to), row.timezone, row.businessDayEndHour),
    // The first Z starts when the store did, not at the sentinel the query uses.
    from: period.from === BEGINNING ? row.createdAt : period.from,
    to: period.to,
    currency: row.currency,
    orders: sales.orders,
    gross: asCents(sales.gross),
    discounts: asCents(sales.discounts),
    comps: asCents(sales.comps),
    voids: { count: sales.voids.count, amount: asCents(sales.voids.amount) },
    refunds: { count: refunds.n, amount: asCents(refunds.amount) },
    net: asCents(sales.gross - sales.discounts - sales.comps - (refunds.amount - ofVoided.amount - ofVoidedLines.amount)),
    tax: asCents(sales.taxes.reduce((sum, t) => sum + t.amount, 0)),
    taxes: sales.taxes,
    tenders,
    payments: asCents(payments),
    tips: asCents(tips),
    cash: cashFigure(db, window, tenders),
    unsynced,
    closedBy: period.closedBy,
  };
}

function orderFigures(db: Database.Database, window: readonly [string, string]) {
  const rows = db.prepare('SELECT status, total, payment_status AS paymentStatus, totals FROM orders WHERE created_at > ? AND created_at <= ?')
    .all(...window) as { status: string; total: number; paymentStatus: string; totals: string }[];
  const orders = { count: 0, voided: 0, open: 0 };
  let gross = 0;
  let discounts = 0;
  let comps = 0;
  const voids = { count: 0, amount: 0 };
  const taxes = new Map<string, TaxFigure>();
  for (const order of rows) {
    if (order.status === 'voided' || order.status === 'cancelled') {
      orders.voided += 1;
      voids.count += 1;
      voids.amount += order.total;
      continue;
    }
    orders.count += 1;
    if (order.paymentStatus === 'unpaid' || order.paymentStatus === 'partially_paid') orders.open += 1;
    const totals = JSON.parse(order.totals) as StoredTotals;
    gross += totals.subtotal;
    discounts += (totals.lineDiscounts ?? 0) + (totals.orderDiscounts ?? 0);
    comps += totals.comps ?? 0;
    for (const t of totals.taxes ?? []) {
      const seen = taxes.get(t.taxRateId);
      taxes.set(t.taxRateId, { taxRateId: t.taxRateId, name: t.name, rateBps: t.rateBps, amount: asCents((seen?.amount ?? 0) + t.amount) });
    }
  }
  // Lines voided on orders that still stand: what the void took off.
  const voidedLines = db.prepare(`SELECT count(*) AS n, coalesce(sum(json_extract(l.priced, '$.lineTotal')), 0) AS amount
    FROM order_lines l JOIN orders o ON o.id = l.order_id
    WHERE l.voided = 1 AND o.status NOT IN ('voided', 'cancelled') AND o.created_at > ? AND o.created_at <= ?`).get(...window) as { n: number; amount: number };
  voids.count += voidedLines.n;
  voids.amount += voidedLines.amount;
  return { orders, gross, discounts, comps, voids, taxes: [...taxes.values()].sort((a, b) => a.taxRateId.localeCompare(b.taxRateId)) };
}

function tenderFigures(db: Database.Database, window: readonly [string, string]): TenderFigure[] {
  const taken = db.prepare(`SELECT tender, count(*) AS n, sum(amount) AS amount, sum(tip) AS tips FROM payments
    WHERE created_at > ? AND created_at <= ? GROUP BY tender ORDER BY tender`).all(...window) as { tender: TenderType; n: number; amount: number; tips: number }[];
  const given = db.prepare(`SELECT p.tender AS tender, sum(r.amount) AS amount FROM refunds r JOIN payments p ON p.id = r.payment_id
    WHERE r.created_at > ? AND r.created_at <= ? GROUP BY p.tender`).all(...window) as { tender: TenderType; amount: number }[];
  const tenders = new Map<TenderType, TenderFigure>();
  for (const t of taken) tenders.set(t.tender, { tender: t.tender, count: t.n, amount: asCents(t.amount), tips: asCents(t.tips), refunded: asCents(0) });
  for (const r of given) {
    const seen = tenders.get(r.tender);
    tenders.set(r.tender, { tender: r.tender, count: seen?.count ?? 0, amount: asCents(seen?.amount), tips: asCents(seen?.tips), refunded: asCents(r.amount) });
  }
  return [...tenders.values()].sort((a, b) => a.tender.localeCompare(b.tender));
}

function cashFigure(db: Database.Database, window: readonly [string, string], tenders: readonly TenderFigure[]): CashFigure {
  const sessions = db.prepare(`SELECT count(*) AS n, coalesce(sum(float), 0) AS opening, sum(counted) AS counted,
    sum(over_short) AS overShort, sum(status = 'closed') AS closed FROM drawer_sessions WHERE opened_at > ? AND opened_at <= ?`)
    .get(...window) as { n: number; opening: number; counted: number | null; overShort: number | null; closed: number | null };
  const moves = db.prepare(`SELECT m.kind AS kind, coalesce(sum(m.amount), 0) AS amount FROM drawer_movements m
    JOIN drawer_sessions s ON s.id = m.session_id WHERE s.opened_at > ? AND s.opened_at <= ? GROUP BY m.kind`).all(...window) as { kind: string; amount: number }[];
  const moved = (kind: string): number => moves.find((m) => m.kind === kind)?.amount ?? 0;
  const cash = tenders.find((t) => t.tender === 'cash');
  const cashIn = (cash?.amount ?? 0) + (cash?.tips ?? 0) - (cash?.refunded ?? 0);
  const noSales = (db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'drawer.open' AND at > ? AND at <= ?").get(...window) as { n: number }).n;
  const expected = sessions.opening + moved('sale') - moved('refund') + moved('pay_in') - moved('pay_out') - moved('drop');
  return {
    opening: asCents(sessions.opening),
    cashSales: asCents(moved('sale')),
    cashRefunds: asCents(moved('refund')),
    payIns: asCents(moved('pay_in')),
    payOuts: asCents(moved('pay_out')),
    drops: asCents(moved('drop')),
    expected: asCents(expected),
    counted: sessions.closed ? asCents(sessions.counted) : null,
    overShort: sessions.closed ? asCents(sessions.overShort) : null,
    outsideSessions: asCents(cashIn - (moved('sale') - moved('refund'))),
    sessions: sessions.n,
    noSales,
  };
}
