/** A Toledo 8217 scale on a serial line: answers `W` with the weight or a status. */
import type { SerialPort } from 'serialport';
import { type ScaleStatus, toledoStatusByte } from '../scale/toledo-scale';
import { closePort, openSimulatorPort } from './serial-simulator';

export interface VirtualScale {
  /** Puts `grams` on the scale; `status` other than stable hides the weight as a real scale does. */
  set(grams: number, status?: ScaleStatus): void;
  requests(): number;
  close(): Promise<void>;
}

export async function startVirtualScale(opts: { path: string }): Promise<VirtualScale> {
  const port: SerialPort = await openSimulatorPort(opts.path);
  let grams = 0;
  let status: ScaleStatus = 'stable';
  let requests = 0;
  port.on('data', (b: Buffer) => {
    for (const byte of b) {
      if (byte !== 0x57) continue; // 'W'; anything else is ignored, as the 8217 does
      requests += 1;
      const reply = status === 'stable'
        ? `\x02${(grams / 1000).toFixed(3).padStart(6, '0')}\r`
        : `\x02?${String.fromCharCode(toledoStatusByte(status))}\r`;
      port.write(Buffer.from(reply, 'latin1'));
    }
  });
  port.on('error', () => undefined);
  return {
    set(g, s = 'stable') {
      grams = g;
      status = s;
    },
    requests: () => requests,
    close: () => closePort(port),
  };
}
