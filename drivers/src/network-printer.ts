import type { DrawerCommand } from './escpos/drawer-kick';
import { EscPosPrinter, type PrinterLanguage } from './escpos-printer';
import { TcpTransport } from './transports/tcp-transport';

/** An ESC/POS printer on the LAN, raw TCP (usually port 9100). */
export class NetworkPrinter extends EscPosPrinter {
  readonly host: string;
  readonly port: number;

  constructor(opts: { id: string; host: string; port: number; timeoutMs?: number; drawerCommand?: DrawerCommand; language?: PrinterLanguage }) {
    const timeoutMs = opts.timeoutMs ?? 3000;
    super(() => new TcpTransport(opts.host, opts.port, timeoutMs), {
      id: opts.id, timeoutMs, ...(opts.drawerCommand ? { drawerCommand: opts.drawerCommand } : {}), ...(opts.language ? { language: opts.language } : {}),
    });
    this.host = opts.host;
    this.port = opts.port;
  }
}
