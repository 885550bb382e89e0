/**
 * The cloud's menu reaching a running store: an owner's price change arrives through the
 * shapes, the store's menu is replaced, the screens are told after the commit (menu.updated),
 * and the store's own 86s survive the replacement — they belong to the store, not the menu.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO, type HubEvent, newId } from '@brigade/sync/model';
import { actors } from '../../edge/src/store/test-support';
import { signInAs } from '../../cloud/src/testing/harness';
import { type SyncedEdge, createSyncedEdge } from '../support/synced-edge';

let synced: SyncedEdge | undefined;
afterEach(async () => {
  await synced?.close();
  synced = undefined;
});

describe('a menu change in the cloud reaching the store', () => {
  it('replaces the price, tells the screens after commit, and keeps the store\'s 86s', async () => {
    synced = await createSyncedEdge('pglite', { store: { now: () => new Date() } });
    const { cloud, tenant } = synced;
    const store = synced.edge.store;
    await synced.listen();

    await store.execute('item.set86', newId(), { itemId: DEMO.lemonade, unavailable: true }, actors.manager);
    const events: HubEvent[] = [];
    store.onEvents((batch) => events.push(...batch));
    const sync = await synced.startSync();
    await expect.poll(() => sync.status().shapes.menu_items?.upToDate, { timeout: 15_000 }).toBe(true);

    const owner = await signInAs(cloud, tenant.ownerEmail, tenant.ownerPassword);
    const before = store.queries.menu().menu.items.find((i) => i.id === DEMO.fries)?.price ?? 0;
    const price = before + 75;
    expect((await owner.call('PATCH', `/api/menus/${tenant.menuId}/items/${DEMO.fries}`, { price })).status).toBe(200);
    await expect.poll(() => store.queries.menu().menu.items.find((i) => i.id === DEMO.fries)?.price, { timeout: 15_000 }).toBe(price);

    // The event came after the new menu was readable, with the version a screen will then see.
    const updated = events.filter((e): e is Extract<HubEvent, { type: 'menu.updated' }> => e.type === 'menu.updated');
    expect(updated.length).toBeGreaterThan(0);
    const version = (store.db.prepare("SELECT version FROM menu WHERE id = 'current'").get() as { version: number }).version;
    expect(updated.at(-1)?.version).toBe(version);
    expect(store.queries.menu().unavailable).toContain(DEMO.lemonade);
  });
});
