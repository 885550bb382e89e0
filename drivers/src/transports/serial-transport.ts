import { stat } from 'node:fs/promises';
import { SerialPort } from 'serialport';
import { type Transport, TransportClosedError, TransportEvents } from './transport';

export interface SerialSettings {
  path: string;
  baudRate?: number;
  dataBits?: 7 | 8;
  parity?: 'none' | 'even' | 'odd';
  stopBits?: 1 | 2;
  /** How often to check that the device node still exists (ms). */
  watchMs?: number;
}

/**
 * A serial device (RS-232, USB-serial adapters, USB CDC scanners and displays). Configure by
 * a stable path (`/dev/serial/by-id/…` or a udev symlink under `/dev/pos/`), never `ttyUSBn`,
 * whose numbers move between boots.
 */
export class SerialTransport implements Transport {
  readonly kind = 'serial';
  readonly address: string;
  private port: SerialPort | null = null;
  private readonly events = new TransportEvents();
  private watch: NodeJS.Timeout | null = null;

  constructor(private readonly settings: SerialSettings) {
    this.address = `serial:${settings.path}`;
  }

  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  open(): Promise<void> {
    if (this.isOpen) return Promise.resolve();
    const s = this.settings;
    const port = new SerialPort({
      path: s.path,
      baudRate: s.baudRate ?? 9600,
      dataBits: s.dataBits ?? 8,
      parity: s.parity ?? 'none',
      stopBits: s.stopBits ?? 1,
      autoOpen: false,
    });
    return new Promise((resolve, reject) => {
      port.open((err) => {
        if (err) {
          reject(new TransportClosedError(this.address, err));
          return;
        }
        this.port = port;
        port.on('data', (b: Buffer) => this.events.emitData(new Uint8Array(b)));
        port.on('error', () => undefined); // the close event carries what matters
        this.watchDeviceNode(port);
        port.once('close', (closeErr?: Error) => {
          if (this.watch) clearInterval(this.watch);
          this.watch = null;
          if (this.port === port) this.port = null;
          this.events.emitClose(closeErr ?? new TransportClosedError(this.address));
        });
        resolve();
      });
    });
  }

  write(bytes: Uint8Array): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) return Promise.reject(new TransportClosedError(this.address));
    return new Promise((resolve, reject) => {
      port.write(Buffer.from(bytes), (err) => {
        if (err) {
          reject(new TransportClosedError(this.address, err));
          return;
        }
        port.drain((drainErr) => (drainErr ? reject(new TransportClosedError(this.address, drainErr)) : resolve()));
      });
    });
  }

  onData(cb: (bytes: Uint8Array) => void): () => void {
    return this.events.onData(cb);
  }

  onClose(cb: (err?: Error) => void): () => void {
    return this.events.onClose(cb);
  }

  /**
   * Unplugging removes the device node. serialport usually reports the disconnect itself,
   * but a read racing a write can leave it waiting forever (seen with ptys), so we also
   * watch the node and close the port once it is gone.
   */
  private watchDeviceNode(port: SerialPort): void {
    this.watch = setInterval(() => {
      stat(this.settings.path).catch(() => {
        if (this.port !== port) return;
        this.port = null;
        port.close(() => undefined, Object.assign(new Error(`${this.settings.path} disappeared`), { disconnected: true }));
      });
    }, this.settings.watchMs ?? 500);
    this.watch.unref();
  }

  close(): Promise<void> {
    if (this.watch) clearInterval(this.watch);
    this.watch = null;
    const port = this.port;
    this.port = null;
    if (!port?.isOpen) return Promise.resolve();
    return new Promise((resolve) => port.close(() => resolve()));
  }
}
