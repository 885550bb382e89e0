/** Adapts the store's events and device tokens to what the live event socket needs. */
import type { EdgeStore } from '../store/types';
import type { LiveEventSource } from './live-events';

export function storeEventSource(store: EdgeStore): LiveEventSource {
  return {
    authenticate(token) {
      const device = store.auth.authenticateDevice(token);
      return { deviceId: device.id, role: device.role, stationId: device.stationId };
    },
    currentSeq: () => store.lastEventSeq(),
    eventsSince(since) {
      const events = store.eventsSince(since);
      return events === 'too-old' ? null : events;
    },
    subscribe: (listener) => store.onEvents(listener),
  };
}
