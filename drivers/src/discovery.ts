/**
 * What is plugged in, for the POS devices page: serial ports (`SerialPort.list()`, which
 * needs Debian's udev), USB devices (`usb` 3.x), HID devices (node-hid) and the network
 * printers the store configured. A bus that cannot be read is reported, not thrown: the
 * page still shows the rest.
 */
import net from 'node:net';

export type DeviceClass = 'receipt-printer' | 'scanner' | 'scale' | 'display' | 'card-reader' | 'serial-adapter' | 'unknown';

export interface DiscoveredDevice {
  kind: 'serial' | 'usb' | 'hid' | 'network';
  /** The address to configure, as `parseDeviceAddress` reads it ("serial:/dev/ttyUSB0", "tcp://10.0.0.5:9100", "usb:04b8:0e28/SERIAL"). */
  address: string;
  vendorId?: number;
  productId?: number;
  manufacturer?: string;
  product?: string;
  serialNumber?: string;
  guessedClass: DeviceClass;
  /** Network printers: whether the port answered a connect. */
  reachable?: boolean;
}

export interface DeviceListing {
  devices: DiscoveredDevice[];
  problems: Array<{ source: 'serial' | 'usb' | 'hid' | 'network'; message: string }>;
}

/** USB vendors whose devices are almost always one kind of POS device. */
export const knownVendors: Readonly<Record<number, DeviceClass>> = {
  0x04b8: 'receipt-printer', // Seiko Epson
  0x0519: 'receipt-printer', // Star Micronics
  0x1504: 'receipt-printer', // Bixolon
  0x0dd4: 'receipt-printer', // Custom
  0x0416: 'receipt-printer', // Winbond (many generic 80 mm printers)
  0x0c2e: 'scanner', // Honeywell (Metrologic)
  0x05e0: 'scanner', // Zebra (Symbol)
  0x05f9: 'scanner', // Datalogic
  0x1eab: 'scanner', // Newland
  0x0eb8: 'scale', // Mettler Toledo
  0x0403: 'serial-adapter', // FTDI
  0x067b: 'serial-adapter', // Prolific
  0x1a86: 'serial-adapter', // QinHeng CH340
  0x10c4: 'serial-adapter', // Silicon Labs CP210x
};

const HID_USAGE_PAGE_POS_SCANNER = 0x8c;
const HID_USAGE_PAGE_SCALE = 0x8d;
const USB_CLASS_PRINTER = 7;

export function guessClass(d: { vendorId?: number; usagePage?: number; interfaceClasses?: number[] }): DeviceClass {
  if (d.usagePage === HID_USAGE_PAGE_POS_SCANNER) return 'scanner';
  if (d.usagePage === HID_USAGE_PAGE_SCALE) return 'scale';
  if (d.interfaceClasses?.includes(USB_CLASS_PRINTER)) return 'receipt-printer';
  return (d.vendorId !== undefined ? knownVendors[d.vendorId] : undefined) ?? 'unknown';
}

export interface SerialPortInfo { path: string; vendorId?: string; productId?: string; manufacturer?: string; serialNumber?: string }
export interface UsbInfo { vendorId: number; productId: number; manufacturerName?: string | null; productName?: string | null; serialNumber?: string | null; interfaceClasses?: number[] }
export interface HidInfo { path?: string; vendorId: number; productId: number; manufacturer?: string; product?: string; serialNumber?: string; usagePage?: number }

export interface DiscoverySources {
  serial?: () => Promise<SerialPortInfo[]>;
  usb?: () => Promise<UsbInfo[]>;
  hid?: () => Promise<HidInfo[]>;
  networkPrinters?: Array<{ host: string; port?: number }>;
  connectTimeoutMs?: number;
}

const defaultSources: Required<Pick<DiscoverySources, 'serial' | 'usb' | 'hid'>> = {
  serial: async () => (await import('serialport')).SerialPort.list(),
  usb: async () => {
    const { usb } = await import('usb');
    // usb 3.x types its devices with WebUSB DOM types we do not load; this is the shape we read.
    const devices = (await usb.getDevices()) as unknown as Array<Omit<UsbInfo, 'interfaceClasses'> & { configuration?: { interfaces: Array<{ alternate: { interfaceClass: number } }> } | null }>;
    return devices.map((d) => ({
      vendorId: d.vendorId, productId: d.productId, manufacturerName: d.manufacturerName, productName: d.productName, serialNumber: d.serialNumber,
      interfaceClasses: (d.configuration?.interfaces ?? []).map((i) => i.alternate.interfaceClass),
    }));
  },
  hid: async () => (await import('node-hid')).devicesAsync(),
};

const hex = (n: number): string => n.toString(16).padStart(4, '0');
const parseHex = (s: string | undefined): number | undefined => (s && /^[0-9a-f]{1,4}$/i.test(s) ? parseInt(s, 16) : undefined);

function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as T;
}

export async function listDevices(sources: DiscoverySources = {}): Promise<DeviceListing> {
  const s = { ...defaultSources, ...sources };
  const problems: DeviceListing['problems'] = [];
  const attempt = async <T>(source: 'serial' | 'usb' | 'hid', fn: () => Promise<T[]>): Promise<T[]> => {
    try {
      return await fn();
    } catch (err) {
      problems.push({ source, message: (err as Error).message });
      return [];
    }
  };
  const [serial, usb, hid, network] = await Promise.all([
    attempt('serial', s.serial),
    attempt('usb', s.usb),
    attempt('hid', s.hid),
    Promise.all((s.networkPrinters ?? []).map((p) => probeTcp(p.host, p.port ?? 9100, s.connectTimeoutMs ?? 1000))),
  ]);
  const devices: DiscoveredDevice[] = [
    ...serial.map((p) => {
      const vendorId = parseHex(p.vendorId);
      return defined<DiscoveredDevice>({ kind: 'serial', address: `serial:${p.path}`, vendorId, productId: parseHex(p.productId), manufacturer: p.manufacturer, serialNumber: p.serialNumber, guessedClass: guessClass(vendorId !== undefined ? { vendorId } : {}) });
    }),
    ...usb.map((d) => defined<DiscoveredDevice>({
      kind: 'usb', address: `usb:${hex(d.vendorId)}:${hex(d.productId)}${d.serialNumber ? `/${d.serialNumber}` : ''}`, vendorId: d.vendorId, productId: d.productId,
      manufacturer: d.manufacturerName ?? undefined, product: d.productName ?? undefined, serialNumber: d.serialNumber ?? undefined,
      guessedClass: guessClass({ vendorId: d.vendorId, ...(d.interfaceClasses ? { interfaceClasses: d.interfaceClasses } : {}) }),
    })),
    ...hid.map((d) => defined<DiscoveredDevice>({
      kind: 'hid', address: d.path ? `hid:${d.path}` : `usb:${hex(d.vendorId)}:${hex(d.productId)}`, vendorId: d.vendorId, productId: d.productId,
      manufacturer: d.manufacturer, product: d.product, serialNumber: d.serialNumber,
      guessedClass: guessClass({ vendorId: d.vendorId, ...(d.usagePage !== undefined ? { usagePage: d.usagePage } : {}) }),
    })),
    ...network,
  ];
  return { devices, problems };
}

function probeTcp(host: string, port: number, timeoutMs: number): Promise<DiscoveredDevice> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (reachable: boolean): void => {
      socket.destroy();
      resolve({ kind: 'network', address: `tcp://${host}:${port}`, guessedClass: 'receipt-printer', reachable });
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
