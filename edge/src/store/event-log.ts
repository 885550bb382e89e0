/**
 * The hub's event log: every event a command causes is stored with a sequence number in the
 * command's transaction, so a screen that reconnects with `since=N` gets exactly what it
 * missed. Only the newest events are kept; older `since` values get 'too-old' (resync).
 */
import type { HubEvent } from '@brigade/sync/model';
import type { StoreContext } from './store-context';
import type { NewHubEvent } from './types';

export const RETAINED_EVENTS = 10_000;

// The wire text of events a command wrote, so the live sockets send the stored payload instead of serialising again.
const wireText = new WeakMap<HubEvent, string>();

export function rememberEventJson(event: HubEvent, text: string): void {
  wireText.set(event, text);
}

/** The event as screens receive it: JSON.stringify(event), made once per event. */
export function eventJson(event: HubEvent): string {
  let text = wireText.get(event);
  if (text === undefined) {
    text = JSON.stringify(event);
    wireText.set(event, text);
  }
  return text;
}

export function topicOf(event: NewHubEvent | HubEvent): string {
  switch (event.type) {
    case 'order.updated':
      return `order:${event.order.id}`;
    case 'ticket.updated':
      return `station:${event.ticket.stationId}`;
    default:
      return 'store';
  }
}

export function lastEventSeq(store: StoreContext): number {
  // sqlite_sequence remembers the highest seq even after old rows were pruned.
  const row = store.sqlite.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'hub_events'").get() as { seq: number } | undefined;
  return row?.seq ?? 0;
}

export function pruneEvents(store: StoreContext): void {
  const last = lastEventSeq(store);
  if (last > RETAINED_EVENTS) store.sqlite.prepare('DELETE FROM hub_events WHERE seq <= ?').run(last - RETAINED_EVENTS);
}

export function eventsSince(store: StoreContext, since: number, limit = RETAINED_EVENTS): HubEvent[] | 'too-old' {
  const last = lastEventSeq(store);
  // A screen ahead of us saw a database that was since restored: it must reload.
  if (!Number.isInteger(since) || since < 0 || since > last) return 'too-old';
  if (since === last) return [];
  const oldest = store.sqlite.prepare('SELECT MIN(seq) AS seq FROM hub_events').get() as { seq: number | null };
  if (oldest.seq === null || since < oldest.seq - 1) return 'too-old';
  const rows = store.sqlite.prepare('SELECT seq, payload FROM hub_events WHERE seq > ? ORDER BY seq LIMIT ?').all(since, limit) as {
    seq: number;
    payload: string;
  }[];
  return rows.map((r) => ({ ...(JSON.parse(r.payload) as NewHubEvent), seq: r.seq }));
}

/** Stores and broadcasts one event that no command caused (printer status, pairing requests). */
export function publishEvent(store: StoreContext, event: NewHubEvent): HubEvent {
  const info = store.sqlite.prepare('INSERT INTO hub_events (type, topic, payload, created_at) VALUES (?, ?, ?, ?)')
    .run(event.type, topicOf(event), JSON.stringify(event), store.now().toISOString());
  const full = { ...event, seq: Number(info.lastInsertRowid) };
  pruneEvents(store);
  store.notify([full]);
  return full;
}
