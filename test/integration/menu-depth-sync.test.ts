/**
 * The owner's deeper menu reaches a real edge store through the shapes: combos, nested
 * modifiers, variant groups, channel prices, dayparts, dietary tags and dining-option taxes
 * come out of the edge's menu as the owner wrote them, and an owner's daypart edit changes
 * what the store refuses.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO, type Menu, demoMenu, newId } from '@brigade/sync/model';
import type { Cloud } from '@brigade/cloud';
import { type EdgeSync, startEdgeSync } from '../../edge/src/sync';
import { type TestStore, actors, openTestStore } from '../../edge/src/store/test-support';
import { BACKENDS } from '../../cloud/src/db/test-backends';
import { addTenant, createTestCloud, enrolEdge, signInAs } from '../../cloud/src/testing/harness';

const byId = <T extends { id: string }>(list: readonly T[] | undefined) => [...(list ?? [])].sort((a, b) => (a.id < b.id ? -1 : 1));
const comparable = (menu: Menu) => ({
  items: byId(menu.items), modifierGroups: byId(menu.modifierGroups), dayparts: byId(menu.dayparts), categories: byId(menu.categories),
});

describe.each(BACKENDS)('deeper menu synced to the edge on %s', (kind) => {
  let cloud: Cloud | undefined;
  let edge: TestStore | undefined;
  let sync: EdgeSync | undefined;
  afterEach(async () => {
    await sync?.stop();
    edge?.cleanup();
    await cloud?.close();
    sync = undefined;
    edge = undefined;
    cloud = undefined;
  });

  it('rebuilds the owner menu on the edge and follows a daypart edit', async () => {
    cloud = await createTestCloud(kind);
    // A dining-option tax on the cloud's copy, so the edge is shown to carry that field too.
    const menu: Menu = { ...demoMenu, items: demoMenu.items.map((i) => (i.id === DEMO.burger ? { ...i, taxRateIdsByDiningOption: { eat_in: [DEMO.taxStandard] } } : i)) };
    const tenant = await addTenant(cloud, menu);
    edge = openTestStore({ now: () => new Date('2026-01-15T09:30:00Z') });
    const store = edge.store;
    const { credential } = await enrolEdge(cloud, tenant, store.outbox.nodeId);
    const url = await cloud.app.listen({ port: 0, host: '127.0.0.1' });
    sync = startEdgeSync({ store, cloudUrl: url, storeId: tenant.storeId, credential, heartbeatMs: 200 });
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
