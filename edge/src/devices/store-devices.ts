/**
 * Everything the edge node needs of its devices in one place: the card reader for the
 * store, the device manager, and the hub's hardware routes' sources. The node makes this
 * before opening the store (the store needs the reader) and starts it once the hub listens.
 */
import { listDevices } from '@brigade/drivers';
import type { Logger } from 'pino';
import type { EdgeConfig } from '../config';
import type { HardwareOptions } from '../hub/device-routes';
import type { EdgeStore, PaymentTerminal } from '../store/types';
import { cardAvailability } from './card-availability';
import { type CardReaderOptions, createCardReader } from './card-reader';
import { DeviceManager, type DeviceManagerOptions } from './device-manager';
import { type DeviceSettings, defaultDeviceSettings } from './device-settings';

/** A reader as the store takes it, plus what the hardware page asks of it when it can. */
type Reader = PaymentTerminal & { cancel?: () => Promise<void>; health?: () => Promise<'online' | 'offline'> };

export interface StoreDevicesOptions {
  readonly config: Pick<EdgeConfig, 'dataDir' | 'printers' | 'cloudUrl'> & { readonly devices?: DeviceSettings };
  /** A reader given by the caller (tests, the demo) wins over the configured one. */
  readonly terminal?: Reader;
  readonly reader?: CardReaderOptions;
  readonly manager?: Pick<DeviceManagerOptions, 'backoff' | 'readerPollMs'>;
  readonly logger?: Logger;
}

export interface StoreDevices {
  /** The reader to give the store; undefined keeps the store's own simulated reader. */
  readonly terminal: Reader | undefined;
  attach(store: EdgeStore): { manager: DeviceManager; hardware: HardwareOptions };
}

export function prepareStoreDevices(options: StoreDevicesOptions): StoreDevices {
  const settings = options.config.devices ?? defaultDeviceSettings;
  // The demo keeps the store's simulated reader unless the environment names a real one.
  const terminal: Reader | undefined = options.terminal ?? (settings.terminal.kind === 'stripe' ? createCardReader(settings.terminal, options.reader) : undefined);
  const readerHealth = (): Promise<'online' | 'offline'> => (terminal?.health ? terminal.health() : Promise.resolve('online'));
  return {
    terminal,
    attach(store) {
      const manager = new DeviceManager({
        store, devices: settings.devices, dataDir: options.config.dataDir, readerHealth,
        ...(options.manager?.backoff ? { backoff: options.manager.backoff } : {}),
        ...(options.manager?.readerPollMs ? { readerPollMs: options.manager.readerPollMs } : {}),
        ...(options.logger ? { logger: options.logger } : {}),
      });
      // Stripe Terminal needs the internet; the simulated reader does not.
      const needsInternet = settings.terminal.kind === 'stripe' && options.config.cloudUrl !== null;
      const hardware: HardwareOptions = {
        devices: manager,
        printerConfigs: options.config.printers,
        availability: () => cardAvailability({
          policy: settings.cardPolicy, readerHealth, internetOnline: needsInternet ? () => store.queries.syncStatus().online : null,
        }),
        cancelPayment: () => (terminal?.cancel ? terminal.cancel() : Promise.resolve()),
        discover: () => listDevices(),
      };
      return { manager, hardware };
    },
  };
}
