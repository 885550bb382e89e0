/**
 * A USB receipt printer for machines without a USB bus: it implements the slice of the
 * `usb` 3.x device API that UsbRawTransport uses, and behind its bulk endpoints sits the
 * same virtual ESC/POS printer as on the network. Production code cannot tell it apart.
 */
import { Duplex } from 'node:stream';
import type { UsbDeviceLike } from '../transports/usb-raw-transport';
import { USB_CLASS_PRINTER } from '../transports/usb-raw-transport';
import type { VirtualPrinter } from './virtual-printer';
import { attachVirtualPrinter } from './virtual-serial-printer';

/** The printer's end of the USB pipe: bytes from transferOut come in, replies go out. */
class PrinterPipe extends Duplex {
  readonly replies: Uint8Array[] = [];
  waiter: (() => void) | null = null;

  override _read(): void {}

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    this.replies.push(new Uint8Array(chunk));
    this.waiter?.();
    cb();
  }
}

const EP_OUT = 1, EP_IN = 2;

export class FakeUsbPrinter implements UsbDeviceLike {
  readonly vendorId: number;
  readonly productId: number;
  readonly serialNumber: string;
  opened = false;
  configuration: UsbDeviceLike['configuration'] = null;
  readonly printer: VirtualPrinter;
  private readonly pipe = new PrinterPipe();
  private gone = false;
  claimed = new Set<number>();
  detached = new Set<number>();

  constructor(opts: { vendorId?: number; productId?: number; serialNumber?: string; outDir?: string } = {}) {
    this.vendorId = opts.vendorId ?? 0x04b8; // Epson
    this.productId = opts.productId ?? 0x0e28;
    this.serialNumber = opts.serialNumber ?? 'FAKE0001';
    this.printer = attachVirtualPrinter(this.pipe, { name: `usb-${this.serialNumber}`, ...(opts.outDir ? { outDir: opts.outDir } : {}) });
    this.pipe.on('close', () => this.unplug());
  }

  open(): Promise<void> {
    this.check();
    this.opened = true;
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.opened = false;
    this.claimed.clear();
    return Promise.resolve();
  }

  selectConfiguration(): Promise<void> {
    this.check();
    this.configuration = {
      interfaces: [{
        interfaceNumber: 0,
        alternate: { interfaceClass: USB_CLASS_PRINTER, endpoints: [{ endpointNumber: EP_OUT, direction: 'out', type: 'bulk' }, { endpointNumber: EP_IN, direction: 'in', type: 'bulk' }] },
      }],
    };
    return Promise.resolve();
  }

  claimInterface(n: number): Promise<void> {
    this.check();
    this.claimed.add(n);
    return Promise.resolve();
  }

  releaseInterface(n: number): Promise<void> {
    this.claimed.delete(n);
    return Promise.resolve();
  }

  detachKernelDriver(n: number): Promise<void> {
    this.detached.add(n);
    return Promise.resolve();
  }

  transferOut(endpoint: number, data: Uint8Array): Promise<{ status: string; bytesWritten: number }> {
    this.check();
    if (endpoint !== EP_OUT || !this.claimed.size) return Promise.reject(new Error('LIBUSB_ERROR_PIPE'));
    this.pipe.push(Buffer.from(data));
    return Promise.resolve({ status: 'ok', bytesWritten: data.length });
  }

  async transferIn(endpoint: number, length: number): Promise<{ status: string; data?: DataView }> {
    if (endpoint !== EP_IN) throw new Error('LIBUSB_ERROR_PIPE');
    while (this.pipe.replies.length === 0) {
      this.check();
      await new Promise<void>((resolve) => { this.pipe.waiter = resolve; });
    }
    this.check();
    const next = this.pipe.replies.shift() as Uint8Array;
    const part = next.slice(0, length);
    if (next.length > length) this.pipe.replies.unshift(next.slice(length));
    return { status: 'ok', data: new DataView(part.buffer, part.byteOffset, part.byteLength) };
  }

  /** Pulls the cable: transfers fail from now on. */
  unplug(): void {
    if (this.gone) return;
    this.gone = true;
    this.pipe.waiter?.();
    this.pipe.destroy();
  }

  private check(): void {
    if (this.gone) throw new Error('LIBUSB_ERROR_NO_DEVICE');
  }
}
