import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HubEvent } from '@brigade/sync/model';
import type { PusherStatus } from '@brigade/sync/engine';
import { type TestStore, createOrder, openTestStore } from '../store/test-support';
import { syncStatusPublisher } from './sync-status-publisher';

let t: TestStore;
afterEach(() => {
  vi.useRealTimers();
  t.cleanup();
});

const round = (online: boolean): PusherStatus => ({ online, waiting: 0, oldestAgeSeconds: null, lastError: online ? null : 'fetch failed', lastPushAt: null, lastAckedSeq: 0, consecutiveFailures: online ? 0 : 1 });

function syncEvents(store: TestStore['store']): Extract<HubEvent, { type: 'sync.status' }>[] {
  const events: Extract<HubEvent, { type: 'sync.status' }>[] = [];
  store.onEvents((batch) => {
    for (const event of batch) if (event.type === 'sync.status') events.push(event);
  });
  return events;
}

describe('the sync status told to the screens', () => {
  it('is published when what a screen shows changes, not on every push round', async () => {
    t = openTestStore();
    const events = syncEvents(t.store);
    const publisher = syncStatusPublisher(t.store);
    publisher.set('offline', null);
    publisher.pushed(round(false));
    publisher.pushed(round(false));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ cloud: 'offline', online: false, waiting: 0, oldestAgeSeconds: null });

    await createOrder(t.store);
    publisher.pushed(round(false));
    expect(events).toHaveLength(2);
    const waiting = events[1]?.waiting ?? 0;
    expect(waiting).toBeGreaterThan(0);
    expect(events[1]?.oldestAgeSeconds).toBe(0);

    // Within the same minute nothing new; a minute later the age moves on.
    t.clock.advance(30_000);
    publisher.pushed(round(false));
    expect(events).toHaveLength(2);
    t.clock.advance(31_000);
    publisher.pushed(round(false));
    expect(events).toHaveLength(3);
    expect(events[2]).toMatchObject({ waiting, oldestAgeSeconds: 61 });
    expect(t.store.queries.syncStatus()).toMatchObject({ cloud: 'offline', online: false, waiting });
  });

  it('says online once the cloud answers, and keeps a revocation however the pusher fares', () => {
    t = openTestStore();
    const events = syncEvents(t.store);
    const publisher = syncStatusPublisher(t.store);
    publisher.set('offline', null);
    t.store.setOnline(true);
    publisher.pushed(round(true));
    expect(t.store.queries.syncStatus()).toMatchObject({ cloud: 'online', online: true, message: null });

    publisher.set('revoked', 'disconnected, re-enrol');
    t.store.setOnline(true);
    publisher.pushed(round(true));
    expect(t.store.queries.syncStatus()).toMatchObject({ cloud: 'revoked', online: false, message: 'disconnected, re-enrol' });
    expect(events.at(-1)).toMatchObject({ cloud: 'revoked', online: false, message: 'disconnected, re-enrol' });
  });

  it('reports no cloud until told otherwise', () => {
    t = openTestStore();
    expect(t.store.queries.syncStatus()).toMatchObject({ cloud: 'none', message: null });
  });

  it('tells the screens about changes waiting offline without a push, at most about once a second', async () => {
    t = openTestStore();
    const events = syncEvents(t.store);
    const publisher = syncStatusPublisher(t.store);
    publisher.set('offline', null);
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    await createOrder(t.store);
    publisher.refresh();
    const afterFirst = events.length;
    expect(events.at(-1)?.waiting).toBe(t.store.queries.syncStatus().waiting);
    await createOrder(t.store);
    publisher.refresh();
    publisher.refresh();
    expect(events).toHaveLength(afterFirst);
    vi.advanceTimersByTime(1_000);
    expect(events).toHaveLength(afterFirst + 1);
    expect(events.at(-1)?.waiting).toBe(t.store.queries.syncStatus().waiting);
  });
});
