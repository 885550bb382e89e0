/**
 * USB printers without the kernel driver, through `usb` 3.x (WebUSB-style API): claim the
 * printer-class interface and move bytes over its bulk endpoints. Use when `usblp` is not
 * available; the kernel driver is detached first if it holds the interface.
 */
import { type Transport, TransportClosedError, TransportEvents } from './transport';

/** The part of a `usb` 3.x device this transport uses; fakes implement the same. */
export interface UsbDeviceLike {
  vendorId: number;
  productId: number;
  serialNumber?: string | null;
  readonly opened: boolean;
  configuration: { interfaces: Array<{ interfaceNumber: number; alternate: { interfaceClass: number; endpoints: Array<{ endpointNumber: number; direction: 'in' | 'out'; type: string }> } }> } | null;
  open(): Promise<void>;
  close(): Promise<void>;
  selectConfiguration(value: number): Promise<void>;
  claimInterface(n: number): Promise<void>;
  releaseInterface(n: number): Promise<void>;
  detachKernelDriver?(n: number): Promise<void>;
  transferOut(endpoint: number, data: Uint8Array): Promise<{ status: string; bytesWritten: number }>;
  transferIn(endpoint: number, length: number): Promise<{ status: string; data?: DataView }>;
}

export const USB_CLASS_PRINTER = 7;

export class UsbRawTransport implements Transport {
  readonly kind = 'usb';
  readonly address: string;
  private device: UsbDeviceLike | null = null;
  private iface = -1;
  private epOut = -1;
  private epIn = -1;
  private readonly events = new TransportEvents();

  constructor(private readonly find: () => Promise<UsbDeviceLike | undefined>, label: string) {
    this.address = `usb:${label}`;
  }

  /** Finds a device by vendor and product id (and serial number when several are plugged in). */
  static byIds(vendorId: number, productId: number, serialNumber?: string): UsbRawTransport {
    const label = `${vendorId.toString(16).padStart(4, '0')}:${productId.toString(16).padStart(4, '0')}${serialNumber ? `/${serialNumber}` : ''}`;
    return new UsbRawTransport(async () => {
      const { usb } = await import('usb');
      const devices = (await usb.getDevices()) as unknown as UsbDeviceLike[];
      return devices.find((d) => d.vendorId === vendorId && d.productId === productId && (!serialNumber || d.serialNumber === serialNumber));
    }, label);
  }

  get isOpen(): boolean {
    return this.device !== null;
  }

  async open(): Promise<void> {
    const device = await this.find().catch((err: Error) => { throw new TransportClosedError(this.address, err); });
    if (!device) throw new TransportClosedError(this.address, new Error('device not found'));
    if (!device.opened) await device.open();
    if (!device.configuration) await device.selectConfiguration(1);
    const iface = device.configuration?.interfaces.find((i) => i.alternate.interfaceClass === USB_CLASS_PRINTER);
    const out = iface?.alternate.endpoints.find((e) => e.direction === 'out' && e.type === 'bulk');
    if (!iface || !out) {
      await device.close();
      throw new TransportClosedError(this.address, new Error('no printer-class interface with a bulk OUT endpoint'));
    }
    await device.detachKernelDriver?.(iface.interfaceNumber).catch(() => undefined); // not attached: fine
    await device.claimInterface(iface.interfaceNumber);
    this.device = device;
    this.iface = iface.interfaceNumber;
    this.epOut = out.endpointNumber;
    this.epIn = iface.alternate.endpoints.find((e) => e.direction === 'in' && e.type === 'bulk')?.endpointNumber ?? -1;
    if (this.epIn >= 0) void this.readLoop(device);
  }

  async write(bytes: Uint8Array): Promise<void> {
    const d = this.device;
    if (!d) throw new TransportClosedError(this.address);
    try {
      const r = await d.transferOut(this.epOut, bytes);
      if (r.status !== 'ok' || r.bytesWritten !== bytes.length) throw new Error(`transfer ${r.status}, ${r.bytesWritten} of ${bytes.length} bytes`);
    } catch (err) {
      await this.fail(err as Error);
      throw new TransportClosedError(this.address, err as Error);
    }
  }

  onData(cb: (bytes: Uint8Array) => void): () => void {
    return this.events.onData(cb);
  }

  onClose(cb: (err?: Error) => void): () => void {
    return this.events.onClose(cb);
  }

  async close(): Promise<void> {
    const d = this.device;
    this.device = null;
    if (!d) return;
    await d.releaseInterface(this.iface).catch(() => undefined);
    await d.close().catch(() => undefined);
  }

  private async readLoop(device: UsbDeviceLike): Promise<void> {
    while (this.device === device) {
      try {
        const r = await device.transferIn(this.epIn, 64);
        if (r.data && r.data.byteLength > 0) this.events.emitData(new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength));
      } catch (err) {
        await this.fail(err as Error);
        return;
      }
    }
  }

  private async fail(err: Error): Promise<void> {
    if (!this.device) return;
    await this.close();
    this.events.emitClose(new TransportClosedError(this.address, err));
  }
}
