/**
 * Storage for the cloud → edge shapes. A batch of change messages and the position to
 * resume from are written in one transaction, so after a crash the edge neither misses nor
 * double-applies a change. `derive` runs inside that transaction too, so a table built from
 * the rows (the menu document) changes together with them.
 */
import { and, eq } from 'drizzle-orm';
import { crashPoint } from '@brigade/sync/engine';
import { shapePositions, shapeRows } from '@brigade/sync/schema/sqlite';
import { iso } from './clock';
import type { StoreContext } from './store-context';
import type { EdgeStore, ShapeChange } from './types';

export function createShapeStore(store: StoreContext): EdgeStore['shapes'] {
  const rows = (shape: string): Record<string, unknown>[] =>
    store.orm.select({ value: shapeRows.value }).from(shapeRows).where(eq(shapeRows.shape, shape)).orderBy(shapeRows.key).all()
      .map((r) => JSON.parse(r.value) as Record<string, unknown>);
  return {
    position: (shape) => {
      const row = store.orm.select().from(shapePositions).where(eq(shapePositions.shape, shape)).get();
      return row ? { handle: row.handle, offset: row.offset } : null;
    },
    rows,
    apply: (shape, changes, info, derive) =>
      store.sqlite.transaction(() => {
        // A reset batch is the complete new snapshot (after the cloud rotated the shape).
        if (info.reset) store.orm.delete(shapeRows).where(eq(shapeRows.shape, shape)).run();
        for (const [index, change] of changes.entries()) {
          applyChange(store, shape, change);
          // Crash tests: a batch half written must roll back whole, its resume position with it.
          if (index === 0) crashPoint('edge.mid-shape-batch');
        }
        const at = iso(store.now());
        store.orm.insert(shapePositions).values({ shape, handle: info.handle, offset: info.offset, updatedAt: at })
          .onConflictDoUpdate({ target: shapePositions.shape, set: { handle: info.handle, offset: info.offset, updatedAt: at } }).run();
        derive?.(rows(shape));
      }).immediate(),
  };
}

function applyChange(store: StoreContext, shape: string, change: ShapeChange): void {
  const where = and(eq(shapeRows.shape, shape), eq(shapeRows.key, change.key));
  const operation = change.headers.operation;
  if (operation === 'delete') {
    store.orm.delete(shapeRows).where(where).run();
    return;
  }
  // Updates may carry only the changed columns: merge them into the stored row.
  const previous = operation === 'update' ? store.orm.select({ value: shapeRows.value }).from(shapeRows).where(where).get() : undefined;
  const value = JSON.stringify({ ...(previous ? (JSON.parse(previous.value) as Record<string, unknown>) : {}), ...change.value });
  store.orm.insert(shapeRows).values({ shape, key: change.key, value }).onConflictDoUpdate({ target: [shapeRows.shape, shapeRows.key], set: { value } }).run();
}
