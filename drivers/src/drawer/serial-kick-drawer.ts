/**
 * A cash drawer driven over a serial line with the ESC/POS kick: a drawer with its own
 * serial interface that speaks the printer's commands, or the kick connector of a serial
 * receipt printer. Opening is a real-time write (never behind a queued job, also while the
 * printer is out of paper); whether it is open comes from `DLE EOT 1` bit 2, the drawer
 * switch on connector pin 3, whose polarity depends on the drawer.
 */
import type { DeviceWorker } from '../device-worker';
import { type DrawerCommand, drawerKickBytes } from '../escpos/drawer-kick';
import { DLE_EOT, isStatusByte } from '../escpos/printer-status';
import { ReplyReader } from '../transports/reply-reader';
import type { CashDrawer } from './cash-drawer';

export interface SerialKickDrawerOptions {
  pin?: 2 | 5;
  command?: DrawerCommand;
  /** The level of pin 3 when the drawer is open: 'high' (most drawers) or 'low'. */
  openWhen?: 'high' | 'low';
  timeoutMs?: number;
}

export class SerialKickDrawer implements CashDrawer {
  constructor(private readonly worker: DeviceWorker, private readonly opts: SerialKickDrawerOptions = {}) {}

  /** Throws DeviceOfflineError when the line is not connected. */
  open(): Promise<void> {
    return this.worker.writeNow(drawerKickBytes(this.opts.pin ?? 2, this.opts.command ?? 'esc-p'));
  }

  isOpen(): Promise<boolean> {
    return this.worker.urgent(async (transport) => {
      const reader = new ReplyReader(transport, isStatusByte);
      try {
        await transport.write(DLE_EOT(1));
        const [reply] = await reader.read(1, this.opts.timeoutMs ?? 1000);
        const high = ((reply as number) & 0x04) !== 0;
        return (this.opts.openWhen ?? 'high') === 'high' ? high : !high;
      } finally {
        reader.dispose();
      }
    });
  }
}
