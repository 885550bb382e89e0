/**
 * A network receipt printer in software: a real TCP server speaking ESC/POS. It answers
 * DLE EOT status queries for its current condition, decodes each job and keeps it as
 * readable text (one file per receipt when `outDir` is set), and logs drawer pulses. Used
 * by the demo store and by tests that need a printer to misbehave on cue.
 */
import { EventEmitter } from 'node:events';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import path from 'node:path';
import { EscPosParser, type PaperEvent, type ParsedItem } from '../escpos/escpos-parser';
import { asbFrame } from '../escpos/asb';
import { statusBytes } from '../escpos/printer-status';
import { StarLineParser } from '../star/star-line-parser';
import { starStatusFrame } from '../star/star-status';
import { renderReceiptPng } from '../png/render-receipt-png';
import { type DecodedPaper, PaperBuilder } from './decode-escpos';

export type PrinterCondition = 'ready' | 'paper-end' | 'paper-near-end' | 'cover-open' | 'offline' | 'silent' | 'back-pressure' | 'reset-mid-job';

export interface DecodedReceipt extends DecodedPaper {
  seq: number;
  at: number;
  file?: string;
}

export interface DrawerKick {
  pin: number;
  onMs: number;
  offMs: number;
  at: number;
}

export interface VirtualPrinter {
  readonly port: number;
  readonly name: string;
  close(): Promise<void>;
  setCondition(c: PrinterCondition): void;
  readonly condition: PrinterCondition;
  receipts(): DecodedReceipt[];
  drawerKicks(): number;
  /** Jobs thrown away because paper ran out, the cover opened or the connection reset mid-job. */
  tornJobs(): number;
  /** Bytes the printer could not decode, with the reason. */
  decodeErrors(): string[];
  closeDrawer(): void;
  /** Connections accepted so far. */
  connections(): number;
  /** Resolves once at least `count` receipts have printed. */
  waitForReceipts(count: number, timeoutMs?: number): Promise<DecodedReceipt[]>;
  on(event: 'receipt', cb: (r: DecodedReceipt) => void): this;
  on(event: 'drawer', cb: (k: DrawerKick) => void): this;
  /** Fired when the first content of a job arrives, before it is printed. */
  on(event: 'job', cb: () => void): this;
  /** Fired when a connection switches automatic status back on (`GS a n`, n ≠ 0). */
  on(event: 'auto-status', cb: () => void): this;
  off(event: 'receipt', cb: (r: DecodedReceipt) => void): this;
  off(event: 'drawer', cb: (k: DrawerKick) => void): this;
  off(event: 'job', cb: () => void): this;
}

const printable: ReadonlySet<PrinterCondition> = new Set(['ready', 'paper-near-end', 'silent', 'back-pressure']);

export class VirtualPrinterServer extends EventEmitter implements VirtualPrinter {
  port = 0;
  condition: PrinterCondition = 'ready';
  private readonly printed: DecodedReceipt[] = [];
  private readonly errors: string[] = [];
  private kicks = 0;
  private accepted = 0;
  private torn = 0;
  private drawerOpen = false;
  private seq = 0;
  private readonly sockets = new Set<Duplex>();
  private readonly resumers = new Map<Duplex, () => void>();
  /** Connections that switched automatic status back on with `GS a`. */
  private readonly asbSockets = new Set<Duplex>();
  readonly server: net.Server;

  constructor(
    readonly name: string, private readonly outDir: string | undefined, private readonly png = false,
    /** Star line mode: jobs are read as Star commands and `ESC ACK SOH` is answered with a status frame. */
    readonly language: 'esc-pos' | 'star-line' = 'esc-pos',
  ) {
    super();
    if (outDir) mkdirSync(outDir, { recursive: true });
    this.server = net.createServer((socket) => {
      // Status replies are single bytes: without this, Nagle's algorithm holds each one
      // back for the client's delayed ACK (~40 ms), as a real printer's firmware does not.
      socket.setNoDelay(true);
      this.accept(socket);
    });
  }

  setCondition(c: PrinterCondition): void {
    const before = this.state();
    this.condition = c;
    // A printer with ASB on reports a change by itself (a reset or a pulled cable cannot).
    if (JSON.stringify(before) !== JSON.stringify(this.state())) for (const s of this.asbSockets) this.pushStatus(s);
    if (c === 'offline') for (const s of this.sockets) s.destroy();
    for (const s of this.sockets) {
      if (c === 'back-pressure') s.pause();
      else {
        s.resume();
        this.resumers.get(s)?.();
      }
    }
  }

  receipts(): DecodedReceipt[] {
    return [...this.printed];
  }

  drawerKicks(): number {
    return this.kicks;
  }

  tornJobs(): number {
    return this.torn;
  }

  decodeErrors(): string[] {
    return [...this.errors];
  }

  closeDrawer(): void {
    this.drawerOpen = false;
  }

  connections(): number {
    return this.accepted;
  }

  waitForReceipts(count: number, timeoutMs = 5000): Promise<DecodedReceipt[]> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (this.printed.length < count) return;
        clearTimeout(timer);
        this.off('receipt', check);
        resolve(this.receipts());
      };
      const timer = setTimeout(() => {
        this.off('receipt', check);
        reject(new Error(`${this.name}: ${this.printed.length} of ${count} receipts after ${timeoutMs} ms`));
      }, timeoutMs);
      this.on('receipt', check);
      check();
    });
  }

  close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    if (!this.server.listening) return Promise.resolve();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** Serves one connection: a TCP socket, a serial line, or a fake USB pipe. */
  accept(socket: Duplex): void {
    if (this.condition === 'offline') {
      socket.destroy();
      return;
    }
    this.accepted += 1;
    this.sockets.add(socket);
    if (this.condition === 'back-pressure') socket.pause();
    const parser = this.language === 'star-line' ? new StarLineParser() : new EscPosParser();
    let job = new PaperBuilder();
    let jobTorn = false;
    let inJob = false;
    const tear = (): void => {
      if (inJob && !jobTorn) this.torn += 1;
      jobTorn = true;
      job = new PaperBuilder();
    };
    const finish = (): void => {
      if (!jobTorn && !job.isEmpty) this.keep(job.result());
      job = new PaperBuilder();
      jobTorn = false;
      inJob = false;
    };
    // Items read but not yet acted on: a printer that stops reading (back-pressure) leaves them waiting.
    let backlog: ParsedItem[] = [];
    const process = (): void => {
      while (backlog.length > 0) {
        if (socket.destroyed || this.condition === 'back-pressure') return;
        const item = backlog.shift() as ParsedItem;
        if (item.kind === 'status-query') {
          this.answer(socket, item.n);
          continue;
        }
        if (item.kind === 'init') continue;
        if (item.kind === 'auto-status') {
          // Epson printers send the current status at once when ASB is switched on.
          if ((item.n & 0x0f) === 0) this.asbSockets.delete(socket);
          else if (this.language === 'esc-pos') {
            this.asbSockets.add(socket);
            this.pushStatus(socket);
            this.emit('auto-status');
          }
          continue;
        }
        if (item.kind === 'event' && item.event.type === 'drawer') {
          this.kick(item.event);
          continue;
        }
        if (!inJob && item.kind === 'text' && item.text.trim() === '') {
          // Leading blank space is not yet a job (the encoder sends a newline after each cut).
          if (printable.has(this.condition) && !jobTorn) job.add(item);
          continue;
        }
        if (!inJob) {
          inJob = true;
          this.emit('job');
        }
        if (this.condition === 'reset-mid-job') {
          tear();
          socket.destroy();
          return;
        }
        if (!printable.has(this.condition)) tear();
        else if (!jobTorn) job.add(item);
        if (item.kind === 'event' && item.event.type === 'cut') finish();
      }
    };
    this.resumers.set(socket, process);
    socket.on('data', (chunk: Buffer) => {
      try {
        backlog.push(...parser.push(new Uint8Array(chunk)));
      } catch (err) {
        this.errors.push((err as Error).message);
        backlog = [];
        tear();
        socket.destroy();
        return;
      }
      process();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.resumers.delete(socket);
      this.asbSockets.delete(socket);
      // A printer prints what it received even without a cut; a reset job is already torn.
      finish();
    });
  }

  private state(): { online: boolean; paperEnd: boolean; paperNearEnd: boolean; coverOpen: boolean; error: boolean; drawerOpen: boolean } {
    return {
      online: true,
      paperEnd: this.condition === 'paper-end',
      paperNearEnd: this.condition === 'paper-near-end',
      coverOpen: this.condition === 'cover-open',
      error: false,
      drawerOpen: this.drawerOpen,
    };
  }

  private pushStatus(socket: Duplex): void {
    if (this.condition !== 'silent' && !socket.destroyed) socket.write(asbFrame(this.state()));
  }

  private answer(socket: Duplex, n: number): void {
    if (this.condition === 'silent') return;
    const state = this.state();
    if (this.language === 'star-line') {
      socket.write(starStatusFrame(state));
      return;
    }
    const s = statusBytes(state);
    const reply = n === 1 ? s.printer : n === 2 ? s.offlineCause : n === 3 ? 0x12 : n === 4 ? s.paper : printable.has(this.condition) ? 0x00 : null;
    if (reply !== null) socket.write(Uint8Array.of(reply));
  }

  private kick(event: PaperEvent): void {
    this.kicks += 1;
    this.drawerOpen = true;
    const kick: DrawerKick = { pin: event.pin ?? 2, onMs: event.onMs ?? 0, offMs: event.offMs ?? 0, at: Date.now() };
    if (this.outDir) appendFileSync(path.join(this.outDir, 'drawer.log'), `${new Date(kick.at).toISOString()} ${this.name} pin ${kick.pin} on ${kick.onMs} ms off ${kick.offMs} ms\n`);
    this.emit('drawer', kick);
  }

  private keep(paper: DecodedPaper): void {
    this.seq += 1;
    const receipt: DecodedReceipt = { ...paper, seq: this.seq, at: Date.now() };
    if (this.outDir) {
      const file = path.join(this.outDir, `${String(this.seq).padStart(4, '0')}-receipt.txt`);
      writeFileSync(file, `${paper.text}\n`);
      receipt.file = file;
      // After the status reply has gone out: drawing takes a while and must not delay it.
      if (this.png) setImmediate(() => writeFileSync(file.replace(/\.txt$/, '.png'), renderReceiptPng(paper)));
    }
    this.printed.push(receipt);
    this.emit('receipt', receipt);
  }
}

/** `png: true` also draws each receipt as `NNNN-receipt.png` next to its text file. */
export async function startVirtualPrinter(opts: {
  host?: string; port: number; outDir?: string; name?: string; png?: boolean; language?: 'esc-pos' | 'star-line';
}): Promise<VirtualPrinter> {
  const printer = new VirtualPrinterServer(opts.name ?? 'virtual-printer', opts.outDir, opts.png ?? false, opts.language ?? 'esc-pos');
  await new Promise<void>((resolve, reject) => {
    printer.server.once('error', reject);
    printer.server.listen(opts.port, opts.host ?? '127.0.0.1', () => {
      printer.server.off('error', reject);
      resolve();
    });
  });
  const address = printer.server.address();
  if (address && typeof address === 'object') printer.port = address.port;
  return printer;
}
