/**
 * First start: the store row (with a fresh node id and epoch 1), and for the demo the demo
 * menu and staff from the shared model, so the demo, the cloud seed and the tests agree.
 */
import { eq } from 'drizzle-orm';
import { type Menu, demoMenu, demoStaff, newId } from '@brigade/sync/model';
import { menu as menuTable, staff, store as storeTable } from '@brigade/sync/schema/sqlite';
import { seedDemoFloor } from './commands/table-commands';
import { iso } from './clock';
import { hashPin, newSalt } from './credentials';
import { MENU_ROW_ID, type StoreContext } from './store-context';

export interface SeedSettings {
  storeName: string;
  timezone: string;
  businessDayEndHour: number;
  seedDemo: boolean;
}

const EMPTY_MENU: Menu = { currency: 'USD', taxInclusive: false, categories: [], items: [], modifierGroups: [], taxRates: [], stations: [] };

/** Returns true when this call created the store (the database was new). */
export function seedIfEmpty(store: StoreContext, settings: SeedSettings): boolean {
  return store.sqlite.transaction(() => {
    if (store.orm.select().from(storeTable).get()) return false;
    const now = iso(store.now());
    const menu = settings.seedDemo ? demoMenu : EMPTY_MENU;
    store.orm.insert(storeTable).values({
      id: newId(), name: settings.storeName, timezone: settings.timezone, businessDayEndHour: settings.businessDayEndHour,
      currency: menu.currency, nodeId: newId(), epoch: 1, createdAt: now,
    }).run();
    store.orm.insert(menuTable).values({ id: MENU_ROW_ID, document: JSON.stringify(menu), version: 1, updatedAt: now }).run();
    if (settings.seedDemo) {
      for (const person of demoStaff) {
        const salt = newSalt();
        store.orm.insert(staff).values({ id: person.id, name: person.name, role: person.role, pinHash: hashPin(person.pin, salt), pinSalt: salt, active: true, createdAt: now }).run();
      }
      seedDemoFloor(store.orm, now);
    }
    return true;
  }).immediate();
}

/** Replaces the cloud-owned menu in one statement; 86 overrides live elsewhere and survive it. */
export function replaceMenu(store: StoreContext, menu: Menu): void {
  // Whether this commits or rolls back (inside a shape batch), the parsed menu is stale.
  store.forgetMenu();
  store.sqlite.transaction(() => {
    const row = store.orm.select({ version: menuTable.version }).from(menuTable).where(eq(menuTable.id, MENU_ROW_ID)).get();
    const values = { document: JSON.stringify(menu), version: (row?.version ?? 0) + 1, updatedAt: iso(store.now()) };
    store.orm.insert(menuTable).values({ id: MENU_ROW_ID, ...values }).onConflictDoUpdate({ target: menuTable.id, set: values }).run();
    const currency = menu.currency;
    const storeRow = store.orm.select().from(storeTable).get();
    if (storeRow && storeRow.currency !== currency) store.orm.update(storeTable).set({ currency }).where(eq(storeTable.id, storeRow.id)).run();
  }).immediate();
}
