/** Owner API for QR tables: create, rotate (old codes stop working), printable QR as SVG or PNG. */
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import QRCode from 'qrcode';
import { Type } from 'typebox';
import { BrigadeError, newId } from '@brigade/sync/model';
import { diningTables } from '@brigade/sync/schema/pg';
import { requireUser } from '../auth/sessions';
import type { CloudContext } from '../context';
import { requireStore } from '../stores/store-access';
import { signTableToken } from './table-tokens';

const StoreParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const TableParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), tableId: Type.String({ minLength: 1, maxLength: 64 }) });
const QrParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), tableId: Type.String({ minLength: 1, maxLength: 64 }), format: Type.Union([Type.Literal('svg'), Type.Literal('png')]) });

export function registerTableRoutes(app: FastifyInstance, ctx: CloudContext): void {
  const db = ctx.database.db;
  const tags = ['owner'];
  const security = [{ owner: [] }];
  const tableOf = async (storeId: string, tableId: string) => {
    const row = (await db.select().from(diningTables).where(and(eq(diningTables.id, tableId), eq(diningTables.storeId, storeId))).limit(1))[0];
    if (!row) throw new BrigadeError('NOT_FOUND');
    return row;
  };
  const view = (row: typeof diningTables.$inferSelect) => {
    const token = signTableToken(ctx.settings.tableTokenSecret, row.storeId, row.id, row.tokenVersion);
    return { id: row.id, label: row.label, version: row.tokenVersion, token, url: `${ctx.settings.publicUrl}/order/#store=${row.storeId}&table=${token}` };
  };

  app.get('/api/stores/:id/tables', { schema: { tags, security, params: StoreParams } }, async (request) => {
    const user = await requireUser(ctx, request);
    const store = await requireStore(db, user, (request.params as { id: string }).id);
    const rows = await db.select().from(diningTables).where(eq(diningTables.storeId, store.id)).orderBy(diningTables.label);
    return { tables: rows.map(view) };
  });

  app.post('/api/stores/:id/tables', { schema: { tags, security, params: StoreParams, body: Type.Object({ label: Type.String({ minLength: 1, maxLength: 20 }) }, { additionalProperties: false }) } }, async (request, reply) => {
    const user = await requireUser(ctx, request);
    const store = await requireStore(db, user, (request.params as { id: string }).id);
    const inserted = await db
      .insert(diningTables)
      .values({ id: newId(), organisationId: user.organisationId, storeId: store.id, label: (request.body as { label: string }).label })
      .onConflictDoNothing()
      .returning();
    if (!inserted[0]) return reply.status(409).send({ error: { code: 'VALIDATION_FAILED', message: 'A table with that label exists already.' } });
    return reply.status(201).send({ table: view(inserted[0]) });
  });

  app.post('/api/stores/:id/tables/:tableId/rotate', { schema: { tags, security, params: TableParams } }, async (request) => {
    const user = await requireUser(ctx, request);
    const { id, tableId } = request.params as { id: string; tableId: string };
    const store = await requireStore(db, user, id);
    await tableOf(store.id, tableId);
    const updated = await db.update(diningTables).set({ tokenVersion: sql`${diningTables.tokenVersion} + 1` }).where(eq(diningTables.id, tableId)).returning();
    return { table: view(updated[0] ?? (await tableOf(store.id, tableId))) };
  });

  app.get('/api/stores/:id/tables/:tableId/qr.:format', { schema: { tags, security, params: QrParams } }, async (request, reply) => {
    const user = await requireUser(ctx, request);
    const { id, tableId, format } = request.params as { id: string; tableId: string; format: 'svg' | 'png' };
    const store = await requireStore(db, user, id);
    const { url } = view(await tableOf(store.id, tableId));
    if (format === 'svg') return reply.type('image/svg+xml').send(await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }));
    return reply.type('image/png').send(await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 512 }));
  });
}
