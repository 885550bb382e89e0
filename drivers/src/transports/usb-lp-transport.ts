/**
 * USB printers through the kernel's printer-class driver (usblp): `/dev/usb/lpN`, readable
 * for the printer's status replies. Configure the udev symlink (`/dev/pos/receipt`), not
 * `lpN`, whose numbers move between boots. The appliance user reaches it through the `lp`
 * group (installer/udev).
 */
import { constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { type Transport, TransportClosedError, TransportEvents } from './transport';

export class UsbLpTransport implements Transport {
  readonly kind = 'usb-lp';
  readonly address: string;
  private handle: FileHandle | null = null;
  private readonly events = new TransportEvents();
  private reading: NodeJS.Timeout | null = null;

  constructor(private readonly path: string, private readonly pollMs = 20) {
    this.address = `usb-lp:${path}`;
  }

  get isOpen(): boolean {
    return this.handle !== null;
  }

  async open(): Promise<void> {
    if (this.handle) return;
    try {
      // Non-blocking: a read with nothing to say returns EAGAIN instead of holding a thread.
      this.handle = await open(this.path, constants.O_RDWR | constants.O_NONBLOCK | constants.O_NOCTTY);
    } catch (err) {
      throw new TransportClosedError(this.address, err as Error);
    }
    this.schedule();
  }

  async write(bytes: Uint8Array): Promise<void> {
    let offset = 0;
    while (offset < bytes.length) {
      const h = this.handle;
      if (!h) throw new TransportClosedError(this.address);
      try {
        const { bytesWritten } = await h.write(bytes, offset, bytes.length - offset);
        offset += bytesWritten;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EAGAIN') {
          await new Promise((r) => setTimeout(r, this.pollMs)); // the printer's buffer is full
          continue;
        }
        await this.fail(err as Error);
        throw new TransportClosedError(this.address, err as Error);
      }
    }
  }

  onData(cb: (bytes: Uint8Array) => void): () => void {
    return this.events.onData(cb);
  }

  onClose(cb: (err?: Error) => void): () => void {
    return this.events.onClose(cb);
  }

  async close(): Promise<void> {
    if (this.reading) clearTimeout(this.reading);
    this.reading = null;
    const h = this.handle;
    this.handle = null;
    if (h) await h.close().catch(() => undefined);
  }

  private schedule(): void {
    this.reading = setTimeout(() => void this.readOnce(), this.pollMs);
  }

  private async readOnce(): Promise<void> {
    const h = this.handle;
    if (!h) return;
    const buf = new Uint8Array(256);
    try {
      const { bytesRead } = await h.read(buf, 0, buf.length, null);
      if (bytesRead > 0) this.events.emitData(buf.slice(0, bytesRead));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') {
        await this.fail(err as Error); // EIO / ENODEV: unplugged
        return;
      }
    }
    if (this.handle === h) this.schedule();
  }

  private async fail(err: Error): Promise<void> {
    if (!this.handle) return;
    await this.close();
    this.events.emitClose(new TransportClosedError(this.address, err));
  }
}
