/** The print queue as the hub's print runner sees it: what is due, and recording each outcome. */
import { and, asc, desc, eq, lte, type SQL } from 'drizzle-orm';
import { BrigadeError } from '@brigade/sync/model';
import { printJobs } from '@brigade/sync/schema/sqlite';
import { iso } from './clock';
import type { StoreContext } from './store-context';
import type { EdgeStore, PrintJobRow, PrintPayload } from './types';

function fromRow(row: typeof printJobs.$inferSelect): PrintJobRow {
  return { ...row, payload: JSON.parse(row.payload) as PrintPayload };
}

export function createPrintJobStore(store: StoreContext): EdgeStore['printJobs'] {
  const get = (id: string): PrintJobRow => {
    const row = store.orm.select().from(printJobs).where(eq(printJobs.id, id)).get();
    if (!row) throw new BrigadeError('PRINT_JOB_NOT_FOUND', undefined, { printJobId: id });
    return fromRow(row);
  };
  return {
    nextDue: (now, limit = 20) =>
      store.orm.select().from(printJobs).where(and(eq(printJobs.status, 'queued'), lte(printJobs.nextAttemptAt, iso(now))))
        .orderBy(asc(printJobs.createdAt), asc(printJobs.id)).limit(limit).all().map(fromRow),
    mark: (id, status, fields = {}) => {
      // Only `sending` must reach the disk before the bytes go out. A later mark lost to a
      // power cut leaves the job `sending`, which the next start turns into one REPRINT: safe,
      // so those marks skip the fsync that would otherwise double a ticket's cost.
      const relaxed = status !== 'sending';
      if (relaxed) store.sqlite.pragma('synchronous = NORMAL');
      try {
        const result = store.orm.update(printJobs).set({
          status,
          updatedAt: iso(store.now()),
          ...(fields.attempts !== undefined ? { attempts: fields.attempts } : {}),
          ...(fields.printerId !== undefined ? { printerId: fields.printerId } : {}),
          ...(fields.nextAttemptAt ? { nextAttemptAt: iso(fields.nextAttemptAt) } : {}),
          ...(fields.printedAt ? { printedAt: iso(fields.printedAt) } : {}),
          ...(fields.lastError !== undefined ? { lastError: fields.lastError } : {}),
        }).where(eq(printJobs.id, id)).run();
        if (result.changes === 0) throw new BrigadeError('PRINT_JOB_NOT_FOUND', undefined, { printJobId: id });
      } finally {
        if (relaxed) store.sqlite.pragma('synchronous = FULL');
      }
    },
    get,
    list: (filter = {}) => {
      const conditions: SQL[] = [];
      if (filter.orderId) conditions.push(eq(printJobs.orderId, filter.orderId));
      if (filter.status) conditions.push(eq(printJobs.status, filter.status));
      return store.orm.select().from(printJobs).where(and(...conditions)).orderBy(desc(printJobs.createdAt), desc(printJobs.id))
        .limit(filter.limit ?? 100).all().map(fromRow);
    },
  };
}
