/**
 * The floor plan (sections and tables a manager edits), promo codes and the store's check
 * settings (large-party service charge, cash rounding, tip suggestions), plus the demo floor.
 */
import { and, eq, ne } from 'drizzle-orm';
import { BrigadeError, checkCashIncrement, normalisePromoCode } from '@brigade/sync/model';
import { checkSettings, floorSections, floorTables, promoCodes } from '@brigade/sync/schema/sqlite';
import { defineCommand } from '../command-registry';
import type { Orm } from '../store-context';

export const floorSaveSection = defineCommand({
  name: 'floor.saveSection',
  roles: ['pos'],
  needsStaff: true,
  needsManager: true,
  run(tx, _ctx, args) {
    const values = { name: args.name, sortOrder: args.sortOrder, updatedAt: tx.now };
    tx.orm.insert(floorSections).values({ id: args.sectionId, ...values }).onConflictDoUpdate({ target: floorSections.id, set: values }).run();
    tx.audit('floor.saveSection', { detail: { sectionId: args.sectionId, name: args.name } });
    return { floor: readFloorPlan(tx.orm) };
  },
});

export const floorSaveTable = defineCommand({
  name: 'floor.saveTable',
  roles: ['pos'],
  needsStaff: true,
  needsManager: true,
  run(tx, _ctx, args) {
    if (!tx.orm.select({ id: floorSections.id }).from(floorSections).where(eq(floorSections.id, args.sectionId)).get()) {
      throw new BrigadeError('SECTION_NOT_FOUND', undefined, { sectionId: args.sectionId });
    }
    const label = args.label.trim();
    if (label === '') throw new BrigadeError('VALIDATION_FAILED', 'A table needs a name.', { field: 'label' });
    const clash = tx.orm.select({ id: floorTables.id }).from(floorTables)
      .where(and(eq(floorTables.label, label), eq(floorTables.active, true), ne(floorTables.id, args.tableId))).get();
    if (args.active && clash) throw new BrigadeError('TABLE_LABEL_TAKEN', undefined, { label });
    const values = { sectionId: args.sectionId, label, seats: args.seats, x: args.x, y: args.y, shape: args.shape, active: args.active, updatedAt: tx.now };
    tx.orm.insert(floorTables).values({ id: args.tableId, ...values }).onConflictDoUpdate({ target: floorTables.id, set: values }).run();
    tx.audit('floor.saveTable', { detail: { tableId: args.tableId, label, seats: args.seats, active: args.active } });
    return { floor: readFloorPlan(tx.orm) };
  },
});

export const promoSave = defineCommand({
  name: 'promo.save',
  roles: ['pos'],
  needsStaff: true,
  needsManager: true,
  run(tx, _ctx, args) {
    const code = normalisePromoCode(args.promo.code);
    if (!/^[A-Z0-9_-]{1,40}$/.test(code)) throw new BrigadeError('PROMO_CODE_INVALID', 'A promo code is letters, digits, - and _.', { code });
    const { startsAt, expiresAt } = args.promo;
    if (startsAt !== undefined && expiresAt !== undefined && Date.parse(expiresAt) <= Date.parse(startsAt)) {
      throw new BrigadeError('VALIDATION_FAILED', 'A promo code must end after it starts.', { field: 'expiresAt' });
    }
    const values = { definition: JSON.stringify({ ...args.promo, code }), active: args.active, updatedAt: tx.now };
    tx.orm.insert(promoCodes).values({ code, ...values }).onConflictDoUpdate({ target: promoCodes.code, set: values }).run();
    tx.audit('promo.save', { detail: { code, active: args.active } });
    return { code };
  },
});

export const checkSettingsSave = defineCommand({
  name: 'checkSettings.save',
  roles: ['pos'],
  needsStaff: true,
  needsManager: true,
  run(tx, ctx, args) {
    checkCashIncrement(args.cashIncrement);
    const rates = ctx.store.menuIndex().taxRates;
    const missing = args.serviceCharge?.taxRateIds.find((id) => !rates.has(id as never));
    if (missing !== undefined) throw new BrigadeError('VALIDATION_FAILED', 'The service charge names a tax rate the menu does not have.', { taxRateId: missing });
    const values = {
      serviceCharge: args.serviceCharge ? JSON.stringify(args.serviceCharge) : null, cashIncrement: args.cashIncrement,
      tipSuggestions: JSON.stringify(args.tipSuggestions), updatedAt: tx.now,
    };
    tx.orm.insert(checkSettings).values({ id: 'current', ...values }).onConflictDoUpdate({ target: checkSettings.id, set: values }).run();
    tx.audit('checkSettings.save', { detail: { serviceCharge: args.serviceCharge?.name ?? null, cashIncrement: args.cashIncrement } });
    return { saved: true };
  },
});

export interface FloorPlan {
  readonly sections: readonly (typeof floorSections.$inferSelect)[];
  readonly tables: readonly (typeof floorTables.$inferSelect)[];
}

export function readFloorPlan(orm: Orm): FloorPlan {
  return {
    sections: orm.select().from(floorSections).orderBy(floorSections.sortOrder, floorSections.name).all(),
    tables: orm.select().from(floorTables).where(eq(floorTables.active, true)).orderBy(floorTables.label).all(),
  };
}

/** The demo restaurant: a dining room of eight tables and a bar of four stools' worth of tables. */
export function seedDemoFloor(orm: Orm, now: string): void {
  if (orm.select({ id: floorSections.id }).from(floorSections).get()) return;
  orm.insert(floorSections).values([
    { id: 'dining', name: 'Dining room', sortOrder: 1, updatedAt: now },
    { id: 'bar', name: 'Bar', sortOrder: 2, updatedAt: now },
  ]).run();
  const dining = [2, 2, 4, 4, 4, 6, 6, 8].map((seats, i) => ({
    id: `t${i + 1}`, sectionId: 'dining', label: String(i + 1), seats, x: 10 + (i % 4) * 22, y: 15 + Math.floor(i / 4) * 40,
    shape: seats > 4 ? ('square' as const) : ('round' as const), active: true, updatedAt: now,
  }));
  const bar = [1, 2, 3, 4].map((n) => ({
    id: `b${n}`, sectionId: 'bar', label: `Bar ${n}`, seats: 2, x: 10 + (n - 1) * 22, y: 20, shape: 'round' as const, active: true, updatedAt: now,
  }));
  orm.insert(floorTables).values([...dining, ...bar]).run();
}
