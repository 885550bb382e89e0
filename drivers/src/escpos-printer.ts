/**
 * A receipt printer speaking ESC/POS over any transport. A job counts as printed only when
 * the printer's status after the job is clean: bytes leaving the socket prove nothing (a
 * printer out of paper accepts them happily).
 */
import { type DrawerCommand, drawerKickBytes } from './escpos/drawer-kick';
import { type PrinterStatus, STATUS_QUERY, isReady, isStatusByte, parseStatus } from './escpos/printer-status';
import { ReplyReader, ReplyTimeoutError } from './transports/reply-reader';
import type { Transport } from './transports/transport';

export type PrintFailure = 'paper_end' | 'cover_open' | 'offline' | 'uncertain' | 'error';

export type PrintOutcome =
  | { ok: true; status: PrinterStatus }
  | { ok: false; reason: PrintFailure; message: string; status?: PrinterStatus };

export interface EscPosPrinterOptions {
  id: string;
  /** Deadline for each status reply; a printer that stays silent longer is offline (before a job) or uncertain (after). */
  timeoutMs?: number;
  drawerCommand?: DrawerCommand;
}

export function offlineStatus(at = Date.now()): PrinterStatus {
  return { online: false, paperEnd: false, paperNearEnd: false, coverOpen: false, error: false, drawerOpen: false, at };
}

/** Why a printer that is not ready refuses (or failed) a job. */
export function refusal(status: PrinterStatus): { reason: PrintFailure; message: string } {
  if (status.paperEnd) return { reason: 'paper_end', message: 'The printer is out of paper.' };
  if (status.coverOpen) return { reason: 'cover_open', message: 'The printer cover is open.' };
  if (status.error) return { reason: 'error', message: 'The printer reports an error (cutter jam or mechanical fault).' };
  return { reason: 'offline', message: 'The printer is offline.' };
}

export class EscPosPrinter {
  readonly id: string;
  private transport: Transport | null = null;
  private reader: ReplyReader | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private readonly timeoutMs: number;
  private readonly drawerCommand: DrawerCommand;

  constructor(private readonly makeTransport: () => Transport, opts: EscPosPrinterOptions) {
    this.id = opts.id;
    this.timeoutMs = opts.timeoutMs ?? 3000;
    this.drawerCommand = opts.drawerCommand ?? 'esc-p';
  }

  /** The printer's state now; an unreachable or silent printer reads as offline. */
  status(): Promise<PrinterStatus> {
    return this.exclusive(async () => {
      try {
        return await this.queryStatus();
      } catch {
        await this.drop();
        return offlineStatus();
      }
    });
  }

  print(bytes: Uint8Array): Promise<PrintOutcome> {
    return this.exclusive(() => this.printNow(bytes));
  }

  /**
   * Opens the drawer at once: not queued behind a job waiting for its status, and sent even
   * when the printer is out of paper (the cashier still needs to give change).
   */
  async kickDrawer(pin: 2 | 5 = 2): Promise<void> {
    const transport = await this.connect();
    await transport.write(drawerKickBytes(pin, this.drawerCommand));
  }

  async close(): Promise<void> {
    await this.chain.catch(() => undefined);
    await this.drop();
  }

  private async printNow(bytes: Uint8Array): Promise<PrintOutcome> {
    let before: PrinterStatus;
    try {
      before = await this.queryStatus();
    } catch (err) {
      await this.drop();
      return { ok: false, reason: 'offline', message: `The printer did not answer: ${(err as Error).message}` };
    }
    if (!isReady(before)) return { ok: false, ...refusal(before), status: before };
    try {
      await this.transport?.write(bytes);
    } catch (err) {
      await this.drop();
      return { ok: false, reason: 'uncertain', message: `The connection broke while sending: ${(err as Error).message}` };
    }
    let after: PrinterStatus;
    try {
      after = await this.queryStatus();
    } catch (err) {
      await this.drop();
      const why = err instanceof ReplyTimeoutError ? 'went silent' : 'dropped the connection';
      return { ok: false, reason: 'uncertain', message: `The printer ${why} after the job was sent; it may or may not have printed.` };
    }
    if (!isReady(after)) return { ok: false, ...refusal(after), status: after };
    return { ok: true, status: after };
  }

  private async queryStatus(): Promise<PrinterStatus> {
    const transport = await this.connect();
    const reader = this.reader as ReplyReader;
    reader.discard();
    await transport.write(STATUS_QUERY);
    const [printer, cause, paper] = await reader.read(3, this.timeoutMs);
    return parseStatus(printer as number, cause as number, paper as number);
  }

  private async connect(): Promise<Transport> {
    if (this.transport?.isOpen) return this.transport;
    await this.drop();
    const transport = this.makeTransport();
    await transport.open();
    this.transport = transport;
    this.reader = new ReplyReader(transport, isStatusByte);
    transport.onClose(() => {
      if (this.transport === transport) {
        this.reader?.dispose();
        this.transport = null;
        this.reader = null;
      }
    });
    return transport;
  }

  private async drop(): Promise<void> {
    const transport = this.transport;
    this.reader?.dispose();
    this.transport = null;
    this.reader = null;
    if (transport) await transport.close().catch(() => undefined);
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn, fn);
    this.chain = run.catch(() => undefined);
    return run;
  }
}
