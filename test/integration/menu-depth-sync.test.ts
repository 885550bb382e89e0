/**
 * The owner's deeper menu reaches a real edge store through the shapes: combos, nested
 * modifiers, variant groups, channel prices, dayparts, dietary tags and dining-option taxes
 * come out of the edge's menu as the owner wrote them, and an owner's daypart edit changes
 * what the store refuses.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO, type Menu, demoMenu, newId } from '@brigade/sync/model';
import { actors } from '../../edge/src/store/test-support';
import { BACKENDS } from '../../cloud/src/db/test-backends';
import { signInAs } from '../../cloud/src/testing/harness';
import { type SyncedEdge, createSyncedEdge } from '../support/synced-edge';

const byId = <T extends { id: string }>(list: readonly T[] | undefined) => [...(list ?? [])].sort((a, b) => (a.id < b.id ? -1 : 1));
const comparable = (menu: Menu) => ({
  items: byId(menu.items), modifierGroups: byId(menu.modifierGroups), dayparts: byId(menu.dayparts), categories: byId(menu.categories),
});

describe.each(BACKENDS)('deeper menu synced to the edge on %s', (kind) => {
  let synced: SyncedEdge | undefined;
  afterEach(async () => {
    await synced?.close();
    synced = undefined;
  });

  it('rebuilds the owner menu on the edge and follows a daypart edit', async () => {
    // A dining-option tax on the cloud's copy, so the edge is shown to carry that field too.
    const menu: Menu = { ...demoMenu, items: demoMenu.items.map((i) => (i.id === DEMO.burger ? { ...i, taxRateIdsByDiningOption: { eat_in: [DEMO.taxStandard] } } : i)) };
    synced = await createSyncedEdge(kind, { menu, store: { now: () => new Date('2026-01-15T09:30:00Z') } });
    const { cloud, tenant } = synced;
    const store = synced.edge.store;
    await synced.startSync();
    await expect.poll(() => store.queries.menu().menu.items.find((i) => i.id === DEMO.burger)?.taxRateIdsByDiningOption, { timeout: 20_000 }).toBeDefined();
    expect(comparable(store.queries.menu().menu)).toEqual(comparable(menu));

    const sell = () => store.execute('order.create', newId(), {
      orderId: newId(), channel: 'counter', diningOption: 'take_out', lines: [{ lineId: newId(), itemId: DEMO.breakfastMuffin, quantity: 1, modifierOptionIds: [] }],
    }, actors.cashier);
    await expect(sell()).resolves.toBeDefined(); // 09:30 UTC, the store's zone: breakfast
    const owner = await signInAs(cloud, tenant.ownerEmail, tenant.ownerPassword);
    const edit = await owner.call('PUT', `/api/menus/${tenant.menuId}/dayparts`, { dayparts: [{ id: DEMO.breakfast, name: 'Breakfast', start: '06:00', end: '09:00' }] });
    expect(edit.status).toBe(200);
    await expect.poll(() => store.queries.menu().menu.dayparts?.[0]?.end, { timeout: 20_000 }).toBe('09:00');
    await expect(sell()).rejects.toMatchObject({ code: 'ITEM_NOT_AVAILABLE_NOW' });
  });
});
