/**
 * Cash drawers. Most hang off the receipt printer's kick connector (`PrinterDrawer`); some
 * have their own serial interface that opens on a DTR (or RTS) pulse and reports "open" on
 * DSR or CTS (`SerialLineDrawer`). Either way opening never waits behind printing.
 */
import { SerialPort } from 'serialport';

/** The part of a serialport port a line-driven drawer uses. */
export interface LinePort {
  readonly isOpen: boolean;
  open(cb: (err: Error | null) => void): void;
  set(options: { dtr?: boolean; rts?: boolean }, cb: (err: Error | null | undefined) => void): void;
  get(cb: (err: Error | null, status?: { cts: boolean; dsr: boolean; dcd: boolean } | null) => void): void;
  close(cb: (err: Error | null) => void): void;
}

export interface CashDrawer {
  open(): Promise<void>;
  /** Whether the drawer reports itself open; undefined when it cannot tell. */
  isOpen?(): Promise<boolean>;
}

/** The drawer on a printer's kick connector. */
export class PrinterDrawer implements CashDrawer {
  constructor(private readonly printer: { kickDrawer(pin?: 2 | 5): Promise<void> }, private readonly pin: 2 | 5 = 2) {}

  open(): Promise<void> {
    return this.printer.kickDrawer(this.pin);
  }
}

export interface SerialLineDrawerOptions {
  path: string;
  line?: 'dtr' | 'rts';
  /** Which input reports the drawer open, and whether high means open. */
  sense?: { input: 'dsr' | 'cts' | 'dcd'; openWhen: boolean };
  pulseMs?: number;
  /** Opens the port; the default is serialport on the real device. */
  openPort?: (path: string) => LinePort;
}

export class SerialLineDrawer implements CashDrawer {
  private port: LinePort | null = null;

  constructor(private readonly opts: SerialLineDrawerOptions) {}

  async open(): Promise<void> {
    const port = await this.connect();
    const line = this.opts.line ?? 'dtr';
    // serialport fills unset lines with "high": name both, so only the wired one pulses.
    await set(port, { dtr: line === 'dtr', rts: line === 'rts' });
    await new Promise((r) => setTimeout(r, this.opts.pulseMs ?? 100));
    await set(port, { dtr: false, rts: false });
  }

  async isOpen(): Promise<boolean> {
    const sense = this.opts.sense ?? { input: 'dsr', openWhen: true };
    const port = await this.connect();
    const bits = await new Promise<{ cts: boolean; dsr: boolean; dcd: boolean }>((resolve, reject) => port.get((err, status) => (err || !status ? reject(err ?? new Error('no modem status')) : resolve(status))));
    return bits[sense.input] === sense.openWhen;
  }

  async close(): Promise<void> {
    const port = this.port;
    this.port = null;
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  private async connect(): Promise<LinePort> {
    if (this.port?.isOpen) return this.port;
    const port = this.opts.openPort ? this.opts.openPort(this.opts.path) : new SerialPort({ path: this.opts.path, baudRate: 9600, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
    this.port = port;
    return port;
  }
}

function set(port: LinePort, options: { dtr?: boolean; rts?: boolean }): Promise<void> {
  return new Promise((resolve, reject) => port.set(options, (err) => (err ? reject(err) : resolve())));
}
