/**
 * A receipt printer speaking ESC/POS over any transport, connecting on demand. For a
 * printer that should stay connected, polled and reconnected with back-off, use
 * PrinterWorker.
 */
import { type DrawerCommand, drawerKickBytes, starDrawerKickBytes } from './escpos/drawer-kick';
import { EscPosSession, type PrintOutcome, type PrinterLanguage, offlineStatus } from './escpos/escpos-session';
import type { PrinterStatus } from './escpos/printer-status';
import type { Transport } from './transports/transport';

export { type PrintFailure, type PrintOutcome, type PrinterLanguage, offlineStatus, refusal } from './escpos/escpos-session';

export interface EscPosPrinterOptions {
  id: string;
  /** Deadline for each status reply; a printer that stays silent longer is offline (before a job) or uncertain (after). */
  timeoutMs?: number;
  drawerCommand?: DrawerCommand;
  /** Star printers in Star line mode answer `ESC ACK SOH` and kick with `BEL`. */
  language?: PrinterLanguage;
}

export class EscPosPrinter {
  readonly id: string;
  private session: EscPosSession | null = null;
  private connecting: Promise<EscPosSession> | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private readonly timeoutMs: number;
  private readonly drawerCommand: DrawerCommand;
  readonly language: PrinterLanguage;

  constructor(private readonly makeTransport: () => Transport, opts: EscPosPrinterOptions) {
    this.id = opts.id;
    this.timeoutMs = opts.timeoutMs ?? 3000;
    this.drawerCommand = opts.drawerCommand ?? 'esc-p';
    this.language = opts.language ?? 'esc-pos';
  }

  /** The printer's state now; an unreachable or silent printer reads as offline. */
  status(): Promise<PrinterStatus> {
    return this.exclusive(async () => {
      try {
        return await (await this.connect()).status();
      } catch {
        await this.drop();
        return offlineStatus();
      }
    });
  }

  print(bytes: Uint8Array): Promise<PrintOutcome> {
    return this.exclusive(async () => {
      let session: EscPosSession;
      try {
        session = await this.connect();
      } catch (err) {
        return { ok: false, reason: 'offline', message: `The printer cannot be reached: ${(err as Error).message}` };
      }
      return session.print(bytes);
    });
  }

  /**
   * Opens the drawer at once: not queued behind a job waiting for its status, and sent even
   * when the printer is out of paper (the cashier still needs to give change).
   */
  async kickDrawer(pin: 2 | 5 = 2): Promise<void> {
    const session = await this.connect();
    await session.transport.write(this.language === 'star-line' ? starDrawerKickBytes(pin) : drawerKickBytes(pin, this.drawerCommand));
  }

  async close(): Promise<void> {
    await this.chain.catch(() => undefined);
    await this.drop();
  }

  private connect(): Promise<EscPosSession> {
    if (this.session?.transport.isOpen) return Promise.resolve(this.session);
    // A drawer kick and a job may both find the printer disconnected: share one attempt.
    this.connecting ??= this.openSession().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async openSession(): Promise<EscPosSession> {
    await this.drop();
    const transport = this.makeTransport();
    await transport.open();
    const session = new EscPosSession(transport, this.timeoutMs, () => this.drop(), this.language);
    this.session = session;
    transport.onClose(() => {
      if (this.session !== session) return;
      session.dispose();
      this.session = null;
    });
    // Serial and USB printers then push their status (ASB) between the polls around each job.
    await session.start();
    return session;
  }

  private async drop(): Promise<void> {
    const session = this.session;
    this.session = null;
    if (!session) return;
    session.dispose();
    await session.transport.close().catch(() => undefined);
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn, fn);
    this.chain = run.catch(() => undefined);
    return run;
  }
}
