/**
 * The byte pipe to one device. TCP, serial, USB printer class, raw USB and HID all look the
 * same to the device classes above, which is also where tests plug in fakes for the buses
 * this machine does not have.
 */
export type TransportKind = 'tcp' | 'serial' | 'usb-lp' | 'usb' | 'hid';

export interface Transport {
  readonly kind: TransportKind;
  /** Where the device is, for logs and the devices page ("tcp://10.0.0.5:9100"). */
  readonly address: string;
  readonly isOpen: boolean;
  open(): Promise<void>;
  /** Resolves once the bytes left this process (not once the device acted on them). */
  write(bytes: Uint8Array): Promise<void>;
  /** Subscribes to bytes from the device; returns the unsubscribe function. */
  onData(cb: (bytes: Uint8Array) => void): () => void;
  /** Called once when the connection ends, with the error if it broke. */
  onClose(cb: (err?: Error) => void): () => void;
  close(): Promise<void>;
}

export class TransportClosedError extends Error {
  constructor(address: string, cause?: Error) {
    super(`connection to ${address} closed${cause ? `: ${cause.message}` : ''}`);
    this.name = 'TransportClosedError';
  }
}

/** Shared subscriber bookkeeping so each transport only wires its own I/O. */
export class TransportEvents {
  private readonly dataListeners = new Set<(b: Uint8Array) => void>();
  private readonly closeListeners = new Set<(err?: Error) => void>();

  onData(cb: (b: Uint8Array) => void): () => void {
    this.dataListeners.add(cb);
    return () => this.dataListeners.delete(cb);
  }

  onClose(cb: (err?: Error) => void): () => void {
    this.closeListeners.add(cb);
    return () => this.closeListeners.delete(cb);
  }

  emitData(bytes: Uint8Array): void {
    for (const cb of this.dataListeners) cb(bytes);
  }

  emitClose(err?: Error): void {
    for (const cb of [...this.closeListeners]) cb(err);
    this.closeListeners.clear();
  }
}
