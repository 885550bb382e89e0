/**
 * A receipt printer kept connected by its own DeviceWorker: jobs and status checks go one at
 * a time, an idle printer's status is polled (so screens learn about an empty roll before a
 * ticket hits it), the connection comes back by itself with back-off, and drawer kicks skip
 * the queue entirely.
 */
import { EventEmitter } from 'node:events';
import { type Backoff, DeviceOfflineError, DeviceWorker, type DeviceState } from './device-worker';
import { type DrawerCommand, drawerKickBytes } from './escpos/drawer-kick';
import { EscPosSession, type PrintOutcome, offlineStatus } from './escpos/escpos-session';
import type { PrinterStatus } from './escpos/printer-status';
import type { Transport } from './transports/transport';

export interface PrinterWorkerOptions {
  id: string;
  transport: () => Transport;
  timeoutMs?: number;
  /** Status poll of an idle printer; 15 s by default. */
  pollMs?: number;
  backoff?: Partial<Backoff>;
  drawerCommand?: DrawerCommand;
  random?: () => number;
  /** ESC/POS automatic status back; by default on for serial and USB printers, off for TCP. */
  autoStatus?: boolean;
}

export class PrinterWorker extends EventEmitter {
  readonly id: string;
  readonly worker: DeviceWorker;
  private session: EscPosSession | null = null;
  private last: PrinterStatus = offlineStatus();
  private poll: NodeJS.Timeout | null = null;
  private busy = 0;
  private readonly timeoutMs: number;

  constructor(private readonly opts: PrinterWorkerOptions) {
    super();
    this.id = opts.id;
    this.timeoutMs = opts.timeoutMs ?? 3000;
    this.worker = new DeviceWorker({
      id: opts.id,
      transport: opts.transport,
      ...(opts.backoff ? { backoff: opts.backoff } : {}),
      ...(opts.random ? { random: opts.random } : {}),
      // Connected is not enough: a printer counts as online once it answers a status query.
      probe: async (t) => {
        const probe = new EscPosSession(t, this.timeoutMs, () => t.close());
        try {
          this.publish(await probe.status());
        } finally {
          probe.dispose();
        }
      },
    });
    this.worker.on('state', (state: DeviceState) => {
      // Open the session at once so a serial or USB printer can push status before the first job.
      if (state === 'online') void this.exclusive(() => Promise.resolve()).catch(() => undefined);
      if (state !== 'online') {
        this.session?.dispose();
        this.session = null;
        if (this.last.online) this.publish(offlineStatus());
      }
      this.emit('state', state);
    });
  }

  get lastStatus(): PrinterStatus {
    return this.last;
  }

  get state(): DeviceState {
    return this.worker.state;
  }

  start(): void {
    this.worker.start();
    this.poll = setInterval(() => {
      if (this.busy === 0 && this.worker.state === 'online') void this.status();
    }, this.opts.pollMs ?? 15_000);
    this.poll.unref();
  }

  print(bytes: Uint8Array): Promise<PrintOutcome> {
    return this.exclusive((s) => s.print(bytes)).then(
      (outcome) => {
        this.publish(outcome.status ?? offlineStatus());
        return outcome;
      },
      (err: Error) => ({ ok: false, reason: 'offline', message: err instanceof DeviceOfflineError ? 'The printer is offline.' : err.message }),
    );
  }

  status(): Promise<PrinterStatus> {
    return this.exclusive((s) => s.status()).then(
      (status) => this.publish(status),
      () => this.publish(offlineStatus()),
    );
  }

  /** Sent at once, even while a job waits for its status, and whatever the paper says. */
  kickDrawer(pin: 2 | 5 = 2): Promise<void> {
    return this.worker.writeNow(drawerKickBytes(pin, this.opts.drawerCommand ?? 'esc-p'));
  }

  async close(): Promise<void> {
    if (this.poll) clearInterval(this.poll);
    this.session?.dispose();
    await this.worker.close();
  }

  private async exclusive<T>(job: (s: EscPosSession) => Promise<T>): Promise<T> {
    this.busy += 1;
    try {
      return await this.worker.run(async (t) => {
        if (this.session?.transport !== t) {
          this.session?.dispose();
          // Dropping the connection hands it back to the worker, which reconnects.
          this.session = new EscPosSession(t, this.timeoutMs, () => t.close(), 'esc-pos', {
            ...(this.opts.autoStatus === undefined ? {} : { autoStatus: this.opts.autoStatus }),
            onAutoStatus: (status) => this.publish(status),
          });
          await this.session.start();
        }
        return job(this.session);
      });
    } finally {
      this.busy -= 1;
    }
  }

  private publish(status: PrinterStatus): PrinterStatus {
    const changed = JSON.stringify({ ...this.last, at: 0 }) !== JSON.stringify({ ...status, at: 0 });
    this.last = status;
    if (changed) this.emit('status', status);
    return status;
  }
}
