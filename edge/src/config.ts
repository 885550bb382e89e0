/**
 * The edge node's configuration: environment variables (and an optional JSON file for the
 * printers) turned into one typed object. Everything has a default so `npm start` needs
 * nothing; a wrong value stops the process at boot with a sentence naming the variable.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Static, Type } from 'typebox';
import { Value } from 'typebox/value';
import { type DeviceSettings, loadDeviceSettings } from './devices/device-settings';

export const PrinterConfigSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 64 }),
    /** `expo` prints the consolidated copy of every fire (all stations' items). */
    role: Type.Union([Type.Literal('receipt'), Type.Literal('kitchen'), Type.Literal('expo')]),
    host: Type.String({ minLength: 1, maxLength: 255 }),
    port: Type.Integer({ minimum: 1, maximum: 65535 }),
    /** Kitchen printers: the stations whose tickets they print. */
    stations: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }))),
    /** Receipt printers at a till: the paired screens (device ids) whose receipts and drawer kicks they take. */
    devices: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }))),
    /** This printer takes over the jobs of that printer when it has been dead for a while. */
    backupOf: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    /** The printer's command language: ESC/POS (default) or Star line mode. */
    language: Type.Optional(Type.Union([Type.Literal('esc-pos'), Type.Literal('star-line')])),
  },
  { additionalProperties: false },
);
export type PrinterConfig = Static<typeof PrinterConfigSchema>;

const PrintersSchema = Type.Array(PrinterConfigSchema, { maxItems: 32 });

export interface EdgeConfig {
  readonly dataDir: string;
  readonly dbFile: string;
  readonly hub: { readonly host: string; readonly port: number };
  readonly printers: readonly PrinterConfig[];
  /** Where the built screens live (`npm run build:ui` writes them). */
  readonly uiDistDir: string;
  readonly cloudUrl: string | null;
  /** How the node enrols with the cloud and keeps in touch (only used when `cloudUrl` is set). */
  readonly sync?: SyncSettings;
  readonly logLevel: string;
  /** Scales, scanners, pole displays, drawers and the card reader (edge/src/devices/device-settings.ts). */
  readonly devices?: DeviceSettings;
}

export interface SyncSettings {
  /** A one-time code from the dashboard, traded for a store credential at the first start. */
  readonly enrolCode: string | null;
  /** The longest the outbox pusher stays quiet: an empty push is the cloud's heartbeat. */
  readonly heartbeatMs: number;
  /** The longest wait between two tries while the cloud cannot be reached. */
  readonly retryMaxMs: number;
  /** A credential older than this is rotated (at start and once a day). */
  readonly credentialMaxAgeDays: number;
}

export const DEFAULT_SYNC_SETTINGS: SyncSettings = { enrolCode: null, heartbeatMs: 15_000, retryMaxMs: 60_000, credentialMaxAgeDays: 30 };

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Env = Readonly<Record<string, string | undefined>>;

function port(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  // Port 0 is allowed: tests ask the OS for a free port.
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new ConfigError(`${name} must be a port number (0-65535), got "${raw}".`);
  return value;
}

function positive(env: Env, name: string, fallback: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) throw new ConfigError(`${name} must be a whole number from 1 to ${max}, got "${raw}".`);
  return value;
}

function syncSettings(env: Env): SyncSettings {
  const code = (env.BRIGADE_ENROL_CODE || env.BRIGADE_ENROLMENT_CODE || '').trim();
  // The cloud's codes are ten letters and digits, shown in two groups of five.
  if (code !== '' && !/^[A-Za-z0-9-]{6,20}$/.test(code)) throw new ConfigError(`BRIGADE_ENROL_CODE must be the code from the dashboard (like ABCDE-FGHJK), got "${code}".`);
  return {
    enrolCode: code === '' ? null : code,
    heartbeatMs: positive(env, 'BRIGADE_SYNC_HEARTBEAT_MS', DEFAULT_SYNC_SETTINGS.heartbeatMs, 3_600_000),
    retryMaxMs: positive(env, 'BRIGADE_SYNC_RETRY_MAX_MS', DEFAULT_SYNC_SETTINGS.retryMaxMs, 3_600_000),
    credentialMaxAgeDays: positive(env, 'BRIGADE_CREDENTIAL_MAX_AGE_DAYS', DEFAULT_SYNC_SETTINGS.credentialMaxAgeDays, 3650),
  };
}

function parsePrinters(json: string, source: string): PrinterConfig[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new ConfigError(`${source} is not valid JSON.`);
  }
  // A config file may hold `{ printers: [...] }` so it can grow other sections later.
  const list = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && 'printers' in parsed ? parsed.printers : parsed;
  if (!Value.Check(PrintersSchema, list)) {
    const first = Value.Errors(PrintersSchema, list)[0];
    throw new ConfigError(`${source}: printers are not valid${first ? ` (${first.instancePath || '/'} ${first.message})` : ''}.`);
  }
  checkPrinterLinks(list, source);
  return list;
}

function checkPrinterLinks(printers: readonly PrinterConfig[], source: string): void {
  const ids = new Set<string>();
  for (const printer of printers) {
    if (ids.has(printer.id)) throw new ConfigError(`${source}: printer id "${printer.id}" is used twice.`);
    ids.add(printer.id);
  }
  for (const printer of printers) {
    if (printer.backupOf !== undefined && (!ids.has(printer.backupOf) || printer.backupOf === printer.id)) {
      throw new ConfigError(`${source}: printer "${printer.id}" is the backup of "${printer.backupOf}", which is not another configured printer.`);
    }
  }
}

/**
 * Reads the configuration from the environment:
 * BRIGADE_DATA_DIR, BRIGADE_HUB_HOST, BRIGADE_HUB_PORT, BRIGADE_PRINTERS (JSON list),
 * BRIGADE_CONFIG_FILE (JSON with `printers`), BRIGADE_UI_DIST, BRIGADE_LOG_LEVEL, and for the cloud:
 * BRIGADE_CLOUD_URL, BRIGADE_ENROL_CODE (BRIGADE_ENROLMENT_CODE is read too), BRIGADE_SYNC_HEARTBEAT_MS,
 * BRIGADE_SYNC_RETRY_MAX_MS, BRIGADE_CREDENTIAL_MAX_AGE_DAYS.
 */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): EdgeConfig {
  const dataDir = resolve(cwd, env.BRIGADE_DATA_DIR || './data/edge');
  let printers: PrinterConfig[] = [];
  if (env.BRIGADE_PRINTERS) {
    printers = parsePrinters(env.BRIGADE_PRINTERS, 'BRIGADE_PRINTERS');
  } else if (env.BRIGADE_CONFIG_FILE) {
    const file = resolve(cwd, env.BRIGADE_CONFIG_FILE);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new ConfigError(`BRIGADE_CONFIG_FILE: cannot read ${file}.`);
    }
    printers = parsePrinters(text, `BRIGADE_CONFIG_FILE (${file})`);
  }
  const cloudUrl = env.BRIGADE_CLOUD_URL || null;
  if (cloudUrl !== null && !URL.canParse(cloudUrl)) throw new ConfigError(`BRIGADE_CLOUD_URL must be a URL, got "${cloudUrl}".`);
  return {
    dataDir,
    dbFile: resolve(dataDir, 'store.sqlite'),
    hub: { host: env.BRIGADE_HUB_HOST || '0.0.0.0', port: port(env, 'BRIGADE_HUB_PORT', 3000) },
    printers,
    // The default is the repository's build output, wherever the process was started from.
    uiDistDir: env.BRIGADE_UI_DIST ? resolve(cwd, env.BRIGADE_UI_DIST) : fileURLToPath(new URL('../../ui/dist', import.meta.url)),
    cloudUrl,
    sync: syncSettings(env),
    logLevel: env.BRIGADE_LOG_LEVEL || 'info',
    devices: loadDeviceSettings(env),
  };
}

/** The printer that takes over `printerId`'s jobs, if one is configured. */
export function backupPrinterFor(printers: readonly PrinterConfig[], printerId: string): PrinterConfig | undefined {
  return printers.find((printer) => printer.backupOf === printerId);
}
