/**
 * Mettler Toledo 8217 protocol, the lingua franca of POS scales (Odoo's IoT box speaks it
 * too): 9600 baud 7E1, the host sends `W`, the scale answers `STX weight CR` when it has a
 * reading or `STX ? status CR` when it does not. Only a stable reading may be sold.
 */
import type { DeviceWorker } from '../device-worker';
import { requestFrame } from '../transports/request-reply';

export type ScaleStatus = 'stable' | 'motion' | 'over-capacity' | 'under-zero' | 'error';

export interface ScaleReading {
  status: ScaleStatus;
  /** Whole grams; null without a weight. */
  grams: number | null;
  /** True only for a stable, positive weight: the one reading the POS may price. */
  sellable: boolean;
  at: number;
}

/** Status byte bits after `?` (bit 5 is always set so the byte stays printable). */
const MOTION = 0x01, OVER_CAPACITY = 0x02, UNDER_ZERO = 0x04;

export const TOLEDO_SERIAL = { baudRate: 9600, dataBits: 7, parity: 'even', stopBits: 1 } as const;

export class ScaleReplyError extends Error {
  constructor(frame: string) {
    super(`not a Toledo 8217 reply: ${JSON.stringify(frame)}`);
    this.name = 'ScaleReplyError';
  }
}

export function parseToledoReply(frame: string, at = Date.now()): ScaleReading {
  // eslint-disable-next-line no-control-regex -- STX/CR framing is the protocol
  const weight = /^\x02\s*(\d+\.\d+)N?\r$/.exec(frame);
  if (weight) {
    const grams = Math.round(Number(weight[1]) * 1000);
    return { status: 'stable', grams, sellable: grams > 0, at };
  }
  // eslint-disable-next-line no-control-regex -- STX/CR framing is the protocol
  const status = /^\x02\?([\x20-\x7f])\r$/.exec(frame);
  if (!status) throw new ScaleReplyError(frame);
  const bits = (status[1] as string).charCodeAt(0);
  const s: ScaleStatus = bits & OVER_CAPACITY ? 'over-capacity' : bits & UNDER_ZERO ? 'under-zero' : bits & MOTION ? 'motion' : 'error';
  return { status: s, grams: null, sellable: false, at };
}

/** The status byte a scale sends for a state (used by the simulator). */
export function toledoStatusByte(status: Exclude<ScaleStatus, 'stable'>): number {
  return 0x20 | (status === 'motion' ? MOTION : status === 'over-capacity' ? OVER_CAPACITY : status === 'under-zero' ? UNDER_ZERO : 0x08);
}

export class ToledoScale {
  constructor(private readonly worker: DeviceWorker, private readonly opts: { timeoutMs?: number } = {}) {}

  read(): Promise<ScaleReading> {
    return this.worker.run(async (t) => {
      const frame = await requestFrame(t, Uint8Array.of(0x57), (s) => {
        const end = s.indexOf('\r', s.indexOf('\x02'));
        return end >= 0 ? end + 1 : null;
      }, this.opts.timeoutMs ?? 1000);
      return parseToledoReply(frame.slice(frame.indexOf('\x02')));
    });
  }

  /** Polls until the weight settles; resolves with the last reading if it never does. */
  async readStable(opts: { timeoutMs?: number; intervalMs?: number } = {}): Promise<ScaleReading> {
    const deadline = Date.now() + (opts.timeoutMs ?? 3000);
    for (;;) {
      const reading = await this.read();
      if (reading.status === 'stable' || reading.status === 'over-capacity' || reading.status === 'under-zero' || Date.now() >= deadline) return reading;
      await new Promise((r) => setTimeout(r, opts.intervalMs ?? 100));
    }
  }
}
