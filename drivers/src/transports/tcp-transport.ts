import net from 'node:net';
import { type Transport, TransportClosedError, TransportEvents } from './transport';

/** Raw TCP, the "port 9100" / JetDirect socket that network receipt printers listen on. */
export class TcpTransport implements Transport {
  readonly kind = 'tcp';
  readonly address: string;
  private socket: net.Socket | null = null;
  private readonly events = new TransportEvents();

  constructor(private readonly host: string, private readonly port: number, private readonly connectTimeoutMs = 3000) {
    this.address = `tcp://${host}:${port}`;
  }

  get isOpen(): boolean {
    return this.socket !== null && !this.socket.destroyed;
  }

  open(): Promise<void> {
    if (this.isOpen) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: this.host, port: this.port });
      socket.setNoDelay(true);
      const timer = setTimeout(() => socket.destroy(new Error(`connect timed out after ${this.connectTimeoutMs} ms`)), this.connectTimeoutMs);
      const onError = (err: Error): void => {
        clearTimeout(timer);
        reject(new TransportClosedError(this.address, err));
      };
      socket.once('error', onError);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.off('error', onError);
        this.socket = socket;
        let failure: Error | undefined;
        socket.on('data', (b: Buffer) => this.events.emitData(new Uint8Array(b)));
        socket.on('error', (err) => { failure = err; });
        socket.once('close', () => {
          if (this.socket === socket) this.socket = null;
          this.events.emitClose(failure ?? new TransportClosedError(this.address));
        });
        resolve();
      });
    });
  }

  write(bytes: Uint8Array): Promise<void> {
    const socket = this.socket;
    if (!socket || socket.destroyed) return Promise.reject(new TransportClosedError(this.address));
    return new Promise((resolve, reject) => {
      socket.write(bytes, (err) => (err ? reject(new TransportClosedError(this.address, err)) : resolve()));
    });
  }

  onData(cb: (bytes: Uint8Array) => void): () => void {
    return this.events.onData(cb);
  }

  onClose(cb: (err?: Error) => void): () => void {
    return this.events.onClose(cb);
  }

  close(): Promise<void> {
    const socket = this.socket;
    this.socket = null;
    if (!socket || socket.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      socket.once('close', () => resolve());
      socket.end();
      // A printer that stopped reading never finishes the graceful close.
      setTimeout(() => socket.destroy(), 500).unref();
    });
  }
}
