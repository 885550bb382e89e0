/** The outbox as the sync engine's pusher sees it: read in seq order, forget after the cloud's ack. */
import { asc, eq, lte } from 'drizzle-orm';
import type { OutboxMutation } from '@brigade/sync/protocol';
import { outbox, store as storeTable } from '@brigade/sync/schema/sqlite';
import type { StoreContext } from './store-context';
import type { EdgeStore } from './types';

export function createOutboxStore(store: StoreContext): EdgeStore['outbox'] {
  return {
    peek: (limit: number): OutboxMutation[] =>
      store.orm.select().from(outbox).orderBy(asc(outbox.seq)).limit(Math.max(0, Math.floor(limit))).all()
        .map((r) => ({ seq: r.seq, mutationId: r.mutationId, name: r.name, args: JSON.parse(r.args) as unknown, createdAt: r.createdAt }) as OutboxMutation),
    ack: (uptoSeq: number) => {
      store.orm.delete(outbox).where(lte(outbox.seq, uptoSeq)).run();
    },
    get nodeId() {
      return store.storeRow().nodeId;
    },
    get epoch() {
      return store.storeRow().epoch;
    },
    /**
     * After a restore from backup the outbox seqs restart below what the cloud has seen; a
     * new epoch tells the cloud this is a new sequence, not a replay. The cloud expects a new
     * epoch to start at seq 1, so the waiting mutations are renumbered from 1 in their order;
     * they keep their mutation ids, by which the cloud skips any it already applied.
     */
    startNewEpoch: (atLeast?: number) =>
      store.sqlite.transaction(() => {
        const row = store.storeRow();
        const waiting = store.orm.select().from(outbox).orderBy(asc(outbox.seq)).all();
        store.orm.delete(outbox).run();
        store.sqlite.prepare("DELETE FROM sqlite_sequence WHERE name = 'outbox'").run();
        for (const { seq: _seq, ...mutation } of waiting) store.orm.insert(outbox).values(mutation).run();
        const epoch = Math.max(row.epoch + 1, Number.isSafeInteger(atLeast) ? (atLeast as number) : 0);
        store.orm.update(storeTable).set({ epoch }).where(eq(storeTable.id, row.id)).run();
        return epoch;
      }).immediate(),
  };
}
