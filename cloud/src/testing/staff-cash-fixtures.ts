/**
 * Staff and cash mutations for cloud tests, built the way a store states them: a drawer
 * session's expected amount and a Z's totals are summed here from the movements and tenders
 * the test chose, so a test that wants a bad one changes a figure after building it.
 */
import { type DayReport, type TenderFigure, type TenderType, newId } from '@brigade/sync/model';
import type { DrawerSessionSnapshot, OutboxMutation, PushedDrawerMovement, PushedPunch, PushedZReport } from '@brigade/sync/protocol';

export interface SessionPlan {
  readonly id?: string;
  readonly float: number;
  readonly sales?: number;
  readonly refunds?: number;
  readonly movements?: readonly Pick<PushedDrawerMovement, 'kind' | 'amount'>[];
  /** Closing count; the session stays open when absent. */
  readonly counted?: number;
  readonly businessDay?: string;
  readonly openedAt?: string;
}

export function sessionSnapshot(plan: SessionPlan): DrawerSessionSnapshot {
  const openedAt = plan.openedAt ?? '2026-03-10T15:00:00.000Z';
  const movements = (plan.movements ?? []).map((m, i) => ({
    id: newId(), kind: m.kind, amount: m.amount, reason: `${m.kind} ${i + 1}`, staffId: 'staff-manager', approvedBy: null, at: openedAt,
  }));
  const total = (kind: string) => movements.filter((m) => m.kind === kind).reduce((sum, m) => sum + m.amount, 0);
  const signed = movements.reduce((sum, m) => sum + (m.kind === 'pay_in' ? m.amount : -m.amount), 0);
  const expected = plan.float + (plan.sales ?? 0) - (plan.refunds ?? 0) + signed;
  const closed = plan.counted !== undefined;
  return {
    id: plan.id ?? newId(),
    deviceId: 'till-1',
    businessDay: plan.businessDay ?? openedAt.slice(0, 10),
    status: closed ? 'closed' : 'open',
    openedBy: 'staff-cashier',
    openedAt,
    float: plan.float,
    closedBy: closed ? 'staff-cashier' : null,
    closedAt: closed ? '2026-03-10T23:00:00.000Z' : null,
    counted: plan.counted ?? null,
    expected,
    overShort: plan.counted === undefined ? null : plan.counted - expected,
    cash: {
      sales: plan.sales ?? 0, salesCount: plan.sales ? 1 : 0, refunds: plan.refunds ?? 0, refundsCount: plan.refunds ? 1 : 0,
      payIns: total('pay_in'), payOuts: total('pay_out'), drops: total('drop'), movementCount: movements.length,
    },
    movements,
    noSales: [],
    names: { 'staff-cashier': 'Casey Cashier', 'staff-manager': 'Morgan Manager' },
  };
}

export function punch(overrides: Partial<PushedPunch> & Pick<PushedPunch, 'kind' | 'at'>): PushedPunch {
  return {
    id: newId(), staffId: 'staff-server', staffName: 'Sam Server', businessDay: overrides.at.slice(0, 10), deviceId: 'till-1',
    originalAt: null, correctedBy: null, correctedAt: null, correctionReason: null, ...overrides,
  };
}

export function zReport(plan: { sequence: number; tenders: readonly { tender: TenderType; count: number; amount: number; tips: number }[]; from: string; to: string; businessDay?: string; counted?: number | null }): PushedZReport {
  const tenders = plan.tenders.map((t) => ({ ...t, refunded: 0 })) as TenderFigure[];
  const payments = tenders.reduce((sum, t) => sum + t.amount, 0);
  const cashSales = tenders.filter((t) => t.tender === 'cash').reduce((sum, t) => sum + t.amount + t.tips, 0);
  const expected = 10_000 + cashSales;
  const counted = plan.counted === undefined ? expected : plan.counted;
  const businessDay = plan.businessDay ?? plan.to.slice(0, 10);
  const report = {
    kind: 'z', sequence: plan.sequence, businessDay, from: plan.from, to: plan.to, currency: 'USD',
    orders: { count: 1, voided: 0, open: 0 }, gross: payments, discounts: 0, comps: 0, voids: { count: 0, amount: 0 }, refunds: { count: 0, amount: 0 },
    net: payments, tax: 0, taxes: [], tenders, payments, tips: tenders.reduce((sum, t) => sum + t.tips, 0),
    cash: {
      opening: 10_000, cashSales, cashRefunds: 0, payIns: 0, payOuts: 0, drops: 0, expected, counted, overShort: counted === null ? null : counted - expected,
      outsideSessions: 0, sessions: 1, noSales: 0,
    },
    unsynced: 0, closedBy: 'staff-manager',
  } as unknown as DayReport;
  return { id: newId(), sequence: plan.sequence, businessDay, closedBy: 'staff-manager', closedByName: 'Morgan Manager', report };
}

let createdAt = Date.parse('2026-03-10T12:00:00.000Z');

export function wire(seq: number, mutation: Pick<OutboxMutation, 'name' | 'args'>): OutboxMutation {
  createdAt += 1000;
  return { seq, mutationId: newId(), createdAt: new Date(createdAt).toISOString(), ...mutation };
}
