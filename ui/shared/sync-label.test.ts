import { describe, expect, it } from 'vitest';
import type { SyncStatus } from './hub-types';
import { syncLabel } from './sync-label';

const status = (over: Partial<SyncStatus>): SyncStatus => ({ online: false, waiting: 0, oldestAgeSeconds: null, cloud: 'offline', message: null, ...over });

describe('the sync part of the connection badge', () => {
  it('says nothing when the store has no cloud', () => {
    expect(syncLabel(status({ cloud: 'none', waiting: 3, oldestAgeSeconds: 400 }))).toBeNull();
    expect(syncLabel(null)).toBeNull();
  });

  it('counts the changes waiting and the age of the oldest in whole minutes while offline', () => {
    expect(syncLabel(status({ waiting: 3, oldestAgeSeconds: 125 }))?.text).toBe('offline — 3 changes waiting, oldest 2 min');
    expect(syncLabel(status({ waiting: 1, oldestAgeSeconds: 20 }))?.text).toBe('offline — 1 change waiting, oldest under 1 min');
    expect(syncLabel(status({ waiting: 0 }))?.text).toBe('offline — nothing waiting');
  });

  it('keeps the age counting between two readings', () => {
    expect(syncLabel(status({ waiting: 2, oldestAgeSeconds: 50 }), 75)?.text).toBe('offline — 2 changes waiting, oldest 2 min');
  });

  it('says synced when the outbox is empty and online while it drains', () => {
    expect(syncLabel(status({ cloud: 'online', online: true }))).toMatchObject({ text: 'synced', tone: 'ok' });
    expect(syncLabel(status({ cloud: 'online', online: true, waiting: 4, oldestAgeSeconds: 3 }))).toMatchObject({ text: 'online — 4 changes waiting', tone: 'busy' });
  });

  it('asks for a new enrolment when the cloud revoked the store, and passes on the reason', () => {
    const label = syncLabel(status({ cloud: 'revoked', waiting: 2, message: 'Re-enrol it with a new code.' }));
    expect(label).toMatchObject({ text: 'this store was disconnected from the cloud, re-enrol', tone: 'alert', detail: 'Re-enrol it with a new code.' });
    expect(syncLabel(status({ cloud: 'not-enrolled', message: 'set the code' }))).toMatchObject({ tone: 'alert', detail: 'set the code' });
  });

  it('falls back to the online flag from a hub that does not report the link', () => {
    expect(syncLabel({ online: true, waiting: 0, oldestAgeSeconds: null })?.text).toBe('synced');
    expect(syncLabel({ online: false, waiting: 2, oldestAgeSeconds: 61 })?.text).toBe('offline — 2 changes waiting, oldest 1 min');
  });
});
