/**
 * `GET /v1/shape`: a compatible subset of the ElectricSQL Shape API (reference/electric-api.yaml)
 * serving per-store shapes to enrolled edges. What the official client enforces is always
 * sent: `electric-handle` and `electric-offset` on every 200, `electric-schema` (we send it on
 * live responses too), `electric-cursor` on live ones. A live 200 answers with the request's
 * handle; a stale handle gets 409 and the new handle, never a 400.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { CloudError } from '@brigade/sync/protocol';
import { authenticateStore, bearerToken } from '../auth/store-auth';
import type { CloudContext } from '../context';
import { LiveWaiters } from './live-waiters';
import { type ChangeMessage, type ShapeState, currentShape, headOffset, readLog, readSnapshot, rotateIfLong } from './shape-log';
import { shapeTableInfo } from './shape-columns';
import { parseShapeRequest } from './shape-params';
import { infoForVersion, projectMessages, requireServedVersion, shapeVersioning, versionedHandle } from './shape-versions';

const UP_TO_DATE = { headers: { control: 'up-to-date' } } as const;
type Body = (ChangeMessage | typeof UP_TO_DATE)[];

export function registerShapeRoutes(app: FastifyInstance, ctx: CloudContext): LiveWaiters {
  const waiters = new LiveWaiters(ctx.database);
  // Exposed for operations and the parked-request benchmark.
  app.decorate('shapeWaiters', waiters);
  app.addHook('onClose', () => waiters.close());

  app.get('/v1/health', { schema: { tags: ['sync'] } }, () => ({ status: 'active' }));

  app.get('/v1/shape', { schema: { tags: ['sync'], security: [{ store: [] }] } }, async (request, reply) => {
    const shape = parseShapeRequest(request.query as Record<string, string | undefined>);
    const caller = await authenticateStore(ctx.database.db, bearerToken(request));
    if (caller.storeId !== shape.storeId) throw new CloudError('STORE_MISMATCH');
    const db = ctx.database.db;
    const versioning = shapeVersioning(ctx.settings);
    // Before anything is written (currentShape may create the shape's handle).
    requireServedVersion(shape.schemaVersion, versioning);
    const info = infoForVersion(await shapeTableInfo(db, shape.table), shape.schemaVersion, versioning.since);
    // Each schema version has a handle of its own: a follower whose version changed gets must-refetch.
    const handleOf = (s: ShapeState) => versionedHandle(s.handle, shape.schemaVersion);
    let state: ShapeState = await currentShape(db, shape.table, shape.storeId);

    if (shape.offset === 'snapshot') {
      await ctx.changes.kick();
      state = await rotateIfLong(db, info, shape.storeId, state, ctx.settings.rotationFactor);
      const snapshot = await readSnapshot(db, info, shape.storeId);
      return send(reply, handleOf(state), snapshot.offset, info.schemaHeader, [...snapshot.messages, UP_TO_DATE], { live: false, cursor: null });
    }
    if (shape.handle !== handleOf(state) || (typeof shape.offset === 'number' && shape.offset < state.startOffset)) {
      return mustRefetch(reply, handleOf(state));
    }
    if (shape.offset === 'now') {
      return send(reply, handleOf(state), await headOffset(db), info.schemaHeader, [UP_TO_DATE], { live: shape.live, cursor: shape.cursor });
    }
    const after = shape.offset;
    // How far behind the follower is decides between replaying the log and a fresh snapshot (rotateIfLong).
    const follower = { after, ...(ctx.settings.replayCap ? { cap: ctx.settings.replayCap } : {}) };
    if (!shape.live) {
      state = await rotateIfLong(db, info, shape.storeId, state, ctx.settings.rotationFactor, follower);
      if (handleOf(state) !== shape.handle) return mustRefetch(reply, handleOf(state));
    }
    let page = await readLog(db, info, shape.storeId, after, await headOffset(db));
    if (shape.live && page.messages.length > 0) {
      // A stream that stayed live through a long time offline comes back with live=true: the same bound holds.
      state = await rotateIfLong(db, info, shape.storeId, state, ctx.settings.rotationFactor, follower);
      if (handleOf(state) !== shape.handle) return mustRefetch(reply, handleOf(state));
    }
    if (page.messages.length === 0 && shape.live) {
      const abort = new AbortController();
      request.raw.once('close', () => abort.abort());
      const grew = await waiters.wait(shape.table, shape.storeId, after, ctx.settings.longPollMs, abort.signal);
      if (grew) page = await readLog(db, info, shape.storeId, after, await headOffset(db));
      else page = { messages: [], lastOffset: after, complete: true };
    }
    if (page.messages.length > 0) {
      // A rotation that committed while this request ran (compaction, another follower) deleted
      // entries this page may lack; the handle is read after the page, so a gap never goes out.
      const latest = await currentShape(db, shape.table, shape.storeId);
      if (handleOf(latest) !== shape.handle) return mustRefetch(reply, handleOf(latest));
    }
    const messages = projectMessages(page.messages, info);
    const body: Body = page.complete ? [...messages, UP_TO_DATE] : messages;
    return send(reply, shape.handle, page.lastOffset, info.schemaHeader, body, { live: shape.live, cursor: shape.cursor });
  });
  return waiters;
}

function send(reply: FastifyReply, handle: string, offset: number, schema: string, body: Body, live: { live: boolean; cursor: string | null }): FastifyReply {
  reply
    .header('electric-handle', handle)
    .header('electric-offset', `${offset}_0`)
    .header('electric-schema', schema)
    .header('etag', `"${handle}:${offset}"`)
    // Responses depend on the store credential: no shared cache may keep them.
    .header('cache-control', 'private, no-store')
    .header('access-control-expose-headers', 'electric-handle, electric-offset, electric-schema, electric-cursor, electric-up-to-date');
  if (body[body.length - 1] === UP_TO_DATE) reply.header('electric-up-to-date', '');
  if (live.live) reply.header('electric-cursor', nextCursor(live.cursor));
  return reply.status(200).type('application/json').send(JSON.stringify(body));
}

function mustRefetch(reply: FastifyReply, handle: string): FastifyReply {
  return reply
    .status(409)
    .header('electric-handle', handle)
    .header('cache-control', 'private, no-store')
    .type('application/json')
    .send(JSON.stringify([{ headers: { control: 'must-refetch' } }]));
}

/** Electric's cursor is a time bucket that must change between long-polls to bust caches. */
function nextCursor(previous: string | null): string {
  const bucket = String(Math.floor(Date.now() / 20_000));
  return bucket === previous ? String(Number(bucket) + 1) : bucket;
}
