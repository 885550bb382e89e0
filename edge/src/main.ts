/**
 * The headless edge node (`npm run headless`, the appliance's systemd service): opens the
 * store, starts the LAN hub and the print runner, prints where the screens are.
 */
import { pino } from 'pino';
import { loadConfig } from './config';
import { closeOnSignals, hubUrl, startEdgeNode } from './hub/index';
import { exitWithStartFailure } from './hub/start-failure';

const config = await Promise.resolve().then(() => loadConfig()).catch(exitWithStartFailure);
const logger = pino({ level: config.logLevel, base: { service: 'brigade-edge' } });

const node = await startEdgeNode({ config, logger }).catch(exitWithStartFailure);
closeOnSignals(() => node.close(), logger);

const base = hubUrl(config.hub.host, node.port);
const setup = node.store.bootSetupCode;
const lines = [
  `Brigade edge node is running (data in ${config.dataDir})`,
  `  POS      ${base}/pos/${setup ? `#setup=${setup}` : ''}`,
  `  Kiosk    ${base}/kiosk/`,
  `  Kitchen  ${base}/kds/`,
  `  API docs ${base}/docs`,
  `  Health   ${base}/healthz`,
  `  Printers ${config.printers.length === 0 ? 'none configured (set BRIGADE_PRINTERS)' : config.printers.map((p) => `${p.id}@${p.host}:${p.port}`).join(', ')}`,
];
process.stdout.write(`${lines.join('\n')}\n`);
logger.info({ port: node.port, host: config.hub.host }, 'edge node ready');
