/**
 * Owner API for menus. Every edit is one transaction: lock the menu row, apply, check the
 * whole menu, store it with version + 1, and rewrite the rows of every store it is assigned
 * to, so the edit reaches each store's menu shapes together or not at all.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { BrigadeError, type CategoryId, type Daypart, type ItemId, type Menu, type MenuItem, type ModifierGroup, type ModifierGroupId, type ModifierOptionId, type StationId, type TaxRateId, newId } from '@brigade/sync/model';
import { CloudError } from '@brigade/sync/protocol';
import { menus, stores } from '@brigade/sync/schema/pg';
import { type SignedInUser, requireUser } from '../auth/sessions';
import type { CloudContext } from '../context';
import { requireMenu } from '../stores/store-access';
import { materialiseMenu } from './menu-materialise';
import { type ItemPatch, applyItemPatch } from './menu-item-patch';
import { CreateGroupBody, CreateItemBody, ItemParams, ItemPatchSchema, MenuParams, ReplaceDaypartsBody, ReplaceMenuBody } from './menu-schemas';
import { validateMenu } from './menu-validate';

/** A whole menu of 2,000 items with modifiers fits; anything bigger is refused before parsing. */
export const MENU_BODY_LIMIT = 2 * 1024 * 1024;

type ItemInput = Omit<MenuItem, 'id' | 'categoryId' | 'taxRateIds' | 'stationId' | 'modifierGroupIds'> & {
  id?: string; categoryId: string; taxRateIds: string[]; stationId: string; modifierGroupIds: string[];
};
type GroupInput = {
  id?: string; name: string; min: number; max: number; kind?: 'variant' | 'modifier';
  options: { id?: string; name: string; priceDelta: number; isDefault?: boolean; childGroupIds?: string[] }[];
};

export async function editMenu(ctx: CloudContext, user: SignedInUser, menuId: string, expectedVersion: number | undefined, change: (menu: Menu) => Menu): Promise<{ menu: Menu; version: number }> {
  const result = await ctx.database.db.transaction(async (tx) => {
    const row = await requireMenu(tx, user, menuId, true);
    if (expectedVersion !== undefined && expectedVersion !== row.version) throw new CloudError('MENU_VERSION_CONFLICT', undefined, { version: row.version });
    const next = change(row.document as Menu);
    validateMenu(next);
    const version = row.version + 1;
    await tx.update(menus).set({ document: next, version, updatedAt: sql`now()` }).where(eq(menus.id, row.id));
    const assigned = await tx.select({ id: stores.id }).from(stores).where(and(eq(stores.menuId, row.id), eq(stores.organisationId, user.organisationId)));
    await materialiseMenu(tx, row.id, user.organisationId, next, assigned.map((s) => s.id));
    return { menu: next, version };
  });
  await ctx.changes.kick();
  return result;
}

export function registerMenuRoutes(app: FastifyInstance, ctx: CloudContext): void {
  const tags = ['menu'];
  const security = [{ owner: [] }];

  app.get('/api/menus/:id', { schema: { tags, security, params: MenuParams } }, async (request) => {
    const user = await requireUser(ctx, request);
    const row = await requireMenu(ctx.database.db, user, (request.params as { id: string }).id);
    return { id: row.id, name: row.name, version: row.version, menu: row.document as Menu };
  });

  app.put('/api/menus/:id', { bodyLimit: MENU_BODY_LIMIT, schema: { tags, security, params: MenuParams, body: ReplaceMenuBody } }, async (request) => {
    const user = await requireUser(ctx, request);
    const body = request.body as { version: number; menu: Menu };
    return editMenu(ctx, user, (request.params as { id: string }).id, body.version, () => body.menu);
  });

  app.post('/api/menus/:id/items', { schema: { tags, security, params: MenuParams, body: CreateItemBody } }, async (request, reply) => {
    const user = await requireUser(ctx, request);
    const body = request.body as { version?: number; item: ItemInput };
    const item: MenuItem = {
      ...body.item,
      id: (body.item.id ?? newId()) as ItemId,
      categoryId: body.item.categoryId as CategoryId,
      taxRateIds: body.item.taxRateIds as TaxRateId[],
      stationId: body.item.stationId as StationId,
      modifierGroupIds: body.item.modifierGroupIds as ModifierGroupId[],
    };
    const result = await editMenu(ctx, user, (request.params as { id: string }).id, body.version, (menu) => {
      if (menu.items.some((i) => i.id === item.id)) throw new CloudError('MENU_INVALID', 'An item with that id exists already.', { itemId: item.id });
      return { ...menu, items: [...menu.items, item] };
    });
    return reply.status(201).send({ ...result, item });
  });

  app.patch('/api/menus/:id/items/:itemId', { schema: { tags, security, params: ItemParams, body: ItemPatchSchema } }, async (request) => {
    const user = await requireUser(ctx, request);
    const { id, itemId } = request.params as { id: string; itemId: string };
    const { version, ...patch } = request.body as { version?: number } & ItemPatch;
    return editMenu(ctx, user, id, version, (menu) => {
      if (!menu.items.some((i) => i.id === itemId)) throw new BrigadeError('ITEM_UNKNOWN', undefined, { itemId });
      return { ...menu, items: menu.items.map((i) => (i.id === itemId ? applyItemPatch(i, patch) : i)) };
    });
  });

  app.put('/api/menus/:id/dayparts', { schema: { tags, security, params: MenuParams, body: ReplaceDaypartsBody } }, async (request) => {
    const user = await requireUser(ctx, request);
    const body = request.body as { version?: number; dayparts: Daypart[] };
    return editMenu(ctx, user, (request.params as { id: string }).id, body.version, (menu) => ({ ...menu, dayparts: body.dayparts }));
  });

  app.post('/api/menus/:id/modifier-groups', { schema: { tags, security, params: MenuParams, body: CreateGroupBody } }, async (request, reply) => {
    const user = await requireUser(ctx, request);
    const body = request.body as { version?: number; group: GroupInput };
    const group: ModifierGroup = {
      id: (body.group.id ?? newId()) as ModifierGroupId,
      name: body.group.name,
      min: body.group.min,
      max: body.group.max,
      ...(body.group.kind ? { kind: body.group.kind } : {}),
      options: body.group.options.map(({ childGroupIds, ...o }) => ({
        ...o, id: (o.id ?? newId()) as ModifierOptionId, priceDelta: o.priceDelta as MenuItem['price'],
        ...(childGroupIds ? { childGroupIds: childGroupIds as ModifierGroupId[] } : {}),
      })),
    };
    const result = await editMenu(ctx, user, (request.params as { id: string }).id, body.version, (menu) => {
      if (menu.modifierGroups.some((g) => g.id === group.id)) throw new CloudError('MENU_INVALID', 'A modifier group with that id exists already.', { groupId: group.id });
      return { ...menu, modifierGroups: [...menu.modifierGroups, group] };
    });
    return reply.status(201).send({ ...result, group });
  });
}
