/**
 * The edge's device manager: one drivers' `DeviceWorker` per configured scale, scanner, pole
 * display and drawer, each reconnecting with back-off on its own. Every change of a device's
 * condition is published once as a `device.status` hub event, and every scan as a
 * `scanner.scan` event, so every POS hears about both over its live socket.
 */
import {
  DeviceWorker, HidPosScanner, PoleDisplay, SerialKickDrawer, SerialScanner, TOLEDO_SERIAL, ToledoScale, parseDeviceAddress, transportFor,
  type Backoff, type DeviceAddress, type DeviceState, type ScanEvent,
} from '@brigade/drivers';
import type { Logger } from 'pino';
import type { EdgeStore } from '../store/types';
import type { DeviceConfig, DeviceKind } from './device-settings';
import { type Assignment, AssignmentFile } from './device-assignments';

export type DeviceCondition = 'ready' | 'offline' | 'error';

/** A configured device as the hardware page shows it. */
export interface DeviceStatusEntry {
  readonly id: string;
  readonly kind: DeviceKind;
  readonly address: string;
  readonly role: string | null;
  readonly stationId: string | null;
  readonly status: DeviceCondition;
  readonly message: string | null;
  readonly since: string;
  /** Drawers that report it: whether the drawer is open now (null when it could not be asked). */
  readonly drawerOpen?: boolean | null;
}

interface Managed {
  readonly config: DeviceConfig;
  readonly worker: DeviceWorker | null;
  readonly scale: ToledoScale | null;
  readonly display: PoleDisplay | null;
  readonly drawer: SerialKickDrawer | null;
  status: DeviceCondition;
  message: string | null;
  since: Date;
}

export interface DeviceManagerOptions {
  readonly store: EdgeStore;
  readonly devices: readonly DeviceConfig[];
  /** Where role and station assignments made on the hardware page are kept. */
  readonly dataDir: string;
  /** The card reader's health, for configured `payment-terminal` entries. */
  readonly readerHealth?: () => Promise<'online' | 'offline'>;
  readonly backoff?: Partial<Backoff>;
  /** How often a configured card reader's health is asked, so screens hear when it drops. */
  readonly readerPollMs?: number;
  readonly logger?: Logger;
  readonly now?: () => Date;
}

/** Scales speak Toledo 8217 at 9600 7E1 unless the address says otherwise. */
function addressFor(config: DeviceConfig): DeviceAddress {
  const address = parseDeviceAddress(config.address);
  if (config.kind !== 'scale' || address.kind !== 'serial') return address;
  const { kind: _kind, ...given } = address;
  return { kind: 'serial', ...TOLEDO_SERIAL, ...given };
}

export class DeviceManager {
  private readonly managed = new Map<string, Managed>();
  private readonly assignments: AssignmentFile;
  private readonly now: () => Date;
  private started = false;
  private readerTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: DeviceManagerOptions) {
    this.now = options.now ?? (() => new Date());
    this.assignments = new AssignmentFile(options.dataDir);
    for (const config of options.devices) this.managed.set(config.id, this.manage(config));
  }

  /** Connects every device; each keeps reconnecting until `stop`. */
  start(): void {
    if (this.started) return;
    this.started = true;
    for (const device of this.managed.values()) device.worker?.start();
    if ([...this.managed.values()].some((device) => device.config.kind === 'payment-terminal')) {
      void this.refreshReaders();
      this.readerTimer = setInterval(() => void this.refreshReaders(), this.options.readerPollMs ?? 30_000);
      this.readerTimer.unref();
    }
  }

  async stop(): Promise<void> {
    if (this.readerTimer) clearInterval(this.readerTimer);
    this.readerTimer = null;
    await Promise.all([...this.managed.values()].map((device) => device.worker?.close() ?? Promise.resolve()));
  }

  has(id: string): boolean {
    return this.managed.has(id);
  }

  kindOf(id: string): DeviceKind | undefined {
    return this.managed.get(id)?.config.kind;
  }

  async statuses(): Promise<DeviceStatusEntry[]> {
    await this.refreshReaders();
    const stored = this.assignments.all();
    const drawers = new Map(await Promise.all([...this.managed.values()].filter((d) => d.drawer).map(async (d) => [d.config.id, await this.drawerState(d)] as const)));
    return [...this.managed.values()].map((device) => {
      const assigned = stored[device.config.id];
      return {
        ...(drawers.has(device.config.id) ? { drawerOpen: drawers.get(device.config.id) ?? null } : {}),
        id: device.config.id,
        kind: device.config.kind,
        address: device.config.address,
        role: assigned ? assigned.role : device.config.role ?? null,
        stationId: assigned ? assigned.stationId : device.config.stationId ?? null,
        status: device.status,
        message: device.message,
        since: device.since.toISOString(),
      };
    });
  }

  assign(id: string, assignment: Assignment): void {
    this.assignments.set(id, assignment);
  }

  /** The scale to read: the one at the caller's station, else the first configured. */
  scaleFor(stationId: string | null, deviceId?: string): { id: string; value: ToledoScale } | null {
    return this.pick('scale', stationId, deviceId, (device) => device.scale);
  }

  displayFor(stationId: string | null, deviceId?: string): { id: string; value: PoleDisplay } | null {
    return this.pick('pole-display', stationId, deviceId, (device) => device.display);
  }

  /**
   * The drawer of the till that made a drawer job (by the paired POS's id or its station),
   * else a drawer tied to no till; null: kick through the receipt printer instead.
   */
  drawerFor(tillDeviceId: string | null): SerialKickDrawer | null {
    const drawers = [...this.managed.values()].filter((device) => device.drawer !== null);
    const stored = this.assignments.all();
    const stationOf = (d: Managed): string | null => stored[d.config.id]?.stationId ?? d.config.stationId ?? null;
    const tillStation = tillDeviceId === null ? null : this.options.store.queries.devices().find((d) => d.id === tillDeviceId)?.stationId ?? null;
    const chosen = drawers.find((d) => tillDeviceId !== null && (stationOf(d) === tillDeviceId || (tillStation !== null && stationOf(d) === tillStation)))
      ?? drawers.find((d) => stationOf(d) === null);
    return chosen?.drawer ?? null;
  }

  private async drawerState(device: Managed): Promise<boolean | null> {
    if (!device.drawer || device.status !== 'ready') return null;
    return device.drawer.isOpen().catch(() => null);
  }

  private pick<T>(kind: DeviceKind, stationId: string | null, deviceId: string | undefined, get: (d: Managed) => T | null): { id: string; value: T } | null {
    const candidates = [...this.managed.values()].filter((device) => device.config.kind === kind && (deviceId === undefined || device.config.id === deviceId));
    const stored = this.assignments.all();
    const stationOf = (d: Managed): string | null => stored[d.config.id]?.stationId ?? d.config.stationId ?? null;
    const chosen = candidates.find((d) => stationId !== null && stationOf(d) === stationId) ?? candidates[0];
    const value = chosen ? get(chosen) : null;
    return chosen && value ? { id: chosen.config.id, value } : null;
  }

  private manage(config: DeviceConfig): Managed {
    const since = this.now();
    if (config.kind === 'payment-terminal') {
      return { config, worker: null, scale: null, display: null, drawer: null, status: 'offline', message: 'Not checked yet', since };
    }
    const address = addressFor(config);
    const worker = new DeviceWorker({ id: config.id, transport: () => transportFor(address), ...(this.options.backoff ? { backoff: this.options.backoff } : {}) });
    const device: Managed = {
      config, worker, since, status: 'offline', message: 'Connecting',
      scale: config.kind === 'scale' ? new ToledoScale(worker) : null,
      display: config.kind === 'pole-display' ? new PoleDisplay(worker) : null,
      drawer: config.kind === 'drawer' ? new SerialKickDrawer(worker, { timeoutMs: 500, ...(config.openWhen ? { openWhen: config.openWhen } : {}) }) : null,
    };
    worker.on('state', (state: DeviceState, error?: Error) => this.onState(device, state, error));
    // A worker with no 'error' listener would crash the node on the first bad frame.
    worker.on('error', (error: Error) => this.options.logger?.warn({ err: error, deviceId: config.id }, 'device error'));
    if (config.kind === 'scanner') {
      const scanner = address.kind === 'hid' || address.kind === 'usb' ? new HidPosScanner(worker) : new SerialScanner(worker);
      scanner.on('scan', (scan: ScanEvent) => this.onScan(device, scan));
      scanner.on('error', (error: Error) => this.update(device, 'error', error.message));
    }
    return device;
  }

  private onState(device: Managed, state: DeviceState, error?: Error): void {
    if (state === 'online') this.update(device, 'ready', null);
    else if (state === 'offline') this.update(device, 'offline', error?.message ?? 'Not connected');
  }

  private onScan(device: Managed, scan: ScanEvent): void {
    const stationId = this.assignments.all()[device.config.id]?.stationId ?? device.config.stationId ?? null;
    this.publish({ type: 'scanner.scan', deviceId: device.config.id, code: scan.code, stationId });
  }

  private async refreshReaders(): Promise<void> {
    const readers = [...this.managed.values()].filter((device) => device.config.kind === 'payment-terminal');
    if (readers.length === 0) return;
    const health = this.options.readerHealth ? await this.options.readerHealth().catch(() => 'offline' as const) : 'online';
    for (const reader of readers) this.update(reader, health === 'online' ? 'ready' : 'offline', health === 'online' ? null : 'Card reader offline');
  }

  private update(device: Managed, status: DeviceCondition, message: string | null): void {
    if (device.status === status && device.message === message) return;
    const announce = device.status !== status;
    device.status = status;
    device.message = message;
    device.since = this.now();
    // Only changes of condition are announced: a new error text for an offline device is not news.
    if (announce) this.publish({ type: 'device.status', deviceId: device.config.id, kind: device.config.kind, status, message });
  }

  private publish(event: Parameters<EdgeStore['publish']>[0]): void {
    try {
      this.options.store.publish(event);
    } catch (error) {
      // The store closes before the workers during shutdown; a late event is not worth a crash.
      this.options.logger?.warn({ err: error }, 'could not publish device event');
    }
  }
}
