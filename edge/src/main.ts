/**
 * The headless edge node (`npm run headless`, the appliance's systemd service): opens the
 * store, starts the LAN hub and the print runner, enrols with the cloud and syncs when
 * BRIGADE_CLOUD_URL is set, prints where the screens are.
 */
import { pino } from 'pino';
import { loadConfig } from './config';
import { closeOnSignals, hubUrl, startEdgeNode } from './hub/index';
import { exitWithStartFailure } from './hub/start-failure';

const config = await Promise.resolve().then(() => loadConfig()).catch(exitWithStartFailure);
const logger = pino({ level: config.logLevel, base: { service: 'brigade-edge' } });

const node = await startEdgeNode({ config, logger }).catch(exitWithStartFailure);
closeOnSignals(() => node.close(), logger);

// The banner says how the cloud link stands; the hub is already serving meanwhile.
await Promise.race([node.cloud.ready, new Promise((resolve) => setTimeout(resolve, 15_000).unref())]);
const link = node.cloud.status();
const base = hubUrl(config.hub.host, node.port);
const setup = node.store.bootSetupCode;
const lines = [
  `Brigade edge node is running (data in ${config.dataDir})`,
  `  POS      ${base}/pos/${setup ? `#setup=${setup}` : ''}`,
  `  Kiosk    ${base}/kiosk/`,
  `  Kitchen  ${base}/kds/`,
  `  API docs ${base}/docs`,
  `  Health   ${base}/healthz`,
  `  Cloud    ${config.cloudUrl ? `${config.cloudUrl} — ${link.state}${link.storeId ? `, store ${link.storeId}` : ''}${link.message ? ` (${link.message})` : ''}` : 'none (set BRIGADE_CLOUD_URL and BRIGADE_ENROL_CODE to enrol)'}`,
  `  Printers ${config.printers.length === 0 ? 'none configured (set BRIGADE_PRINTERS)' : config.printers.map((p) => `${p.id}@${p.host}:${p.port}`).join(', ')}`,
];
process.stdout.write(`${lines.join('\n')}\n`);
logger.info({ port: node.port, host: config.hub.host }, 'edge node ready');
