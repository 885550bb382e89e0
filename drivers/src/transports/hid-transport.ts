/**
 * HID devices (HID-POS scanners, some scales and displays) through node-hid. Each input
 * report arrives as one data chunk. node-hid needs Debian's libusb-1.0-0 and libudev1 at
 * run time; it is loaded only when a HID device is opened.
 */
import { type Transport, TransportClosedError, TransportEvents } from './transport';

/** The part of node-hid's HIDAsync this transport uses; fakes implement the same. */
export interface HidDeviceLike {
  on(event: 'data', cb: (report: Buffer) => void): unknown;
  on(event: 'error', cb: (err: Error) => void): unknown;
  write(values: number[] | Buffer): Promise<number>;
  close(): Promise<void>;
}

export class HidTransport implements Transport {
  readonly kind = 'hid';
  readonly address: string;
  private device: HidDeviceLike | null = null;
  private readonly events = new TransportEvents();

  constructor(private readonly openDevice: () => Promise<HidDeviceLike>, label: string) {
    this.address = `hid:${label}`;
  }

  /** A device by its hidraw path (`/dev/hidraw3`) as `devices()` lists it. */
  static byPath(path: string): HidTransport {
    return new HidTransport(async () => {
      const hid = await import('node-hid');
      return await hid.HIDAsync.open(path);
    }, path);
  }

  get isOpen(): boolean {
    return this.device !== null;
  }

  async open(): Promise<void> {
    let device: HidDeviceLike;
    try {
      device = await this.openDevice();
    } catch (err) {
      throw new TransportClosedError(this.address, err as Error);
    }
    this.device = device;
    device.on('data', (report) => this.events.emitData(new Uint8Array(report)));
    // node-hid reports an unplug as a read error.
    device.on('error', (err) => {
      if (this.device !== device) return;
      this.device = null;
      void device.close().catch(() => undefined);
      this.events.emitClose(new TransportClosedError(this.address, err));
    });
  }

  async write(bytes: Uint8Array): Promise<void> {
    const d = this.device;
    if (!d) throw new TransportClosedError(this.address);
    await d.write(Buffer.from(bytes));
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
    if (d) await d.close().catch(() => undefined);
  }
}
