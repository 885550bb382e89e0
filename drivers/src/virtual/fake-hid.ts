/**
 * A HID device for machines without /dev/uhid: it implements the slice of node-hid's
 * HIDAsync that HidTransport uses. Tests push input reports and pull the cable.
 */
import { EventEmitter } from 'node:events';
import type { HidDeviceLike } from '../transports/hid-transport';

export class FakeHidDevice extends EventEmitter implements HidDeviceLike {
  readonly written: number[][] = [];
  closed = false;

  /** Sends an input report as the device would. */
  report(bytes: Uint8Array): void {
    if (!this.closed) this.emit('data', Buffer.from(bytes));
  }

  /** node-hid reports an unplug as a read error. */
  unplug(): void {
    this.emit('error', new Error('could not read from HID device'));
  }

  write(values: number[] | Buffer): Promise<number> {
    if (this.closed) return Promise.reject(new Error('device closed'));
    this.written.push([...values]);
    return Promise.resolve(values.length);
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}
