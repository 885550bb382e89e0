/**
 * The hub's inventory, gift card and loyalty reads: stock levels with low-stock alerts,
 * recipes and the movement log for the POS; a card's balance for POS and kiosk; a loyalty
 * account's points; the offline caps. Changes go through the commands.
 */
import { desc, eq, isNull } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { BrigadeError, isValidCardNumber, maskCardNumber, normaliseLoyaltyAccount } from '@brigade/sync/model';
import * as schema from '@brigade/sync/schema/sqlite';
import { accountView, readPolicy } from '../store/commands/gift-ledger';
import { levelsWithAlerts } from '../store/commands/inventory-stock';
import type { EdgeStore } from '../store/types';
import { ErrorReply } from './command-routes';
import { requireDevice } from './request-actor';

const errors = { '4xx': ErrorReply };
const security = [{ device: [] }];

export function registerInventoryRoutes(app: FastifyInstance, store: EdgeStore): void {
  const orm = drizzle(store.db, { schema });
  const pos = requireDevice(store, ['pos']);

  app.get('/api/inventory', { onRequest: pos, schema: { tags: ['inventory'], security, response: errors } }, () => {
    const recipes = orm.select().from(schema.recipeComponents).all();
    const auto = orm.select({ itemId: schema.autoUnavailable.itemId }).from(schema.autoUnavailable).where(isNull(schema.autoUnavailable.liftedAt)).all();
    return {
      ingredients: levelsWithAlerts(orm),
      recipes: recipes.map((r) => ({ targetKind: r.targetKind, targetId: r.targetId, ingredientId: r.ingredientId, quantity: r.quantity })),
      autoUnavailable: auto.map((r) => r.itemId),
    };
  });

  app.get(
    '/api/inventory/movements',
    {
      onRequest: pos,
      schema: {
        tags: ['inventory'],
        security,
        querystring: Type.Object(
          { ingredientId: Type.Optional(Type.String({ format: 'uuid', maxLength: 36 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) },
          { additionalProperties: false },
        ),
        response: errors,
      },
    },
    (request) => {
      const { ingredientId, limit } = request.query as { ingredientId?: string; limit?: number };
      const query = orm.select().from(schema.stockMoves);
      const rows = (ingredientId ? query.where(eq(schema.stockMoves.ingredientId, ingredientId)) : query)
        .orderBy(desc(schema.stockMoves.createdAt), desc(schema.stockMoves.id)).limit(limit ?? 100).all();
      return { movements: rows.map(({ commandId: _c, ...row }) => row) };
    },
  );

  app.get(
    '/api/gift-cards/:cardNumber',
    {
      onRequest: requireDevice(store, ['pos', 'kiosk']),
      schema: { tags: ['gift cards'], security, params: Type.Object({ cardNumber: Type.String({ pattern: '^[0-9]{12,19}$' }) }), response: errors },
    },
    (request) => {
      const { cardNumber } = request.params as { cardNumber: string };
      if (!isValidCardNumber(cardNumber)) throw new BrigadeError('GIFT_CARD_NUMBER_INVALID');
      const view = accountView(orm, 'gift', cardNumber);
      // A card neither this store nor the cloud's balances (ledger_balances) know has no balance here; the caps still say what may be taken.
      return { card: maskCardNumber(cardNumber), ...view, balance: view.known ? view.balance : null };
    },
  );

  app.get(
    '/api/loyalty/:account',
    {
      onRequest: pos,
      schema: { tags: ['loyalty'], security, params: Type.Object({ account: Type.String({ minLength: 7, maxLength: 24 }) }), response: errors },
    },
    (request) => {
      const account = normaliseLoyaltyAccount((request.params as { account: string }).account);
      if (account === null) throw new BrigadeError('LOYALTY_ACCOUNT_INVALID');
      const view = accountView(orm, 'loyalty', account);
      const policy = readPolicy(orm);
      return { account, points: view.balance, available: view.available, pointValue: policy.pointValue };
    },
  );

  app.get('/api/ledger/settings', { onRequest: pos, schema: { tags: ['gift cards'], security, response: errors } }, () => ({ policy: readPolicy(orm) }));
}
