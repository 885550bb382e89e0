/**
 * The paired screen's connection to its hub: the HTTP client, the live event socket, and
 * the connection state every screen shows in its badge.
 */
import type { HubEvent } from '@brigade/sync/model';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { HubClient } from './api-client';
import { clearDevice } from './device-store';
import type { DevicePairing } from './hub-types';
import { type ConnectionState, HubSocket } from './hub-socket';

type Listener = (event: HubEvent) => void;

interface HubContextValue {
  client: HubClient;
  device: DevicePairing;
  connection: ConnectionState;
  subscribe: (listener: Listener) => () => void;
  onResync: (listener: () => void) => () => void;
  setStaffSession: (token: string | null) => void;
}

const HubContext = createContext<HubContextValue | null>(null);

export function socketUrl(token: string, since: number | null, location: Location = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const query = new URLSearchParams({ token });
  if (since !== null) query.set('since', String(since));
  return `${scheme}//${location.host}/ws?${query.toString()}`;
}

/** Holds the signed-in staff token outside React state: requests read it when they are sent. */
class StaffToken {
  value: string | null = null;
  set(token: string | null): void {
    this.value = token;
  }
}

export function HubProvider({ device, children }: { device: DevicePairing; children: ReactNode }) {
  const [staffToken] = useState(() => new StaffToken());
  const listeners = useRef(new Set<Listener>());
  const resyncListeners = useRef(new Set<() => void>());
  const [connection, setConnection] = useState<ConnectionState>('connecting');

  const client = useMemo(
    () =>
      new HubClient({
        credentials: () => ({ deviceToken: device.deviceToken, staffSession: staffToken.value }),
        onDeviceRejected: () => {
          // The manager unpaired this screen (or the hub was reset): start pairing again.
          clearDevice();
          window.location.reload();
        },
      }),
    [device.deviceToken, staffToken],
  );

  useEffect(() => {
    const socket = new HubSocket({
      url: (since) => socketUrl(device.deviceToken, since),
      onEvent: (event) => listeners.current.forEach((l) => l(event)),
      onResync: () => resyncListeners.current.forEach((l) => l()),
      onState: setConnection,
    });
    socket.start();
    return () => socket.stop();
  }, [device.deviceToken]);

  const subscribe = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);
  const onResync = useCallback((listener: () => void) => {
    resyncListeners.current.add(listener);
    return () => void resyncListeners.current.delete(listener);
  }, []);
  const setStaffSession = useCallback((token: string | null) => staffToken.set(token), [staffToken]);
  const value = useMemo<HubContextValue>(
    () => ({ client, device, connection, subscribe, onResync, setStaffSession }),
    [client, device, connection, subscribe, onResync, setStaffSession],
  );
  return <HubContext.Provider value={value}>{children}</HubContext.Provider>;
}

export function useHub(): HubContextValue {
  const value = useContext(HubContext);
  if (!value) throw new Error('useHub needs a HubProvider');
  return value;
}

/** Calls `handler` for every live event; the latest handler is used without resubscribing. */
export function useHubEvents(handler: Listener): void {
  const { subscribe } = useHub();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => subscribe((event) => latest.current(event)), [subscribe]);
}

/** Runs `reload` once now and again whenever the hub says the screen missed too much. */
export function useResync(reload: () => void): void {
  const { onResync } = useHub();
  const latest = useRef(reload);
  useEffect(() => {
    latest.current = reload;
  });
  useEffect(() => {
    latest.current();
    return onResync(() => latest.current());
  }, [onResync]);
}
