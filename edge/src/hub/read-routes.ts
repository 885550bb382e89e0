/** The hub's reads: store, menu, orders, tickets, audit, devices, printers, sync status. */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { BrigadeError, type OrderStatus, type TicketStatus } from '@brigade/sync/model';
import type { EdgeStore } from '../store/types';
import { ErrorReply } from './command-routes';
import { requestDevice, requireDevice, requireManagerSession } from './request-actor';
import type { PrinterAssignment } from '../printing/printer-settings';

/** A printer as the screens see it. */
export interface PrinterStatusEntry {
  readonly id: string;
  readonly role: 'receipt' | 'kitchen' | 'expo' | 'backup';
  /** Kitchen printers and backups: their stations (empty: every station). */
  readonly stations?: readonly string[];
  readonly backupOf?: string | null;
  readonly language?: 'esc-pos' | 'star-line';
  readonly address: string;
  readonly status: string;
  readonly message: string | null;
  readonly since: string;
}

export interface PrinterStatusSource {
  statuses(): readonly PrinterStatusEntry[];
  /** The print runner takes role assignments from the hardware page; other sources do not. */
  assign?(printerId: string, assignment: PrinterAssignment, by: string | null): PrinterStatusEntry;
}

const Limit = Type.Optional(Type.Integer({ minimum: 1, maximum: 500 }));
const orderStatuses: OrderStatus[] = ['open', 'submitted', 'accepted', 'preparing', 'ready', 'completed', 'cancelled', 'voided'];
const ticketStatuses: TicketStatus[] = ['new', 'bumped'];
const errors = { '4xx': ErrorReply };

export function registerReadRoutes(app: FastifyInstance, store: EdgeStore, printers: PrinterStatusSource): void {
  const anyScreen = requireDevice(store);
  const security = [{ device: [] }];

  app.get('/api/store', { onRequest: anyScreen, schema: { tags: ['reads'], security, response: errors } }, () => store.queries.store());
  app.get('/api/menu', { onRequest: anyScreen, schema: { tags: ['reads'], security, response: errors } }, () => store.queries.menu());
  app.get('/api/sync/status', { onRequest: anyScreen, schema: { tags: ['reads'], security, response: errors } }, () => store.queries.syncStatus());

  app.get(
    '/api/orders',
    {
      onRequest: requireDevice(store, ['pos']),
      schema: {
        tags: ['reads'],
        security,
        querystring: Type.Object({ status: Type.Optional(Type.Union(orderStatuses.map((s) => Type.Literal(s)))), limit: Limit }, { additionalProperties: false }),
        response: errors,
      },
    },
    (request) => {
      const { status, limit } = request.query as { status?: OrderStatus; limit?: number };
      return { orders: store.queries.orders({ ...(status ? { status } : {}), limit: limit ?? 50 }) };
    },
  );

  app.get(
    '/api/orders/:id',
    {
      onRequest: requireDevice(store, ['pos', 'kiosk']),
      schema: { tags: ['reads'], security, params: Type.Object({ id: Type.String({ format: 'uuid', maxLength: 36 }) }), response: errors },
    },
    (request) => {
      const device = requestDevice(store, request);
      const order = store.queries.order((request.params as { id: string }).id);
      // A kiosk sees only the orders it made; to it, anyone else's order does not exist.
      if (device.role === 'kiosk' && order.deviceId !== device.id) throw new BrigadeError('ORDER_NOT_FOUND');
      return { order };
    },
  );

  app.get(
    '/api/tickets',
    {
      onRequest: requireDevice(store, ['kds', 'pos']),
      schema: {
        tags: ['reads'],
        security,
        querystring: Type.Object(
          { stationId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })), status: Type.Optional(Type.Union(ticketStatuses.map((s) => Type.Literal(s)))), limit: Limit },
          { additionalProperties: false },
        ),
        response: errors,
      },
    },
    (request) => {
      const { stationId, status, limit } = request.query as { stationId?: string; status?: TicketStatus; limit?: number };
      return { tickets: store.queries.tickets({ ...(stationId ? { stationId } : {}), ...(status ? { status } : {}), limit: limit ?? 200 }) };
    },
  );

  app.get(
    '/api/audit',
    {
      onRequest: requireDevice(store, ['pos']),
      schema: { tags: ['reads'], security: [{ device: [], staff: [] }], querystring: Type.Object({ limit: Limit }, { additionalProperties: false }), response: errors },
    },
    (request) => {
      requireManagerSession(store, request);
      return { entries: store.queries.audit((request.query as { limit?: number }).limit ?? 100) };
    },
  );

  app.get('/api/devices', { onRequest: requireDevice(store, ['pos']), schema: { tags: ['reads'], security: [{ device: [], staff: [] }], response: errors } }, (request) => {
    requireManagerSession(store, request);
    return { devices: store.queries.devices() };
  });

  // Kitchen screens too: the cooks must know their printer is out of paper.
  app.get('/api/printers', { onRequest: requireDevice(store, ['pos', 'kds']), schema: { tags: ['reads'], security, response: errors } }, () => ({ printers: printers.statuses() }));
}
