/**
 * The store's devices other than printers, and its card reader, from the environment:
 *   BRIGADE_DEVICES            JSON list of `{ id, kind, address, role?, stationId? }`
 *   BRIGADE_PAYMENT_TERMINAL   `simulated` (default) or `stripe`
 *   BRIGADE_STRIPE_API_KEY, BRIGADE_STRIPE_READER_ID (required with `stripe`)
 *   BRIGADE_STRIPE_HOST, BRIGADE_STRIPE_PORT, BRIGADE_STRIPE_PROTOCOL (another API endpoint)
 *   BRIGADE_CARD_POLICY        `cash-only-when-offline` (default) or `always-try`
 * Addresses are the drivers' device addresses (`serial:/dev/ttyUSB0?baud=9600`, `hid:/dev/hidraw3`,
 * `tcp://10.0.0.9:4001`), checked at boot so a typo stops the node with a sentence.
 */
import { DeviceAddressError, parseDeviceAddress } from '@brigade/drivers';
import { type Static, Type } from 'typebox';
import { Value } from 'typebox/value';
import { ConfigError } from '../config';

export const deviceKinds = ['scale', 'scanner', 'pole-display', 'drawer', 'payment-terminal'] as const;
export type DeviceKind = (typeof deviceKinds)[number];

export const DeviceConfigSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' }),
    kind: Type.Union(deviceKinds.map((k) => Type.Literal(k))),
    address: Type.String({ minLength: 1, maxLength: 255 }),
    /** What the device is for at its till (e.g. `deli-scale`); free text shown on the hardware page. */
    role: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    /** The paired POS screen (device id) or station the device belongs to. */
    stationId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    /** Drawers: the level of the drawer switch (pin 3) when the drawer is open; 'high' by default. */
    openWhen: Type.Optional(Type.Union([Type.Literal('high'), Type.Literal('low')])),
  },
  { additionalProperties: false },
);
export type DeviceConfig = Static<typeof DeviceConfigSchema>;

const DevicesSchema = Type.Array(DeviceConfigSchema, { maxItems: 64 });

export type CardPolicy = 'cash-only-when-offline' | 'always-try';

export type TerminalSettings =
  | { kind: 'simulated' }
  | { kind: 'stripe'; apiKey: string; readerId: string; client: { host?: string; port?: number; protocol?: 'http' | 'https' } };

export interface DeviceSettings {
  readonly devices: readonly DeviceConfig[];
  readonly terminal: TerminalSettings;
  readonly cardPolicy: CardPolicy;
}

type Env = Readonly<Record<string, string | undefined>>;

export const defaultDeviceSettings: DeviceSettings = { devices: [], terminal: { kind: 'simulated' }, cardPolicy: 'cash-only-when-offline' };

export function loadDeviceSettings(env: Env): DeviceSettings {
  return { devices: parseDevices(env.BRIGADE_DEVICES), terminal: parseTerminal(env), cardPolicy: parsePolicy(env.BRIGADE_CARD_POLICY) };
}

function parseDevices(json: string | undefined): DeviceConfig[] {
  if (json === undefined || json.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new ConfigError('BRIGADE_DEVICES is not valid JSON.');
  }
  if (!Value.Check(DevicesSchema, parsed)) {
    const first = Value.Errors(DevicesSchema, parsed)[0];
    throw new ConfigError(`BRIGADE_DEVICES: devices are not valid${first ? ` (${first.instancePath || '/'} ${first.message})` : ''}.`);
  }
  const ids = new Set<string>();
  for (const device of parsed) {
    if (ids.has(device.id)) throw new ConfigError(`BRIGADE_DEVICES: device id "${device.id}" is used twice.`);
    ids.add(device.id);
    // The card reader is reached through its own settings, not a local address.
    if (device.kind === 'payment-terminal') continue;
    try {
      parseDeviceAddress(device.address);
    } catch (error) {
      if (error instanceof DeviceAddressError) throw new ConfigError(`BRIGADE_DEVICES: device "${device.id}": ${error.message}.`);
      throw error;
    }
  }
  return parsed;
}

function parseTerminal(env: Env): TerminalSettings {
  const kind = env.BRIGADE_PAYMENT_TERMINAL || 'simulated';
  if (kind === 'simulated') return { kind };
  if (kind !== 'stripe') throw new ConfigError(`BRIGADE_PAYMENT_TERMINAL must be "simulated" or "stripe", got "${kind}".`);
  const apiKey = env.BRIGADE_STRIPE_API_KEY;
  const readerId = env.BRIGADE_STRIPE_READER_ID;
  if (!apiKey) throw new ConfigError('BRIGADE_PAYMENT_TERMINAL=stripe needs BRIGADE_STRIPE_API_KEY (the secret key, sk_…).');
  if (!readerId) throw new ConfigError('BRIGADE_PAYMENT_TERMINAL=stripe needs BRIGADE_STRIPE_READER_ID (tmr_…).');
  const client: { host?: string; port?: number; protocol?: 'http' | 'https' } = {};
  if (env.BRIGADE_STRIPE_HOST) client.host = env.BRIGADE_STRIPE_HOST;
  if (env.BRIGADE_STRIPE_PORT) {
    const value = Number(env.BRIGADE_STRIPE_PORT);
    if (!Number.isInteger(value) || value < 1 || value > 65535) throw new ConfigError(`BRIGADE_STRIPE_PORT must be a port number (1-65535), got "${env.BRIGADE_STRIPE_PORT}".`);
    client.port = value;
  }
  const protocol = env.BRIGADE_STRIPE_PROTOCOL;
  if (protocol) {
    if (protocol !== 'http' && protocol !== 'https') throw new ConfigError(`BRIGADE_STRIPE_PROTOCOL must be "http" or "https", got "${protocol}".`);
    client.protocol = protocol;
  }
  return { kind, apiKey, readerId, client };
}

function parsePolicy(raw: string | undefined): CardPolicy {
  if (raw === undefined || raw === '' || raw === 'cash-only-when-offline') return 'cash-only-when-offline';
  if (raw === 'always-try') return raw;
  throw new ConfigError(`BRIGADE_CARD_POLICY must be "cash-only-when-offline" or "always-try", got "${raw}".`);
}
