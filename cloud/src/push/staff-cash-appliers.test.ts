/**
 * `drawer.session`, `timeclock.punch` and `report.z` through `POST /sync/push` on both
 * backends: applied exactly once, a late older drawer snapshot changes nothing, a later punch
 * correction wins, a Z is never rewritten, and figures that do not add up are refused with a
 * code (recorded, queue moving, nothing of them written).
 */
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { OutboxMutation, PushResponse } from '@brigade/sync/protocol';
import { appliedMutations, drawerSessions, pushRejections, timePunches, zReports } from '@brigade/sync/schema/pg';
import { BACKENDS } from '../db/test-backends';
import { addTenant, enrolEdge, pushAs, tenantClouds } from '../testing/harness';
import { punch, sessionSnapshot, wire, zReport } from '../testing/staff-cash-fixtures';

describe.each(BACKENDS)('staff and cash mutations on %s', (kind) => {
  const clouds = tenantClouds(kind);

  async function setup() {
    const { cloud: c, tenant, db } = await clouds.withTenant();
    const edge = await enrolEdge(c, tenant);
    let epoch = 1;
    const push = (mutations: readonly OutboxMutation[], as = { tenant, edge }) => pushAs(c, as.tenant, as.edge, mutations, epoch);
    const nextEpoch = () => {
      epoch += 1;
    };
    const rows = async () => ({
      sessions: await db.select().from(drawerSessions),
      punches: await db.select().from(timePunches),
      zs: await db.select().from(zReports),
    });
    return { cloud: c, tenant, edge, push, nextEpoch, db, rows };
  }

  it('applies a session, a punch and a Z once, and answers a replay as duplicates', async () => {
    const { push, rows, tenant } = await setup();
    const session = sessionSnapshot({ float: 10_000, sales: 4_250, movements: [{ kind: 'pay_in', amount: 500 }, { kind: 'drop', amount: 3_000 }], counted: 11_800 });
    const clockIn = punch({ kind: 'clock_in', at: '2026-03-10T14:00:00.000Z' });
    const z = zReport({ sequence: 1, tenders: [{ tender: 'cash', count: 1, amount: 4_000, tips: 250 }], from: '2026-03-10T10:00:00.000Z', to: '2026-03-10T23:30:00.000Z' });
    const batch = [wire(1, { name: 'drawer.session', args: { session, version: 4 } }), wire(2, { name: 'timeclock.punch', args: clockIn }), wire(3, { name: 'report.z', args: z })];
    const first = await push(batch);
    expect(first.json<PushResponse>().results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    expect((await push(batch)).json<PushResponse>().results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    const stored = await rows();
    // 10000 + 4250 + 500 − 3000 = 11750 expected; counted 11800 → 50 over.
    expect(stored.sessions.map((s) => [s.storeId, s.version, s.status, s.expected, s.counted, s.overShort])).toEqual([[tenant.storeId, 4, 'closed', 11_750, 11_800, 50]]);
    expect(stored.punches.map((p) => [p.id, p.kind, p.at, p.staffName])).toEqual([[clockIn.id, 'clock_in', clockIn.at, 'Sam Server']]);
    expect(stored.zs.map((r) => [r.id, r.sequence, r.closedByName])).toEqual([[z.id, 1, 'Morgan Manager']]);
  });

  it('takes a session whose list keeps only the latest movements, with its totals whole', async () => {
    const { push, rows } = await setup();
    const full = sessionSnapshot({ float: 1_000, movements: [{ kind: 'pay_in', amount: 900 }, { kind: 'pay_in', amount: 50 }, { kind: 'drop', amount: 1_200 }] });
    // As a store with more movements than the schema lists sends it: the oldest pay-in left out of the list.
    const latest = { ...full, movements: full.movements.slice(1) };
    const results = (await push([wire(1, { name: 'drawer.session', args: { session: latest, version: 4 } })])).json<PushResponse>().results;
    expect(results.map((r) => r.code ?? r.status)).toEqual(['applied']);
    expect((await rows()).sessions.map((s) => s.expected)).toEqual([1_000 + 900 + 50 - 1_200]);
  });

  it('keeps the newest drawer snapshot when an older one arrives late, and the same facts under a new epoch once', async () => {
    const { push, rows, nextEpoch } = await setup();
    const id = 'session-late';
    const open = sessionSnapshot({ id, float: 5_000 });
    const paidIn = sessionSnapshot({ id, float: 5_000, movements: [{ kind: 'pay_in', amount: 700 }] });
    const closed = sessionSnapshot({ id, float: 5_000, movements: [{ kind: 'pay_in', amount: 700 }], counted: 5_600 });
    await push([wire(1, { name: 'drawer.session', args: { session: open, version: 1 } }), wire(2, { name: 'drawer.session', args: { session: closed, version: 3 } }), wire(3, { name: 'drawer.session', args: { session: paidIn, version: 2 } })]);
    const [stored] = (await rows()).sessions;
    expect([stored?.version, stored?.status, stored?.counted, stored?.overShort]).toEqual([3, 'closed', 5_600, -100]);
    // A restored edge re-sends the open snapshot under a new epoch: applied as a mutation, changes nothing.
    nextEpoch();
    const again = await push([wire(1, { name: 'drawer.session', args: { session: open, version: 1 } })]);
    expect(again.json<PushResponse>().results[0]?.status).toBe('applied');
    expect((await rows()).sessions.map((s) => [s.version, s.status])).toEqual([[3, 'closed']]);
  });

  it('lets the close replace an open snapshot whatever its version (a store restored from backup)', async () => {
    const { push, rows } = await setup();
    const id = 'session-restored';
    // Before the restore the store pushed a pay-in as version 2; restored, it closes the session as version 2.
    const lost = sessionSnapshot({ id, float: 3_000, movements: [{ kind: 'pay_in', amount: 900 }] });
    const closed = sessionSnapshot({ id, float: 3_000, counted: 3_050 });
    const results = (await push([wire(1, { name: 'drawer.session', args: { session: lost, version: 2 } }), wire(2, { name: 'drawer.session', args: { session: closed, version: 2 } })])).json<PushResponse>().results;
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect((await rows()).sessions.map((s) => [s.version, s.status, s.expected, s.overShort])).toEqual([[2, 'closed', 3_000, 50]]);
  });

  it('replaces a punch with a later correction, never with an older one', async () => {
    const { push, rows } = await setup();
    const first = punch({ kind: 'clock_out', at: '2026-03-10T22:00:00.000Z' });
    const corrected = { ...first, at: '2026-03-10T21:30:00.000Z', originalAt: first.at, correctedBy: 'staff-manager', correctedAt: '2026-03-11T09:00:00.000Z', correctionReason: 'left early' };
    const older = { ...corrected, at: '2026-03-10T21:00:00.000Z', correctedAt: '2026-03-11T08:00:00.000Z' };
    await push([wire(1, { name: 'timeclock.punch', args: first }), wire(2, { name: 'timeclock.punch', args: corrected }), wire(3, { name: 'timeclock.punch', args: older }), wire(4, { name: 'timeclock.punch', args: first })]);
    expect((await rows()).punches.map((p) => [p.at, p.originalAt, p.correctionReason])).toEqual([['2026-03-10T21:30:00.000Z', '2026-03-10T22:00:00.000Z', 'left early']]);
  });

  it('refuses figures that do not add up, with a code, writing nothing of them and keeping the queue moving', async () => {
    const { push, rows, db } = await setup();
    const good = sessionSnapshot({ float: 10_000, counted: 10_000 });
    const moving = sessionSnapshot({ float: 10_000, movements: [{ kind: 'pay_in', amount: 400 }, { kind: 'pay_out', amount: 300 }] });
    const z = zReport({ sequence: 1, tenders: [{ tender: 'card', count: 2, amount: 9_000, tips: 0 }], from: '2026-03-10T10:00:00.000Z', to: '2026-03-10T23:00:00.000Z' });
    const bad: [OutboxMutation['name'], unknown, string][] = [
      ['drawer.session', { session: { ...good, expected: good.expected + 1, overShort: -1 }, version: 2 }, 'DRAWER_SESSION_INCONSISTENT'],
      ['drawer.session', { session: { ...good, overShort: 5 }, version: 2 }, 'DRAWER_SESSION_INCONSISTENT'],
      ['drawer.session', { session: { ...good, counted: null, overShort: null }, version: 2 }, 'DRAWER_SESSION_INCONSISTENT'],
      ['drawer.session', { session: { ...good, status: 'open' }, version: 2 }, 'DRAWER_SESSION_INCONSISTENT'],
      ['drawer.session', { session: { ...moving, cash: { ...moving.cash, payIns: moving.cash.payIns + 100, payOuts: moving.cash.payOuts + 100 } }, version: 2 }, 'DRAWER_SESSION_INCONSISTENT'],
      ['drawer.session', { session: { ...moving, cash: { ...moving.cash, movementCount: 1 } }, version: 2 }, 'DRAWER_SESSION_INCONSISTENT'],
      ['timeclock.punch', { ...punch({ kind: 'clock_in', at: '2026-03-10T14:00:00.000Z' }), originalAt: '2026-03-10T13:00:00.000Z' }, 'PUNCH_INCONSISTENT'],
      ['report.z', { ...z, report: { ...z.report, net: z.report.net + 1 } }, 'Z_REPORT_INCONSISTENT'],
      ['report.z', { ...z, report: { ...z.report, payments: z.report.payments - 100 } }, 'Z_REPORT_INCONSISTENT'],
      ['report.z', { ...z, sequence: 2 }, 'Z_REPORT_INCONSISTENT'],
      ['report.z', { ...z, report: { ...z.report, cash: { ...z.report.cash, overShort: 1 } } }, 'Z_REPORT_INCONSISTENT'],
    ];
    const batch = bad.map(([name, args], i) => wire(i + 1, { name, args } as Pick<OutboxMutation, 'name' | 'args'>));
    const response = (await push([...batch, wire(batch.length + 1, { name: 'report.z', args: z })])).json<PushResponse>();
    expect(response.results.map((r) => r.code ?? r.status)).toEqual([...bad.map(([, , code]) => code), 'applied']);
    expect(response.lastSeq).toBe(batch.length + 1);
    const stored = await rows();
    expect([stored.sessions.length, stored.punches.length, stored.zs.map((r) => r.id)]).toEqual([0, 0, [z.id]]);
    expect((await db.select({ n: count() }).from(pushRejections))[0]?.n).toBe(bad.length);
  });

  it('never rewrites a Z or a closed session, and keeps ids to their own store', async () => {
    const { push, rows, cloud: c } = await setup();
    const z = zReport({ sequence: 1, tenders: [{ tender: 'card', count: 1, amount: 1_000, tips: 0 }], from: '2026-03-10T10:00:00.000Z', to: '2026-03-10T23:00:00.000Z' });
    const rival = zReport({ sequence: 1, tenders: [{ tender: 'card', count: 1, amount: 9_999, tips: 0 }], from: '2026-03-10T10:00:00.000Z', to: '2026-03-10T23:00:00.000Z' });
    const closed = sessionSnapshot({ id: 'session-final', float: 2_000, counted: 2_000 });
    const reopened = sessionSnapshot({ id: 'session-final', float: 2_000, movements: [{ kind: 'pay_in', amount: 100 }] });
    const results = (await push([
      wire(1, { name: 'report.z', args: z }), wire(2, { name: 'report.z', args: rival }), wire(3, { name: 'report.z', args: z }),
      wire(4, { name: 'drawer.session', args: { session: closed, version: 2 } }), wire(5, { name: 'drawer.session', args: { session: reopened, version: 5 } }),
    ])).json<PushResponse>().results;
    expect(results.map((r) => r.code ?? r.status)).toEqual(['applied', 'Z_REPORT_CONFLICT', 'applied', 'applied', 'DRAWER_SESSION_CLOSED']);
    const stored = await rows();
    expect(stored.zs.map((r) => [r.id, (r.report as { payments: number }).payments])).toEqual([[z.id, 1_000]]);
    expect(stored.sessions.map((s) => [s.version, s.status])).toEqual([[2, 'closed']]);

    // Another organisation's store pushing the same ids is refused; the first store's rows stay as they were.
    const other = await addTenant(c);
    const otherEdge = await enrolEdge(c, other);
    const p = punch({ kind: 'clock_in', at: '2026-03-10T09:00:00.000Z' });
    await push([wire(6, { name: 'timeclock.punch', args: p })]);
    const foreign = (await push(
      [wire(1, { name: 'drawer.session', args: { session: closed, version: 9 } }), wire(2, { name: 'timeclock.punch', args: p }), wire(3, { name: 'report.z', args: z })],
      { tenant: other, edge: otherEdge },
    )).json<PushResponse>().results;
    expect(foreign.map((r) => r.code)).toEqual(['DRAWER_SESSION_OTHER_STORE', 'PUNCH_INCONSISTENT', 'Z_REPORT_CONFLICT']);
    const after = await rows();
    expect(after.sessions.map((s) => [s.storeId, s.version])).toEqual([[stored.sessions[0]?.storeId, 2]]);
    expect(after.punches.every((x) => x.storeId !== other.storeId)).toBe(true);
    expect(after.zs.every((x) => x.storeId !== other.storeId)).toBe(true);
  });

  it('refuses a malformed staff and cash mutation with 400 and applies nothing of the batch', async () => {
    const { push, db } = await setup();
    const good = wire(1, { name: 'timeclock.punch', args: punch({ kind: 'clock_in', at: '2026-03-10T14:00:00.000Z' }) });
    const cases = [
      wire(2, { name: 'drawer.session', args: { session: { ...sessionSnapshot({ float: 100 }), float: -5 }, version: 1 } }),
      wire(2, { name: 'drawer.session', args: { session: sessionSnapshot({ float: 100 }), version: 0 } }),
      wire(2, { name: 'timeclock.punch', args: { ...punch({ kind: 'clock_in', at: '2026-03-10T14:00:00.000Z' }), kind: 'lunch' } } as unknown as OutboxMutation),
      wire(2, { name: 'report.z', args: { ...zReport({ sequence: 1, tenders: [], from: '2026-03-10T10:00:00.000Z', to: '2026-03-10T23:00:00.000Z' }), businessDay: 'yesterday' } }),
    ];
    for (const bad of cases) {
      const response = await push([good, bad]);
      expect(response.statusCode, bad.name).toBe(400);
      expect(response.json<{ error: { code: string } }>().error.code).toBe('VALIDATION_FAILED');
    }
    expect((await db.select({ n: count() }).from(appliedMutations))[0]?.n).toBe(0);
    expect((await db.select({ n: count() }).from(timePunches).where(eq(timePunches.id, (good.args as { id: string }).id)))[0]?.n).toBe(0);
  });
});
