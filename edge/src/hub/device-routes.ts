/**
 * The hardware page's routes and the POS's device calls: configured devices with their live
 * condition, discovered ones, printers, test pages, role/station assignments, the scale, the
 * pole display, and whether card payments are available. Reads are for any POS; changing
 * the store's hardware (assignments, test pages) needs a manager signed in.
 */
import type { DeviceListing } from '@brigade/drivers';
import { DeviceOfflineError } from '@brigade/drivers';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { BrigadeError } from '@brigade/sync/model';
import type { PrinterConfig } from '../config';
import type { CardAvailability } from '../devices/card-availability';
import type { DeviceManager } from '../devices/device-manager';
import { readSellableWeight } from '../devices/scale-reading';
import { printTestPage } from '../devices/test-page';
import type { EdgeStore } from '../store/types';
import { ErrorReply } from './command-routes';
import type { PrinterStatusSource } from './read-routes';
import { requestDevice, requireDevice, requireManagerSession, requireStaffSession } from './request-actor';

export interface HardwareOptions {
  readonly devices: DeviceManager;
  /** Configured printers (for test pages); their live status comes from the hub's printer source. */
  readonly printerConfigs: readonly PrinterConfig[];
  readonly availability: () => Promise<CardAvailability>;
  /** Stops a card payment waiting at the reader. */
  readonly cancelPayment: () => Promise<void>;
  /** USB, serial and HID devices plugged into the appliance; the drivers' `listDevices` by default. */
  readonly discover: () => Promise<DeviceListing>;
}

const errors = { '4xx': ErrorReply };
const DeviceParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' }) }, { additionalProperties: false });
const Label = Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()]);
const AssignBody = Type.Object({ role: Label, stationId: Label }, { additionalProperties: false });
const ScaleQuery = Type.Object({ deviceId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })) }, { additionalProperties: false });
const PoleLine = Type.String({ maxLength: 40 });
const PoleBody = Type.Object(
  { lines: Type.Tuple([PoleLine, PoleLine]), deviceId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })) },
  { additionalProperties: false },
);
const EmptyBody = Type.Optional(Type.Object({}, { additionalProperties: false }));
const PrinterAssignBody = Type.Object(
  {
    role: Type.Union([Type.Literal('receipt'), Type.Literal('kitchen'), Type.Literal('expo'), Type.Literal('backup')]),
    stations: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 32 }),
    backupOf: Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()]),
    language: Type.Union([Type.Literal('esc-pos'), Type.Literal('star-line')]),
  },
  { additionalProperties: false },
);

/** Discovery asks the OS for USB and serial devices; a slow bus must not hold up the page. */
const DISCOVERY_TIMEOUT_MS = 3000;

export function registerDeviceRoutes(app: FastifyInstance, store: EdgeStore, printers: PrinterStatusSource, options: HardwareOptions): void {
  const pos = requireDevice(store, ['pos']);
  const security = [{ device: [] }];
  const managerSecurity = [{ device: [], staff: [] }];
  const tags = ['hardware'];

  app.get('/api/hardware', { onRequest: pos, schema: { tags, security, response: errors } }, async () => {
    const [devices, discovered] = await Promise.all([options.devices.statuses(), discover(options)]);
    return { devices, printers: printers.statuses(), discovered: discovered.devices, problems: discovered.problems };
  });

  app.post(
    '/api/hardware/printers/:id/test-page',
    { onRequest: pos, schema: { tags, security: managerSecurity, params: DeviceParam, body: EmptyBody, response: errors } },
    async (request) => {
      requireManagerSession(store, request);
      const { id } = request.params as { id: string };
      const printer = options.printerConfigs.find((p) => p.id === id);
      if (!printer) throw new BrigadeError('PRINTER_NOT_FOUND', undefined, { printerId: id });
      // The language the manager set on this page, if any, else the configured one.
      const language = printers.statuses().find((p) => p.id === id)?.language ?? printer.language;
      return printTestPage({ ...printer, ...(language ? { language } : {}) }, store.queries.store().name, new Date());
    },
  );

  app.post(
    '/api/hardware/printers/:id/assign',
    { onRequest: pos, schema: { tags, security: managerSecurity, params: DeviceParam, body: PrinterAssignBody, response: errors } },
    (request) => {
      requireManagerSession(store, request);
      const { id } = request.params as { id: string };
      if (!printers.assign || !options.printerConfigs.some((p) => p.id === id)) throw new BrigadeError('PRINTER_NOT_FOUND', undefined, { printerId: id });
      const body = request.body as Static<typeof PrinterAssignBody>;
      return { printer: printers.assign(id, body, requireStaffSession(store, request).id) };
    },
  );

  app.post(
    '/api/hardware/devices/:id/assign',
    { onRequest: pos, schema: { tags, security: managerSecurity, params: DeviceParam, body: AssignBody, response: errors } },
    async (request) => {
      requireManagerSession(store, request);
      const { id } = request.params as { id: string };
      if (!options.devices.has(id)) throw new BrigadeError('DEVICE_NOT_FOUND', undefined, { deviceId: id });
      const { role, stationId } = request.body as { role: string | null; stationId: string | null };
      options.devices.assign(id, { role, stationId });
      const device = (await options.devices.statuses()).find((d) => d.id === id);
      return { device };
    },
  );

  app.get('/api/hardware/scale', { onRequest: pos, schema: { tags, security, querystring: ScaleQuery, response: errors } }, (request) => {
    const screen = requestDevice(store, request);
    const { deviceId } = request.query as { deviceId?: string };
    return readSellableWeight(options.devices, screen.stationId ?? screen.id, deviceId);
  });

  app.post('/api/hardware/pole-display', { onRequest: pos, schema: { tags, security, body: PoleBody, response: errors } }, async (request) => {
    const screen = requestDevice(store, request);
    const { lines, deviceId } = request.body as { lines: [string, string]; deviceId?: string };
    const found = options.devices.displayFor(screen.stationId ?? screen.id, deviceId);
    if (!found) throw new BrigadeError('DEVICE_NOT_FOUND', deviceId === undefined ? 'No pole display is configured in this store.' : undefined, { deviceId: deviceId ?? null });
    try {
      await found.value.show(lines);
    } catch (error) {
      if (error instanceof DeviceOfflineError) throw new BrigadeError('DEVICE_OFFLINE', 'The customer display is not connected.', { deviceId: found.id });
      throw error;
    }
    return { deviceId: found.id, shown: true };
  });

  app.get('/api/payments/availability', { onRequest: requireDevice(store, ['pos', 'kiosk']), schema: { tags, security, response: errors } }, () => options.availability());

  app.post(
    '/api/payments/cancel',
    { onRequest: requireDevice(store, ['pos', 'kiosk']), schema: { tags, security, body: EmptyBody, response: errors } },
    async () => {
      await options.cancelPayment();
      return { cancelled: true };
    },
  );
}

async function discover(options: HardwareOptions): Promise<DeviceListing> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<DeviceListing>((resolve) => {
    timer = setTimeout(() => resolve({ devices: [], problems: [{ source: 'usb', message: 'Device discovery took too long' }] }), DISCOVERY_TIMEOUT_MS);
  });
  try {
    return await Promise.race([options.discover().catch((error: Error) => ({ devices: [], problems: [{ source: 'usb' as const, message: error.message }] })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
