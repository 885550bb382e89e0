/**
 * The demo store (`npm start`): a virtual network printer that writes receipts to files,
 * the store seeded with the demo menu and staff, reusable setup codes for a POS, a kiosk
 * and a kitchen display, and the hub. Prints everything a newcomer needs to try it.
 * The cloud runs beside it (dashboard and online ordering) and the store enrols and syncs
 * with it by itself (demo-cloud.ts; BRIGADE_DEMO_CLOUD=0 turns that off, BRIGADE_CLOUD_URL
 * uses another cloud with the demo seeded).
 * Ports and folders: BRIGADE_HUB_PORT (3000), BRIGADE_PRINTER_PORT (9100), BRIGADE_CLOUD_PORT
 * (8080), BRIGADE_DATA_DIR (./data/edge; the cloud's PGlite beside it in ./data/cloud),
 * BRIGADE_PRINTER_DIR (next to the data dir: ./data/printer).
 */
import { resolve } from 'node:path';
import { startVirtualPrinter } from '@brigade/drivers/virtual';
import { type DeviceRole, demoStaff } from '@brigade/sync/model';
import { pino } from 'pino';
import { ConfigError, loadConfig } from './config';
import { closeOnSignals, hubUrl, startEdgeNode } from './hub/index';
import { exitWithStartFailure } from './hub/start-failure';
import type { EdgeStore } from './store/types';
import { startDemoDevices } from './demo-devices';
import { DEMO_CLOUD_TENANT, demoEnrolmentCode, startDemoCloud } from './demo-cloud';

const env = process.env;
// Serial devices for the till (scale, scanner, pole display) unless the store names its own.
const devices = env.BRIGADE_DEVICES || env.BRIGADE_DEMO_DEVICES === '0' ? null : await startDemoDevices();
if (devices) env.BRIGADE_DEVICES = JSON.stringify(devices.settings);
const base = await Promise.resolve().then(() => loadConfig(env)).catch(exitWithStartFailure);
const logger = pino({ level: env.BRIGADE_LOG_LEVEL || 'warn', base: { service: 'brigade-demo' } });

const printerPort = Number(env.BRIGADE_PRINTER_PORT || 9100);
if (!Number.isInteger(printerPort) || printerPort < 0 || printerPort > 65535) {
  exitWithStartFailure(new ConfigError(`BRIGADE_PRINTER_PORT must be a port number, got "${env.BRIGADE_PRINTER_PORT}".`));
}
const receiptsDir = resolve(env.BRIGADE_PRINTER_DIR || resolve(base.dataDir, '../printer'));
const printer = await startVirtualPrinter({ host: '127.0.0.1', port: printerPort, outDir: receiptsDir, name: 'Demo receipt printer' }).catch(exitWithStartFailure);

const cloud = await startDemoCloud(env, base.dataDir).catch(async (error: unknown) => {
  await printer.close();
  return exitWithStartFailure(error);
});

// Without configured printers, the demo prints receipts and kitchen tickets on the virtual one.
const withPrinter = base.printers.length > 0 ? base : { ...base, printers: [{ id: 'receipt', role: 'receipt' as const, host: '127.0.0.1', port: printer.port }] };
const config = { ...withPrinter, cloudUrl: cloud.url };
const node = await startEdgeNode({
  config,
  logger,
  // The same store as the cloud's demo seed: one name, and one time zone so both count the same business day.
  store: { seedDemo: true, storeName: DEMO_CLOUD_TENANT.storeName, timezone: DEMO_CLOUD_TENANT.timezone },
  // Without BRIGADE_ENROL_CODE the demo owner makes one, as they would in the dashboard.
  ...(cloud.url ? { cloud: { codeSource: () => demoEnrolmentCode(cloud.url as string) } } : {}),
}).catch(async (error: unknown) => {
  await printer.close();
  await cloud.close();
  return exitWithStartFailure(error);
});
closeOnSignals(async () => {
  await node.close();
  await cloud.close();
  await printer.close();
  await devices?.close();
}, logger);
// The banner says whether the store joined the cloud, so wait for the first enrolment try.
await Promise.race([node.cloud.ready, new Promise((resolve) => setTimeout(resolve, 30_000).unref())]);

/** Demo only: reusable codes so any number of browsers can open each screen. */
function demoSetupCode(store: EdgeStore, role: DeviceRole): string {
  const existing = store.auth.activeSetupCodes().find((code) => code.role === role && code.reusable && code.stationId === null);
  return existing?.code ?? store.auth.createSetupCode(role, { reusable: true });
}

const url = hubUrl(config.hub.host, node.port);
const codes = { pos: demoSetupCode(node.store, 'pos'), kiosk: demoSetupCode(node.store, 'kiosk'), kds: demoSetupCode(node.store, 'kds') };
const pins = demoStaff.map((member) => `${member.name} (${member.role}) ${member.pin}`).join(', ');
process.stdout.write(
  [
    '',
    'Brigade demo store is open.',
    '',
    `  POS            ${url}/pos/#setup=${codes.pos}`,
    `  Kiosk          ${url}/kiosk/#setup=${codes.kiosk}`,
    `  Kitchen (KDS)  ${url}/kds/#setup=${codes.kds}`,
    '',
    `  Staff PINs     ${pins}`,
    `  Receipts       printed by a virtual printer on port ${printer.port} into ${receiptsDir}`,
    devices
      ? "  Till devices   a scale with 250 g on it (ring up Pick 'n' mix), a barcode scanner and a pole display, on serial ptys"
      : '  Till devices   none (install the Debian package socat for a demo scale, scanner and pole display)',
    ...cloudLines(),
    `  API docs       ${url}/docs`,
    `  Data           ${config.dataDir}`,
    '',
    'Press Ctrl+C to stop.',
    '',
  ].join('\n'),
);

function cloudLines(): string[] {
  if (!cloud.url) return ['  Cloud          none (BRIGADE_DEMO_CLOUD=0)'];
  const link = node.cloud.status();
  return [
    '',
    `  Dashboard      ${cloud.url}/dashboard/   owner login ${DEMO_CLOUD_TENANT.ownerEmail} / ${DEMO_CLOUD_TENANT.ownerPassword}`,
    `  Online orders  ${cloud.url}/order/${DEMO_CLOUD_TENANT.storeId}   (the ordering app, PWA)`,
    `  Cloud sync     ${link.state === 'online' || link.state === 'offline' ? `enrolled, store ${link.storeId}` : `${link.state}: ${link.message ?? ''}`}${cloud.started ? ` (cloud data in ${resolve(config.dataDir, '../cloud')})` : ''}`,
    '',
  ];
}
