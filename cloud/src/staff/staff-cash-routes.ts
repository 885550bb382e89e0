/**
 * Owner routes for a store's staff and cash over a range of business days (default: the
 * store's current day): drawer sessions, timesheets and Z reports. Scoped by the signed-in
 * owner's organisation; another organisation's store is not found.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { BrigadeError } from '@brigade/sync/model';
import {
  type DrawerSessionsResponse, STAFF_CASH_RANGE_MAX_DAYS, type TimesheetsResponse, type ZReportsResponse,
} from '@brigade/sync/protocol';
import { requireUser } from '../auth/sessions';
import type { CloudContext } from '../context';
import { businessDayOf } from '../reports/business-day';
import { type StoreRow, requireStore } from '../stores/store-access';
import { type DayRange, drawerSessionsOf, timesheetsOf, zReportsOf } from './staff-cash-queries';

const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const schema = {
  tags: ['owner'],
  security: [{ owner: [] }],
  params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
  querystring: Type.Object({ from: Type.Optional(Day), to: Type.Optional(Day) }, { additionalProperties: false }),
};

function validDay(day: string): boolean {
  const parsed = new Date(`${day}T00:00:00.000Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}

/** The requested days (default: the store's current business day), refused with VALIDATION_FAILED before anything is read. */
function rangeOf(request: FastifyRequest, store: StoreRow, now: Date): DayRange {
  const query = request.query as { from?: string; to?: string };
  const today = businessDayOf(now, store.timezone, store.businessDayEndsAt);
  const from = query.from ?? query.to ?? today;
  const to = query.to ?? (query.from === undefined ? today : from);
  if (!validDay(from) || !validDay(to)) throw new BrigadeError('VALIDATION_FAILED', 'That is not a date.', { from, to });
  if (from > to) throw new BrigadeError('VALIDATION_FAILED', 'The range ends before it starts.', { from, to });
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > STAFF_CASH_RANGE_MAX_DAYS) throw new BrigadeError('VALIDATION_FAILED', `At most ${STAFF_CASH_RANGE_MAX_DAYS} days at once.`, { from, to });
  return { from, to };
}

export function registerStaffCashRoutes(app: FastifyInstance, ctx: CloudContext): void {
  const scoped = async (request: FastifyRequest): Promise<{ store: StoreRow; range: DayRange }> => {
    const user = await requireUser(ctx, request);
    const store = await requireStore(ctx.database.db, user, (request.params as { id: string }).id);
    return { store, range: rangeOf(request, store, ctx.now()) };
  };

  app.get('/api/stores/:id/drawer-sessions', { schema }, async (request): Promise<DrawerSessionsResponse> => {
    const { store, range } = await scoped(request);
    return { ...range, currency: store.currency, sessions: await drawerSessionsOf(ctx.database.db, store.id, range) };
  });

  app.get('/api/stores/:id/timesheets', { schema }, async (request): Promise<TimesheetsResponse> => {
    const { store, range } = await scoped(request);
    return { ...range, currency: store.currency, rows: await timesheetsOf(ctx.database.db, store.id, range, ctx.now()) };
  });

  app.get('/api/stores/:id/z-reports', { schema }, async (request): Promise<ZReportsResponse> => {
    const { store, range } = await scoped(request);
    return { ...range, currency: store.currency, reports: await zReportsOf(ctx.database.db, store.id, range) };
  });
}
