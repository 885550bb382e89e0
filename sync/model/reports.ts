/**
 * X and Z reports. Both cover the period since the last Z (the business day being traded);
 * an X is a snapshot that changes nothing, a Z closes that period, takes the next number
 * and is printed and synced. Figures are sums of the rows the commands wrote (payments,
 * refunds, drawer movements, order totals), never recomputed from prices.
 */
import type { Cents } from './money';
import type { TenderType } from './order';

export interface TenderFigure {
  readonly tender: TenderType;
  readonly count: number;
  /** Σ payment amounts (excluding tips). */
  readonly amount: Cents;
  readonly tips: Cents;
  /** Σ refunds taken back from payments of this tender in the period. */
  readonly refunded: Cents;
}

export interface TaxFigure {
  readonly taxRateId: string;
  readonly name: string;
  readonly rateBps: number;
  readonly amount: Cents;
}

export interface CashFigure {
  /** Σ floats of the drawer sessions opened in the period. */
  readonly opening: Cents;
  readonly cashSales: Cents;
  readonly cashRefunds: Cents;
  readonly payIns: Cents;
  readonly payOuts: Cents;
  readonly drops: Cents;
  /** What the drawers should hold: float + sales − refunds + pay-ins − pay-outs − drops. */
  readonly expected: Cents;
  /** Σ counts of closed sessions; null when no session was counted. */
  readonly counted: Cents | null;
  readonly overShort: Cents | null;
  /** Cash taken on terminals with no open drawer session (not in any count). */
  readonly outsideSessions: Cents;
  readonly sessions: number;
  readonly noSales: number;
}

export interface DayReport {
  readonly kind: 'x' | 'z';
  /** The Z number; null for an X. */
  readonly sequence: number | null;
  readonly businessDay: string;
  /** The period: after `from` (the previous Z, or the store's first day) up to `to`. */
  readonly from: string;
  readonly to: string;
  readonly currency: string;
  readonly orders: { readonly count: number; readonly voided: number; readonly open: number };
  /** Σ line amounts of the period's orders that were not voided, before discounts. */
  readonly gross: Cents;
  readonly discounts: Cents;
  readonly comps: Cents;
  readonly voids: { readonly count: number; readonly amount: Cents };
  readonly refunds: { readonly count: number; readonly amount: Cents };
  /** gross − discounts − comps − refunds of orders that still stand (a voided order is out of gross already). */
  readonly net: Cents;
  readonly tax: Cents;
  readonly taxes: readonly TaxFigure[];
  readonly tenders: readonly TenderFigure[];
  /** Σ of all tender amounts: what the payments took, tips excluded. */
  readonly payments: Cents;
  readonly tips: Cents;
  readonly cash: CashFigure;
  /** Changes still waiting to go up to the cloud when the report was made. */
  readonly unsynced: number;
  readonly closedBy: string | null;
}
