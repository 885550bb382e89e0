import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HubEvent } from '@brigade/sync/model';
import { RETAINED_EVENTS } from './event-log';
import { type TestStore, actors, createOrder, openTestStore, payCash } from './test-support';

let t: TestStore;
beforeEach(() => {
  t = openTestStore();
});
afterEach(() => t.cleanup());

describe('event log for reconnecting screens', () => {
  it('returns what a screen missed, in order, and nothing when it is up to date', async () => {
    const order = await createOrder(t.store);
    const seen = t.store.lastEventSeq();
    await payCash(t.store, order);
    const missed = t.store.eventsSince(seen);
    if (missed === 'too-old') throw new Error('expected the missed events');
    expect(missed.map((e) => e.type)).toEqual(['ticket.updated', 'ticket.updated', 'order.updated']);
    expect(missed.map((e) => e.seq)).toEqual([seen + 1, seen + 2, seen + 3]);
    expect(t.store.eventsSince(t.store.lastEventSeq())).toEqual([]);
    expect(t.store.eventsSince(seen, 1)).toHaveLength(1);
    expect(t.store.topicOf(missed[0] as HubEvent)).toBe(`station:${(missed[0] as Extract<HubEvent, { type: 'ticket.updated' }>).ticket.stationId}`);
    expect(t.store.topicOf(missed[2] as HubEvent)).toBe(`order:${order.id}`);
  });

  it('keeps the last events only and asks older screens to resync', () => {
    const total = RETAINED_EVENTS + 50;
    const insert = t.store.db.transaction(() => {
      for (let i = 0; i < total - 1; i++) t.store.db.prepare("INSERT INTO hub_events (type, topic, payload, created_at) VALUES ('sync.status', 'store', '{}', '')").run();
    });
    insert();
    t.store.publish({ type: 'sync.status', waiting: 0, oldestAgeSeconds: null, online: true });
    const last = t.store.lastEventSeq();
    expect(last).toBe(total);
    expect((t.store.db.prepare('SELECT COUNT(*) AS n FROM hub_events').get() as { n: number }).n).toBe(RETAINED_EVENTS);
    expect(t.store.eventsSince(0)).toBe('too-old');
    expect(t.store.eventsSince(last - RETAINED_EVENTS - 1)).toBe('too-old');
    const window = t.store.eventsSince(last - RETAINED_EVENTS);
    expect(window === 'too-old' ? -1 : window.length).toBe(RETAINED_EVENTS);
    // A screen that saw more than this database holds (restored from a backup) must reload too.
    expect(t.store.eventsSince(last + 1)).toBe('too-old');
  });
});

describe('outbox for the sync engine', () => {
  it('hands out mutations in seq order and forgets them only once acknowledged', async () => {
    const order = await createOrder(t.store);
    await t.store.execute('item.set86', '0190a000-0000-7000-8000-0000000000dd', { itemId: 'item-fries', unavailable: true }, actors.manager);
    const all = t.store.outbox.peek(100);
    expect(all.map((m) => m.name)).toEqual(['audit.append', 'order.snapshot', 'availability.set', 'audit.append']);
    expect(all.map((m) => m.seq)).toEqual([...all.map((m) => m.seq)].sort((a, b) => a - b));
    expect(new Set(all.map((m) => m.mutationId)).size).toBe(all.length);
    expect(all[1]?.args).toMatchObject({ order: { id: order.id }, version: 1 });
    const second = all[1];
    if (!second) throw new Error('expected two mutations');
    t.store.outbox.ack(second.seq);
    expect(t.store.outbox.peek(100).map((m) => m.seq)).toEqual(all.slice(2).map((m) => m.seq));
    expect(t.store.queries.syncStatus()).toMatchObject({ waiting: 2, oldestAgeSeconds: 0, online: false });
    t.clock.advance(90_000);
    expect(t.store.queries.syncStatus().oldestAgeSeconds).toBe(90);
    t.store.setOnline(true);
    expect(t.store.queries.syncStatus().online).toBe(true);
  });

  it('bumps the epoch for a restored database, renumbering waiting mutations from 1', async () => {
    const epoch = t.store.outbox.epoch;
    await createOrder(t.store);
    await createOrder(t.store);
    const before = t.store.outbox.peek(100);
    expect(before).toHaveLength(4);
    t.store.outbox.ack(before[1]?.seq ?? 0);
    expect(t.store.outbox.startNewEpoch()).toBe(epoch + 1);
    const after = t.store.outbox.peek(100);
    expect(after.map((m) => m.seq)).toEqual([1, 2]);
    expect(after.map((m) => [m.mutationId, m.name, m.args])).toEqual(before.slice(2).map((m) => [m.mutationId, m.name, m.args]));
    await createOrder(t.store);
    expect(t.store.outbox.peek(100).map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    t.reopen();
    expect(t.store.outbox.epoch).toBe(epoch + 1);
    // A restore that lost track of the last epoch can jump straight past a floor.
    expect(t.store.outbox.startNewEpoch(1_800_000_000)).toBe(1_800_000_000);
    expect(t.store.outbox.startNewEpoch(5)).toBe(1_800_000_001);
  });

  it('gives every order snapshot the next version of that order', async () => {
    const order = await createOrder(t.store);
    await payCash(t.store, order);
    const versions = t.store.outbox.peek(100).filter((m) => m.name === 'order.snapshot').map((m) => (m.args as { version: number }).version);
    expect(versions).toEqual([1, 2]);
  });
});
