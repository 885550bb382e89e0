/**
 * The ESC/POS conversation on one open connection: status queries and the checked print.
 * A job counts as printed only when the printer's status after the job is clean: bytes
 * leaving the socket prove nothing (a printer out of paper accepts them happily).
 */
import { ReplyReader, ReplyTimeoutError } from '../transports/reply-reader';
import type { Transport } from '../transports/transport';
import { STAR_STATUS_QUERY, StarStatusError, asbLength, parseStarStatus } from '../star/star-status';
import { ASB_ALL, ASB_FRAME_LENGTH, autoStatusByDefault, enableAsb, isAsbHeader, parseEscPosAsb } from './asb';
import { type PrinterStatus, STATUS_QUERY, isReady, isStatusByte, parseStatus } from './printer-status';

/** The command set a printer speaks: it decides how status is asked and how the drawer is kicked. */
export type PrinterLanguage = 'esc-pos' | 'star-line';

export type PrintFailure = 'paper_end' | 'cover_open' | 'offline' | 'uncertain' | 'error';

export type PrintOutcome =
  | { ok: true; status: PrinterStatus }
  | { ok: false; reason: PrintFailure; message: string; status?: PrinterStatus };

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

/** How a session treats ESC/POS automatic status back (see ./asb). */
export interface AutoStatusOptions {
  /** Listen for ASB frames and let `start()` enable them; by default on serial and USB, off on TCP. */
  autoStatus?: boolean;
  /** Called with each status a printer pushes between polls. */
  onAutoStatus?: (status: PrinterStatus) => void;
}

export class EscPosSession {
  private readonly reader: ReplyReader;
  readonly autoStatus: boolean;
  private pushed: PrinterStatus | null = null;

  /** `drop` is called when the connection can no longer be trusted (late replies may follow). */
  constructor(
    readonly transport: Transport, private readonly timeoutMs: number, private readonly drop: () => Promise<void>,
    private readonly language: PrinterLanguage = 'esc-pos',
    private readonly asb: AutoStatusOptions = {},
  ) {
    this.autoStatus = language === 'esc-pos' && (asb.autoStatus ?? autoStatusByDefault(transport.kind));
    // A Star status frame has bytes of every value; ESC/POS replies are recognisable one by one,
    // and ASB frames start with a byte no DLE EOT reply can be, so both share the line.
    this.reader = new ReplyReader(transport, language === 'star-line' ? () => true : isStatusByte, this.autoStatus
      ? { length: (b) => (isAsbHeader(b) ? ASB_FRAME_LENGTH : null), onFrame: (frame) => this.onFrame(frame) }
      : undefined);
  }

  /** The last status the printer pushed by itself (null until a first ASB frame arrives). */
  get lastPushedStatus(): PrinterStatus | null {
    return this.pushed;
  }

  /** Sends `GS a` so the printer reports paper, drawer, offline and error changes by itself. */
  async start(): Promise<void> {
    if (this.autoStatus) await this.transport.write(enableAsb(ASB_ALL));
  }

  async status(): Promise<PrinterStatus> {
    this.reader.discard();
    if (this.language === 'star-line') {
      await this.transport.write(STAR_STATUS_QUERY);
      const [header] = await this.reader.read(1, this.timeoutMs);
      const length = asbLength(header as number);
      if (length === null) throw new StarStatusError(`0x${(header as number).toString(16)} is not a Star status header`);
      const rest = await this.reader.read(length - 1, this.timeoutMs);
      return parseStarStatus([header as number, ...rest]);
    }
    await this.transport.write(STATUS_QUERY);
    const [printer, cause, paper] = await this.reader.read(3, this.timeoutMs);
    return parseStatus(printer as number, cause as number, paper as number);
  }

  async print(bytes: Uint8Array): Promise<PrintOutcome> {
    let before: PrinterStatus;
    try {
      before = await this.status();
    } catch (err) {
      await this.drop();
      return { ok: false, reason: 'offline', message: `The printer did not answer: ${(err as Error).message}` };
    }
    if (!isReady(before)) return { ok: false, ...refusal(before), status: before };
    try {
      await this.transport.write(bytes);
    } catch (err) {
      await this.drop();
      return { ok: false, reason: 'uncertain', message: `The connection broke while sending: ${(err as Error).message}` };
    }
    let after: PrinterStatus;
    try {
      after = await this.status();
    } catch (err) {
      await this.drop();
      const why = err instanceof ReplyTimeoutError ? 'went silent' : 'dropped the connection';
      return { ok: false, reason: 'uncertain', message: `The printer ${why} after the job was sent; it may or may not have printed.` };
    }
    if (!isReady(after)) return { ok: false, ...refusal(after), status: after };
    return { ok: true, status: after };
  }

  dispose(): void {
    this.reader.dispose();
  }

  private onFrame(frame: number[]): void {
    let status: PrinterStatus;
    try {
      status = parseEscPosAsb(frame);
    } catch {
      return; // line noise: the next DLE EOT poll tells the truth
    }
    this.pushed = status;
    this.asb.onAutoStatus?.(status);
  }
}
