/**
 * The live event socket: `/ws?token=…&since=N`. A screen is greeted with `hello`, gets what
 * it missed after `since` (or `resync` when that is older than the store keeps), then live
 * events as commands commit. Dead sockets are found by ping/pong; a socket that cannot keep
 * up is told to resync and dropped rather than allowed to grow the hub's memory.
 */
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { Type } from 'typebox';
import type { HubControlMessage, HubEvent } from '@brigade/sync/model';
import { eventJson } from '../store/event-log';

export interface ScreenIdentity {
  readonly deviceId: string;
  readonly role: string;
  /** KDS screens: the station shown; null for expo and other screens. */
  readonly stationId: string | null;
}

export interface LiveEventSource {
  /** Who holds this device token; throws a BrigadeError (DEVICE_NOT_PAIRED, DEVICE_REVOKED) otherwise. */
  authenticate(token: string): ScreenIdentity;
  /** The seq of the newest stored event (0 when there is none). */
  currentSeq(): number;
  /** Stored events after `since`, oldest first; null when `since` is older than the retained window. */
  eventsSince(since: number): readonly HubEvent[] | null;
  /** Calls `listener` with events after they commit; returns the unsubscribe function. */
  subscribe(listener: (events: readonly HubEvent[]) => void): () => void;
}

export interface LiveEventsOptions {
  readonly source: LiveEventSource;
  /** How often sockets are pinged; one missed pong and the socket is dropped. */
  readonly heartbeatMs?: number;
  /** Bytes queued for one socket before it is told to resync and dropped. */
  readonly maxBufferedBytes?: number;
  readonly onScreenCount?: (role: string, delta: 1 | -1) => void;
}

/** Close code telling a screen to reconnect and reload over HTTP. */
export const CLOSE_RESYNC = 4000;

export function wantsEvent(screen: ScreenIdentity, event: HubEvent): boolean {
  // A kiosk is a public screen: it hears about its own orders only, and nothing of the kitchen.
  if (screen.role === 'kiosk') {
    if (event.type === 'order.updated') return event.order.deviceId === screen.deviceId;
    return event.type !== 'ticket.updated' && event.type !== 'device.pairing';
  }
  if (event.type !== 'ticket.updated') return true;
  // Only KDS screens bound to a station are filtered; expo and the POS see every ticket.
  if (screen.role !== 'kds' || screen.stationId === null) return true;
  return event.ticket.stationId === screen.stationId;
}

const WsQuery = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 512 }), since: Type.Optional(Type.Integer({ minimum: 0 })) },
  { additionalProperties: false },
);

interface Connection {
  readonly socket: WebSocket;
  readonly screen: ScreenIdentity;
  lastSent: number;
  alive: boolean;
  /** Told to resync and closing: nothing more is sent to it. */
  dropped: boolean;
}

export function registerLiveEvents(app: FastifyInstance, options: LiveEventsOptions): { closeAll(): void; count(): number } {
  const { source } = options;
  const maxBuffered = options.maxBufferedBytes ?? 1024 * 1024;
  const connections = new Set<Connection>();

  const drop = (connection: Connection, reason: string): void => {
    connection.dropped = true;
    const message: HubControlMessage = { type: 'resync', reason };
    try {
      connection.socket.send(JSON.stringify(message));
    } finally {
      connection.socket.close(CLOSE_RESYNC, reason);
    }
  };

  // One event goes to every screen that wants it: serialised once (by the store when it wrote it) and encoded
  // once, so fifty kitchen screens get the same bytes rather than fifty conversions of the text.
  const encoded = new WeakMap<HubEvent, Buffer>();
  const wire = (event: HubEvent): Buffer => {
    let bytes = encoded.get(event);
    if (!bytes) {
      bytes = Buffer.from(eventJson(event));
      encoded.set(event, bytes);
    }
    return bytes;
  };
  // Bytes are sent as a text frame: screens read events as JSON text.
  const TEXT = { binary: false } as const;

  const deliverOne = (connection: Connection, event: HubEvent): void => {
    if (connection.dropped || event.seq <= connection.lastSent) return;
    connection.lastSent = event.seq;
    if (!wantsEvent(connection.screen, event)) return;
    if (connection.socket.bufferedAmount > maxBuffered) {
      drop(connection, 'too slow');
      return;
    }
    connection.socket.send(wire(event), TEXT);
  };

  const deliver = (connection: Connection, events: readonly HubEvent[]): void => {
    for (const event of events) deliverOne(connection, event);
  };

  const unsubscribe = source.subscribe((events) => {
    // Event by event across the screens, each still in seq order: the fiftieth kitchen screen gets
    // a new ticket after fifty sends, not after the other screens' whole batches (order, tickets).
    for (const event of events) for (const connection of connections) deliverOne(connection, event);
  });

  const heartbeat = setInterval(() => {
    for (const connection of connections) {
      if (!connection.alive) {
        connection.socket.terminate();
        continue;
      }
      connection.alive = false;
      connection.socket.ping();
    }
  }, options.heartbeatMs ?? 15_000);
  heartbeat.unref();

  app.addHook('onClose', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });

  app.get(
    '/ws',
    {
      websocket: true,
      schema: { querystring: WsQuery, tags: ['live events'], summary: 'Live events (WebSocket upgrade)' },
      // Authenticate before the upgrade so a bad token is a plain HTTP 401 with the error body.
      preValidation: (request, _reply, done) => {
        const token = (request.query as { token?: unknown }).token;
        try {
          if (typeof token === 'string') request.screen = source.authenticate(token);
          done();
        } catch (error) {
          done(error as Error);
        }
      },
    },
    (socket, request) => {
      const screen = request.screen;
      if (!screen) {
        socket.close(1008, 'not authenticated');
        return;
      }
      const since = (request.query as { since?: number }).since;
      const connection: Connection = { socket, screen, lastSent: since ?? source.currentSeq(), alive: true, dropped: false };
      connections.add(connection);
      options.onScreenCount?.(screen.role, 1);
      socket.on('pong', () => {
        connection.alive = true;
      });
      socket.on('close', () => {
        connections.delete(connection);
        options.onScreenCount?.(screen.role, -1);
      });
      socket.on('message', () => {
        // Screens only listen; anything they send is ignored (commands go over HTTP).
      });
      const hello: HubControlMessage = { type: 'hello', seq: source.currentSeq(), deviceId: screen.deviceId, role: screen.role };
      socket.send(JSON.stringify(hello));
      if (since === undefined) return;
      const missed = source.eventsSince(since);
      if (missed === null) {
        const resync: HubControlMessage = { type: 'resync', reason: 'too old' };
        socket.send(JSON.stringify(resync));
        connection.lastSent = source.currentSeq();
        return;
      }
      deliver(connection, missed);
    },
  );

  return {
    closeAll() {
      for (const connection of connections) connection.socket.close(1001, 'hub shutting down');
    },
    count: () => connections.size,
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    screen?: ScreenIdentity;
  }
}
