/**
 * Wakes parked shape long-polls when the shape log grows. On PostgreSQL this is
 * LISTEN/NOTIFY, so every cloud process behind a load balancer wakes; PGlite lives in one
 * process, where an event emitter does the same job.
 */
import { EventEmitter } from 'node:events';
import pg from 'pg';

export const SHAPE_CHANNEL = 'brigade_shape_log';

export interface ChangeNotifier {
  /** Tells every listener (in every process) that the log grew. */
  notify(): Promise<void>;
  subscribe(listener: () => void): () => void;
  close(): Promise<void>;
}

export function emitterNotifier(): ChangeNotifier {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    notify: () => {
      emitter.emit('change');
      return Promise.resolve();
    },
    subscribe: (listener) => {
      emitter.on('change', listener);
      return () => emitter.off('change', listener);
    },
    close: () => {
      emitter.removeAllListeners();
      return Promise.resolve();
    },
  };
}

export async function postgresNotifier(url: string): Promise<ChangeNotifier> {
  const local = emitterNotifier();
  const listener = new pg.Client({ connectionString: url });
  listener.on('error', () => undefined);
  await listener.connect();
  listener.on('notification', (message) => {
    if (message.channel === SHAPE_CHANNEL) void local.notify();
  });
  await listener.query(`LISTEN ${SHAPE_CHANNEL}`);
  const sender = new pg.Client({ connectionString: url });
  sender.on('error', () => undefined);
  await sender.connect();
  return {
    notify: async () => {
      await sender.query('SELECT pg_notify($1, $2)', [SHAPE_CHANNEL, '']);
    },
    subscribe: (listener) => local.subscribe(listener),
    close: async () => {
      await local.close();
      await Promise.allSettled([listener.end(), sender.end()]);
    },
  };
}
