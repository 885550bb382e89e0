/**
 * The paired screen's connection to its hub: the HTTP client, the live event socket, and
 * the connection state every screen shows in its badge.
 */
import type { HubEvent } from '@brigade/sync/model';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { HubClient } from './api-client';
import { clearDevice } from './device-store';
import type { DevicePairing } from './hub-types';
import { type ConnectionState, HubSocket } from './hub-socket';

type Listener = (event: HubEvent) => void;

/**
 * Listener sets and the staff token, kept outside React state: requests and socket callbacks
 * read them when they fire, not when a component renders.
 */
class HubChannels {
  private staffToken: string | null = null;
  private readonly events = new Set<Listener>();
  private readonly resyncs = new Set<() => void>();
  private readonly staffLost = new Set<() => void>();

  readonly subscribe = (listener: Listener): (() => void) => this.add(this.events, listener);
  readonly onResync = (listener: () => void): (() => void) => this.add(this.resyncs, listener);
  readonly onStaffSessionLost = (listener: () => void): (() => void) => this.add(this.staffLost, listener);
  readonly setStaffSession = (token: string | null): void => {
    this.staffToken = token;
  };

  get staffSession(): string | null {
    return this.staffToken;
  }

  emit(event: HubEvent): void {
    this.events.forEach((l) => l(event));
  }

  resync(): void {
    this.resyncs.forEach((l) => l());
  }

  staffSessionLost(): void {
    this.staffLost.forEach((l) => l());
  }

  private add<T>(set: Set<T>, listener: T): () => void {
    set.add(listener);
    return () => void set.delete(listener);
  }
}

interface HubContextValue {
  client: HubClient;
  device: DevicePairing;
  connection: ConnectionState;
  subscribe: (listener: Listener) => () => void;
  onResync: (listener: () => void) => () => void;
  setStaffSession: (token: string | null) => void;
  /** Tells the screen its staff session is gone (expired, signed out elsewhere). */
  onStaffSessionLost: (listener: () => void) => () => void;
}

const HubContext = createContext<HubContextValue | null>(null);

export function socketUrl(token: string, since: number | null, location: Location = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const query = new URLSearchParams({ token });
  if (since !== null) query.set('since', String(since));
  return `${scheme}//${location.host}/ws?${query.toString()}`;
}

export function HubProvider({ device, children }: { device: DevicePairing; children: ReactNode }) {
  const [channels] = useState(() => new HubChannels());
  const [connection, setConnection] = useState<ConnectionState>('connecting');

  const client = useMemo(
    () =>
      new HubClient({
        credentials: () => ({ deviceToken: device.deviceToken, staffSession: channels.staffSession }),
        onDeviceRejected: () => {
          // The manager unpaired this screen (or the hub was reset): start pairing again.
          clearDevice();
          window.location.reload();
        },
        onStaffRejected: () => channels.staffSessionLost(),
      }),
    [device.deviceToken, channels],
  );

  useEffect(() => {
    const socket = new HubSocket({
      url: (since) => socketUrl(device.deviceToken, since),
      onEvent: (event) => channels.emit(event),
      onResync: () => channels.resync(),
      onState: setConnection,
    });
    socket.start();
    return () => socket.stop();
  }, [device.deviceToken, channels]);

  const value = useMemo<HubContextValue>(
    () => ({
      client,
      device,
      connection,
      subscribe: channels.subscribe,
      onResync: channels.onResync,
      setStaffSession: channels.setStaffSession,
      onStaffSessionLost: channels.onStaffSessionLost,
    }),
    [client, device, connection, channels],
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
