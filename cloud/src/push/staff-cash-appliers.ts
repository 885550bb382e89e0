/**
 * `drawer.session`, `timeclock.punch` and `report.z`: the store's staff and cash facts, kept
 * per store for the owner's views. Each applier checks that the figures add up before it
 * writes (a store whose arithmetic disagrees is refused with a code and the queue goes on),
 * and each is idempotent: the newest drawer snapshot wins by version, a punch is kept once
 * (a later correction replaces its time), a Z report is stored once and never changed.
 */
import { and, eq, sql } from 'drizzle-orm';
import { CloudError, type DrawerSessionSnapshot, type PushedPunch, type PushedZReport } from '@brigade/sync/protocol';
import { drawerSessions, timePunches, zReports } from '@brigade/sync/schema/pg';
import type { Executor } from '../db/database';
import type { ApplyOutcome, ApplyScope } from './mutation-appliers';

function sumOf(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0);
}

function checkSession(s: DrawerSessionSnapshot): void {
  const c = s.cash;
  const fail = (why: string) => new CloudError('DRAWER_SESSION_INCONSISTENT', why, { sessionId: s.id });
  const expected = s.float + c.sales - c.refunds + c.payIns - c.payOuts - c.drops;
  if (s.expected !== expected) throw fail(`Expected ${s.expected} is not float + cash in − cash out (${expected}).`);
  if (new Set(s.movements.map((m) => m.id)).size !== s.movements.length) throw fail('A movement appears twice.');
  // The listed movements are all of them or the latest few: they add up to the totals, or stay within them.
  const complete = s.movements.length === c.movementCount;
  if (s.movements.length > c.movementCount) throw fail('More movements listed than counted.');
  for (const [kind, total] of [['pay_in', c.payIns], ['pay_out', c.payOuts], ['drop', c.drops]] as const) {
    const listed = sumOf(s.movements.filter((m) => m.kind === kind).map((m) => m.amount));
    if (complete ? listed !== total : listed > total) throw fail(`The ${kind.replace('_', '-')}s listed do not add up to their total.`);
  }
  if (s.status === 'closed') {
    if (s.counted === null || s.closedAt === null) throw fail('A closed session carries its count and close time.');
    if (s.overShort !== s.counted - s.expected) throw fail('Over/short is not counted − expected.');
  } else if (s.counted !== null || s.overShort !== null || s.closedAt !== null) {
    throw fail('An open session has no count yet.');
  }
}

export async function applyDrawerSession(tx: Executor, scope: ApplyScope, session: DrawerSessionSnapshot, version: number): Promise<ApplyOutcome> {
  checkSession(session);
  const values = {
    ...scope,
    id: session.id,
    version,
    deviceId: session.deviceId,
    businessDay: session.businessDay,
    status: session.status,
    openedAt: session.openedAt,
    closedAt: session.closedAt,
    float: session.float,
    expected: session.expected,
    counted: session.counted,
    overShort: session.overShort,
    document: session,
  };
  const { id: _id, organisationId: _org, storeId: _store, ...update } = values;
  // As for orders: the higher version of this store's open session wins, and a closed one is
  // final. The close also replaces an open snapshot of any version: after a restore from backup
  // the store's close may carry a version the lost timeline already used, and the counted
  // drawer is the fact the owner needs.
  const closes = session.status === 'closed';
  const written = await tx
    .insert(drawerSessions)
    .values(values)
    .onConflictDoUpdate({
      target: drawerSessions.id,
      set: { ...update, ingestedAt: sql`now()` },
      setWhere: sql`${drawerSessions.storeId} = ${scope.storeId} AND ${drawerSessions.status} = 'open' AND (${drawerSessions.version} < ${version} OR ${closes})`,
    })
    .returning({ id: drawerSessions.id });
  if (written.length > 0) return 'changed';
  const existing = (await tx.select({ storeId: drawerSessions.storeId, version: drawerSessions.version }).from(drawerSessions).where(eq(drawerSessions.id, session.id)).limit(1))[0];
  if (!existing) throw new Error(`drawer session ${session.id} neither inserted nor found`);
  if (existing.storeId !== scope.storeId) throw new CloudError('DRAWER_SESSION_OTHER_STORE', undefined, { sessionId: session.id });
  if (existing.version >= version) return 'unchanged';
  throw new CloudError('DRAWER_SESSION_CLOSED', undefined, { sessionId: session.id, version: existing.version });
}

export async function applyPunch(tx: Executor, scope: ApplyScope, punch: PushedPunch): Promise<ApplyOutcome> {
  if ((punch.originalAt === null) !== (punch.correctedAt === null)) {
    throw new CloudError('PUNCH_INCONSISTENT', 'A corrected punch carries both its original time and when it was corrected.', { punchId: punch.id });
  }
  const existing = (await tx.select().from(timePunches).where(eq(timePunches.id, punch.id)).limit(1))[0];
  if (existing && (existing.storeId !== scope.storeId || existing.staffId !== punch.staffId || existing.kind !== punch.kind)) {
    throw new CloudError('PUNCH_INCONSISTENT', undefined, { punchId: punch.id });
  }
  const values = {
    at: punch.at, businessDay: punch.businessDay, originalAt: punch.originalAt, correctedBy: punch.correctedBy,
    correctedAt: punch.correctedAt, correctionReason: punch.correctionReason, staffName: punch.staffName,
  };
  if (!existing) {
    await tx.insert(timePunches).values({ ...scope, id: punch.id, staffId: punch.staffId, kind: punch.kind, deviceId: punch.deviceId, ...values });
    return 'changed';
  }
  // The same punch again, or a correction older than the one kept: nothing to do.
  if (punch.correctedAt === null || (existing.correctedAt !== null && existing.correctedAt >= punch.correctedAt)) return 'unchanged';
  await tx.update(timePunches).set({ ...values, ingestedAt: sql`now()` }).where(eq(timePunches.id, punch.id));
  return 'changed';
}

function checkZ(z: PushedZReport): void {
  const r = z.report;
  const fail = (why: string) => new CloudError('Z_REPORT_INCONSISTENT', why, { reportId: z.id, sequence: z.sequence });
  if (r.sequence !== z.sequence || r.businessDay !== z.businessDay || r.closedBy !== z.closedBy) throw fail('The report does not match its number, day or closer.');
  if (r.net !== r.gross - r.discounts - r.comps - r.refunds.amount) throw fail('Net is not gross − discounts − comps − refunds.');
  if (r.payments !== sumOf(r.tenders.map((t) => t.amount)) || r.tips !== sumOf(r.tenders.map((t) => t.tips))) throw fail('Payments or tips are not the sum of the tenders.');
  const c = r.cash;
  if (c.expected !== c.opening + c.cashSales - c.cashRefunds + c.payIns - c.payOuts - c.drops) throw fail('Expected cash is not float + cash in − cash out.');
  if ((c.counted === null) !== (c.overShort === null) || (c.counted !== null && c.overShort !== c.counted - c.expected)) throw fail('Over/short is not counted − expected.');
  if (new Set(r.tenders.map((t) => t.tender)).size !== r.tenders.length) throw fail('A tender appears twice.');
}

export async function applyZReport(tx: Executor, scope: ApplyScope, z: PushedZReport): Promise<ApplyOutcome> {
  checkZ(z);
  const sameId = (await tx.select({ storeId: zReports.storeId, sequence: zReports.sequence }).from(zReports).where(eq(zReports.id, z.id)).limit(1))[0];
  if (sameId) {
    // Stored once: the same report re-sent changes nothing; a Z is never rewritten.
    if (sameId.storeId === scope.storeId && sameId.sequence === z.sequence) return 'unchanged';
    throw new CloudError('Z_REPORT_CONFLICT', undefined, { reportId: z.id });
  }
  const taken = await tx.select({ id: zReports.id }).from(zReports).where(and(eq(zReports.storeId, scope.storeId), eq(zReports.sequence, z.sequence))).limit(1);
  if (taken.length > 0) throw new CloudError('Z_REPORT_CONFLICT', undefined, { reportId: z.id, sequence: z.sequence });
  await tx.insert(zReports).values({
    ...scope, id: z.id, sequence: z.sequence, businessDay: z.businessDay, periodFrom: z.report.from, periodTo: z.report.to,
    closedBy: z.closedBy, closedByName: z.closedByName, currency: z.report.currency, report: z.report,
  });
  return 'changed';
}
