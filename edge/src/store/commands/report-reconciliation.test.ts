/**
 * A Z report reconciles to the cent with the payments of a day of generated orders: cash,
 * card and split tenders, tips, refunds, voided lines and voided orders, on a till with a
 * drawer session and one without. Every expectation is summed from the rows the commands
 * wrote (payments, refunds, orders, drawer sessions), never from the generator's own numbers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DayReport, type DeviceId, type Order, newId } from '@brigade/sync/model';
import { type TestStore, burgerLine, colaLine, openTestStore } from '../test-support';
import type { Actor } from '../types';
import { ROLE_PINS, expectRefusedHere, run, staffCashFingerprint, staffForEveryRole } from './staff-cash-test-kit';

type Tender = 'cash' | 'card' | 'split' | 'unpaid' | 'void';
interface PlannedOrder {
  lines: number;
  tender: Tender;
  tip: number;
  voidLine: boolean;
  refund: 'none' | 'part' | 'all';
  onSecondTill: boolean;
  minutes: number;
}

const plannedOrder: fc.Arbitrary<PlannedOrder> = fc.record({
  lines: fc.integer({ min: 1, max: 4 }),
  tender: fc.constantFrom<Tender>('cash', 'cash', 'card', 'card', 'split', 'unpaid', 'void'),
  tip: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 500 })),
  voidLine: fc.boolean(),
  refund: fc.constantFrom<PlannedOrder['refund']>('none', 'none', 'none', 'part', 'all'),
  onSecondTill: fc.boolean(),
  minutes: fc.integer({ min: 1, max: 20 }),
});

const sum = (t: TestStore, sql: string, ...params: unknown[]): number => (t.store.db.prepare(sql).get(...params) as { n: number | null }).n ?? 0;

async function ringUp(t: TestStore, plan: PlannedOrder, till: Actor): Promise<string[]> {
  const lines = Array.from({ length: plan.lines }, (_, i) => (i % 2 === 0 ? burgerLine() : colaLine()));
  const created = await run(t.store, 'order.create', { orderId: newId(), channel: 'counter', diningOption: 'take_out', lines }, till);
  let order = created.order as Order;
  if (plan.voidLine && order.lines.length > 1) {
    order = (await run(t.store, 'order.voidLine', { orderId: order.id, lineId: order.lines[0]?.lineId, reason: 'wrong item', managerPin: ROLE_PINS.manager }, till)).order as Order;
  }
  if (plan.tender === 'void') {
    await run(t.store, 'order.void', { orderId: order.id, reason: 'walked out', managerPin: ROLE_PINS.manager }, till);
    return [];
  }
  if (plan.tender === 'unpaid') return [];
  const due = order.totals.total - order.paid;
  const parts: { tender: 'cash' | 'card'; amount: number }[] = plan.tender === 'split'
    ? [{ tender: 'cash', amount: Math.floor(due / 2) }, { tender: 'card', amount: due - Math.floor(due / 2) }]
    : [{ tender: plan.tender, amount: due }];
  const paymentIds: string[] = [];
  for (const [i, part] of parts.entries()) {
    if (part.amount <= 0) continue;
    const paymentId = newId();
    const tip = i === parts.length - 1 ? plan.tip : 0;
    await run(t.store, 'payment.capture', { orderId: order.id, paymentId, tender: part.tender, amount: part.amount, ...(tip ? { tip } : {}) }, till);
    paymentIds.push(paymentId);
  }
  const refunded = paymentIds[0];
  if (plan.refund !== 'none' && refunded) {
    const paid = sum(t, 'SELECT amount AS n FROM payments WHERE id = ?', refunded);
    const amount = plan.refund === 'all' ? paid : Math.max(1, Math.floor(paid / 3));
    await run(t.store, 'payment.refund', { orderId: order.id, paymentId: refunded, amount, reason: 'complaint', managerPin: ROLE_PINS.manager }, till);
  }
  return paymentIds;
}

function tender(report: DayReport, name: string) {
  return report.tenders.find((x) => x.tender === name) ?? { count: 0, amount: 0, tips: 0, refunded: 0 };
}

describe('the Z report', () => {
  it('reconciles with the payment rows of a generated day, to the cent', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(plannedOrder, { minLength: 10, maxLength: 30 }), fc.integer({ min: -500, max: 500 }), async (day, countError) => {
        const t = openTestStore();
        try {
          const staff = staffForEveryRole(t.store);
          const tillA = staff.cashier;
          const tillB: Actor = { ...staff.bartender, deviceId: newId<DeviceId>() };
          const { sessionId } = await run(t.store, 'drawer.openSession', { sessionId: newId(), denominations: [{ value: 1000, count: 10 }, { value: 100, count: 20 }] }, tillA) as { sessionId: string };
          await run(t.store, 'drawer.payOut', { movementId: newId(), amount: 250, reason: 'window cleaner' }, staff.manager);
          const tillAPayments: string[] = [];
          for (const plan of day) {
            t.clock.advance(plan.minutes * 60_000);
            const ids = await ringUp(t, plan, plan.onSecondTill ? tillB : tillA);
            if (!plan.onSecondTill) tillAPayments.push(...ids);
          }
          // Nothing may close the day while a drawer is uncounted.
          await expectRefusedHere(t.store, 'DRAWERS_STILL_OPEN', 'report.closeDay', { reportId: newId() }, staff.manager);
          const expectedInDrawer = t.store.staffCash.drawerSession(tillA.deviceId as string, { showExpected: true })?.expected ?? 0;
          await run(t.store, 'drawer.closeSession', { sessionId, amount: expectedInDrawer + countError }, tillA);
          t.clock.advance(60_000);

          // An X report is a look, not a write.
          const before = staffCashFingerprint(t.store);
          const x = t.store.staffCash.xReport();
          expect(staffCashFingerprint(t.store)).toEqual(before);
          const { report } = await run(t.store, 'report.closeDay', { reportId: newId() }, staff.manager) as { report: DayReport };

          // Tenders: the sums of the payment rows, tender by tender.
          for (const name of ['cash', 'card']) {
            expect(tender(report, name).amount).toBe(sum(t, 'SELECT sum(amount) AS n FROM payments WHERE tender = ?', name));
            expect(tender(report, name).tips).toBe(sum(t, 'SELECT sum(tip) AS n FROM payments WHERE tender = ?', name));
            expect(tender(report, name).count).toBe(sum(t, 'SELECT count(*) AS n FROM payments WHERE tender = ?', name));
            expect(tender(report, name).refunded).toBe(sum(t, 'SELECT sum(r.amount) AS n FROM refunds r JOIN payments p ON p.id = r.payment_id WHERE p.tender = ?', name));
          }
          expect(report.payments).toBe(sum(t, 'SELECT sum(amount) AS n FROM payments'));
          expect(report.tips).toBe(sum(t, 'SELECT sum(tip) AS n FROM payments'));
          expect(report.refunds).toEqual({ count: sum(t, 'SELECT count(*) AS n FROM refunds'), amount: sum(t, 'SELECT sum(amount) AS n FROM refunds') });
          // Money taken less money given back is what the orders say they were paid.
          expect(report.payments - report.refunds.amount).toBe(sum(t, 'SELECT sum(paid) - sum(refunded) AS n FROM orders'));

          // Sales: from the orders' stored totals.
          const standing = "status NOT IN ('voided', 'cancelled')";
          expect(report.gross).toBe(sum(t, `SELECT sum(json_extract(totals, '$.subtotal')) AS n FROM orders WHERE ${standing}`));
          expect(report.tax).toBe(sum(t, `SELECT sum(json_extract(totals, '$.tax')) AS n FROM orders WHERE ${standing}`));
          const standingRefunds = sum(t, "SELECT sum(r.amount) AS n FROM refunds r JOIN orders o ON o.id = r.order_id WHERE o.status NOT IN ('voided', 'cancelled')");
          expect(report.net).toBe(report.gross - report.discounts - report.comps - standingRefunds);
          expect(report.orders.count).toBe(sum(t, `SELECT count(*) AS n FROM orders WHERE ${standing}`));
          expect(report.voids.count).toBe(sum(t, "SELECT count(*) AS n FROM orders WHERE status = 'voided'") +
            sum(t, `SELECT count(*) AS n FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.voided = 1 AND o.${standing}`));

          // Cash: the float and movements of the session, the cash rows of the till, the count.
          const list = tillAPayments.map(() => '?').join(',') || "''";
          const tillCash = sum(t, `SELECT sum(amount + tip) AS n FROM payments WHERE tender = 'cash' AND id IN (${list})`, ...tillAPayments);
          const tillRefunds = sum(t, `SELECT sum(r.amount) AS n FROM refunds r JOIN payments p ON p.id = r.payment_id WHERE p.tender = 'cash' AND p.id IN (${list})`, ...tillAPayments);
          const float = sum(t, 'SELECT float AS n FROM drawer_sessions WHERE id = ?', sessionId);
          expect(float).toBe(12_000);
          expect(report.cash.expected).toBe(float + tillCash - tillRefunds - 250);
          expect(report.cash.counted).toBe(report.cash.expected + countError);
          expect(report.cash.overShort).toBe(countError);
          const allCash = sum(t, "SELECT sum(amount + tip) AS n FROM payments WHERE tender = 'cash'") -
            sum(t, "SELECT sum(r.amount) AS n FROM refunds r JOIN payments p ON p.id = r.payment_id WHERE p.tender = 'cash'");
          expect(report.cash.outsideSessions).toBe(allCash - (tillCash - tillRefunds));

          // The X just before said the same; the Z is numbered, stored, printed and synced.
          expect({ ...x, kind: 'z', sequence: 1, closedBy: report.closedBy, unsynced: report.unsynced, to: report.to }).toEqual(report);
          expect(report.sequence).toBe(1);
          const job = t.store.printJobs.list({ limit: 500 }).find((j) => j.kind === 'report');
          expect(job?.payload).toMatchObject({ kind: 'report', report: { sequence: 1, payments: report.payments } });
          expect(sum(t, "SELECT count(*) AS n FROM outbox WHERE name = 'audit.append' AND args LIKE '%report.closeDay%'")).toBe(1);
        } finally {
          t.cleanup();
        }
      }),
      { numRuns: 4 },
    );
  }, 240_000);

  it('numbers each Z, starts the next period where the last ended, and reprints with a banner', async () => {
    const t = openTestStore();
    try {
      const staff = staffForEveryRole(t.store);
      t.clock.advance(60_000);
      const commandId = newId();
      const args = { reportId: newId() };
      const first = (await t.store.execute('report.closeDay', commandId, args, staff.manager)).result as { reportId: string; report: DayReport };
      expect(first.report.payments).toBe(0);
      // A retried close (lost reply) returns the same Z and prints nothing more.
      const retried = await t.store.execute('report.closeDay', commandId, args, staff.manager);
      expect(retried.replayed).toBe(true);
      expect((retried.result as { report: DayReport }).report).toEqual(first.report);
      expect(sum(t, 'SELECT count(*) AS n FROM z_reports')).toBe(1);
      expect(sum(t, "SELECT count(*) AS n FROM print_jobs WHERE kind = 'report'")).toBe(1);
      await expectRefusedHere(t.store, 'DAY_ALREADY_CLOSED', 'report.closeDay', { reportId: newId() }, staff.manager);
      t.clock.advance(60_000);
      const created = await run(t.store, 'order.create', { orderId: newId(), channel: 'counter', diningOption: 'take_out', lines: [colaLine()] }, staff.cashier);
      const order = created.order as Order;
      await run(t.store, 'payment.capture', { orderId: order.id, paymentId: newId(), tender: 'card', amount: order.totals.total }, staff.cashier);
      t.clock.advance(60_000);
      const second = await run(t.store, 'report.closeDay', { reportId: newId() }, staff.manager) as { report: DayReport };
      expect(second.report.sequence).toBe(2);
      expect(second.report.from).toBe(first.report.to);
      expect(second.report.payments).toBe(sum(t, 'SELECT sum(amount) AS n FROM payments'));
      expect(t.store.staffCash.zReports().map((z) => z.sequence)).toEqual([2, 1]);
      expect(t.store.staffCash.xReport().payments).toBe(0);

      const reprint = await run(t.store, 'report.reprintZ', { reportId: first.reportId }, staff.manager) as { printJobId: string };
      expect(t.store.printJobs.get(reprint.printJobId)).toMatchObject({ kind: 'report', reprint: true, payload: { report: { sequence: 1 } } });
      await expectRefusedHere(t.store, 'REPORT_NOT_FOUND', 'report.reprintZ', { reportId: newId() }, staff.manager);
      await expectRefusedHere(t.store, 'VALIDATION_FAILED', 'report.closeDay', { reportId: first.reportId }, staff.manager);
      await expectRefusedHere(t.store, 'VALIDATION_FAILED', 'report.closeDay', { reportId: 'not-an-id' }, staff.manager);
      await expectRefusedHere(t.store, 'MANAGER_APPROVAL_REQUIRED', 'report.closeDay', { reportId: newId() }, staff.cashier);
      // A closed day cannot be rewritten, even by hand.
      expect(() => t.store.db.prepare('DELETE FROM z_reports').run()).toThrow(/never deleted/);
    } finally {
      t.cleanup();
    }
  });
});
