/**
 * Starts one edge node in this process: the store, the LAN hub, the print runner and, when a
 * cloud is configured, the connection to it (enrolment and sync). The headless service, the
 * demo and the Electron shell all start the store through this, and stop it through
 * `close()` in the order that loses nothing.
 */
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { EdgeConfig } from '../config';
import { type StoreDevicesOptions, prepareStoreDevices } from '../devices/store-devices';
import { PrintRunner, type PrintRunnerOptions } from '../printing/print-runner';
import { openEdgeStore } from '../store/open-store';
import { type CloudConnection, type CloudConnectionOptions, startCloudConnection } from '../sync/cloud-connection';
import { printerReport } from '../sync/printer-report';
import type { EdgeStore, EdgeStoreOptions } from '../store/types';
import { buildHub, type HubOptions } from './build-hub';
import { migrationsCurrent } from './migration-check';

export interface EdgeNode {
  readonly store: EdgeStore;
  readonly hub: FastifyInstance;
  readonly printRunner: PrintRunner;
  /** Enrolment and sync with the cloud (state 'none' when no cloud is configured). */
  readonly cloud: CloudConnection;
  /** The port the hub listens on (the real one when the config asked for 0). */
  readonly port: number;
  close(): Promise<void>;
}

export interface StartEdgeNodeOptions {
  readonly config: EdgeConfig;
  readonly logger?: Logger;
  readonly store?: Omit<EdgeStoreOptions, 'dataDir' | 'logger'>;
  readonly hub?: Omit<HubOptions, 'store' | 'config' | 'logger' | 'printers'>;
  readonly printRunner?: Omit<PrintRunnerOptions, 'store' | 'printers' | 'logger'>;
  /** Card reader and device manager settings beyond the config (tests: reader polling, back-off). */
  readonly devices?: Omit<StoreDevicesOptions, 'config' | 'logger' | 'terminal'>;
  /** Where an enrolment code comes from without BRIGADE_ENROL_CODE (the demo), and test hooks. */
  readonly cloud?: Omit<CloudConnectionOptions, 'store' | 'cloudUrl' | 'settings' | 'logger'>;
}

export async function startEdgeNode(options: StartEdgeNodeOptions): Promise<EdgeNode> {
  const { config, logger } = options;
  const storeDevices = prepareStoreDevices({ ...options.devices, config, ...(options.store?.terminal ? { terminal: options.store.terminal } : {}), ...(logger ? { logger: logger.child({ part: 'devices' }) } : {}) });
  const store = openEdgeStore({ ...options.store, ...(storeDevices.terminal ? { terminal: storeDevices.terminal } : {}), dataDir: config.dataDir, ...(logger ? { logger: logger.child({ part: 'store' }) } : {}) });
  const devices = storeDevices.attach(store);
  // A till's own serial drawer (BRIGADE_DEVICES kind 'drawer') opens instead of the printer's kick.
  const printRunner = new PrintRunner({ drawers: devices.manager, ...options.printRunner, store, printers: config.printers, ...(logger ? { logger: logger.child({ part: 'printing' }) } : {}) });
  let hub: FastifyInstance | null = null;
  try {
    hub = await buildHub({
      ...options.hub,
      store,
      config,
      ...(logger ? { logger } : { logger: false }),
      printers: printRunner,
      hardware: devices.hardware,
      healthChecks: { migrationsCurrent: () => migrationsCurrent(store.db) },
    });
    await hub.listen({ host: config.hub.host, port: config.hub.port });
  } catch (error) {
    await hub?.close();
    store.close();
    throw error;
  }
  printRunner.start();
  devices.manager.start();
  // After the hub listens: the store sells whether or not the cloud answers.
  const cloud = startCloudConnection({
    ...options.cloud,
    store,
    cloudUrl: config.cloudUrl,
    ...(config.sync ? { settings: config.sync } : {}),
    printers: () => printerReport(printRunner.statuses()),
    ...(logger ? { logger: logger.child({ part: 'sync' }) } : {}),
  });
  const address = hub.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.hub.port;
  let closing: Promise<void> | null = null;
  const running = hub;
  return {
    store,
    hub: running,
    printRunner,
    cloud,
    port,
    close() {
      // Stop taking requests and let running commands commit, then stop syncing and printing, then the DB.
      closing ??= (async () => {
        await running.close();
        await cloud.stop();
        await printRunner.stop();
        await devices.manager.stop();
        store.close();
      })();
      return closing;
    },
  };
}
