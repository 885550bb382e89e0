/**
 * One string per device in the store's configuration, the same form `listDevices()` shows:
 *   tcp://10.0.0.5:9100            network printer (port defaults to 9100)
 *   serial:/dev/pos/pole?baud=9600&parity=even&dataBits=7
 *   usb-lp:/dev/pos/receipt        USB printer through the kernel driver
 *   usb:04b8:0e28[/SERIAL]         raw USB by vendor:product (and serial number)
 *   hid:/dev/hidraw3               HID device
 */
import { HidTransport } from './hid-transport';
import { type SerialSettings, SerialTransport } from './serial-transport';
import { TcpTransport } from './tcp-transport';
import type { Transport } from './transport';
import { UsbLpTransport } from './usb-lp-transport';
import { UsbRawTransport } from './usb-raw-transport';

export type DeviceAddress =
  | { kind: 'tcp'; host: string; port: number }
  | ({ kind: 'serial' } & SerialSettings)
  | { kind: 'usb-lp'; path: string }
  | { kind: 'usb'; vendorId: number; productId: number; serialNumber?: string }
  | { kind: 'hid'; path: string };

export class DeviceAddressError extends Error {
  constructor(readonly address: string, reason: string) {
    super(`not a device address (${reason}): ${JSON.stringify(address)}`);
    this.name = 'DeviceAddressError';
  }
}

const absolutePath = /^\/[\w./@:+-]+$/;

export function parseDeviceAddress(address: string): DeviceAddress {
  const fail = (reason: string): never => {
    throw new DeviceAddressError(address, reason);
  };
  const colon = address.indexOf(':');
  if (colon < 1) fail('missing kind');
  const kind = address.slice(0, colon);
  const rest = address.slice(colon + 1);
  if (kind === 'tcp') {
    const m = /^\/\/([A-Za-z0-9.-]+|\[[0-9a-fA-F:]+\])(?::(\d{1,5}))?$/.exec(rest);
    if (!m) return fail('expected tcp://host[:port]');
    const port = m[2] === undefined ? 9100 : Number(m[2]);
    if (port < 1 || port > 65_535) fail('port out of range');
    return { kind, host: (m[1] as string).replace(/^\[|\]$/g, ''), port };
  }
  if (kind === 'serial') {
    const [path = '', query = ''] = rest.split('?');
    if (!absolutePath.test(path)) fail('expected an absolute device path');
    const q = new URLSearchParams(query);
    for (const key of q.keys()) if (!['baud', 'parity', 'dataBits', 'stopBits'].includes(key)) fail(`unknown setting ${key}`);
    const baud = q.get('baud'), parity = q.get('parity'), dataBits = q.get('dataBits'), stopBits = q.get('stopBits');
    const settings: SerialSettings = { path };
    if (baud !== null) settings.baudRate = /^\d{3,7}$/.test(baud) ? Number(baud) : fail('bad baud rate');
    if (parity !== null) settings.parity = parity === 'none' || parity === 'even' || parity === 'odd' ? parity : fail('bad parity');
    if (dataBits !== null) settings.dataBits = dataBits === '7' ? 7 : dataBits === '8' ? 8 : fail('bad data bits');
    if (stopBits !== null) settings.stopBits = stopBits === '1' ? 1 : stopBits === '2' ? 2 : fail('bad stop bits');
    return { kind, ...settings };
  }
  if (kind === 'usb-lp' || kind === 'hid') {
    if (!absolutePath.test(rest)) fail('expected an absolute device path');
    return { kind, path: rest };
  }
  if (kind === 'usb') {
    const m = /^([0-9a-fA-F]{4}):([0-9a-fA-F]{4})(?:\/([\w.-]{1,64}))?$/.exec(rest);
    if (!m) return fail('expected usb:vvvv:pppp[/serial]');
    return { kind, vendorId: parseInt(m[1] as string, 16), productId: parseInt(m[2] as string, 16), ...(m[3] ? { serialNumber: m[3] } : {}) };
  }
  return fail(`unknown kind ${kind}`);
}

/** A fresh transport for the address (device workers make one per connection attempt). */
export function transportFor(address: DeviceAddress | string, opts: { connectTimeoutMs?: number } = {}): Transport {
  const a = typeof address === 'string' ? parseDeviceAddress(address) : address;
  switch (a.kind) {
    case 'tcp': return new TcpTransport(a.host, a.port, opts.connectTimeoutMs ?? 3000);
    case 'serial': {
      const { kind: _kind, ...settings } = a;
      return new SerialTransport(settings);
    }
    case 'usb-lp': return new UsbLpTransport(a.path);
    case 'usb': return UsbRawTransport.byIds(a.vendorId, a.productId, a.serialNumber);
    case 'hid': return HidTransport.byPath(a.path);
  }
}
