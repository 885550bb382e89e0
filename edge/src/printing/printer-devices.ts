/** The printers' connections as the print runner holds them: one per printer and language. */
import { NetworkPrinter, type PrintOutcome, type PrinterStatus } from '@brigade/drivers';
import type { RoutedPrinter } from './printer-settings';

/** What the runner needs of a printer; the drivers' NetworkPrinter is one. */
export interface PrinterDevice {
  print(bytes: Uint8Array): Promise<PrintOutcome>;
  kickDrawer(): Promise<void>;
  status(): Promise<PrinterStatus>;
  close(): Promise<void>;
}

/** A cash drawer that is not behind a printer (a serial drawer line); see edge/src/devices. */
export interface DrawerRoute {
  /** The drawer for the till that made the job, or null to kick through the receipt printer. */
  drawerFor(deviceId: string | null): { open(): Promise<void> } | null;
}

export class PrinterDevices {
  private readonly devices = new Map<string, { language: string; device: PrinterDevice }>();

  constructor(private readonly open: (printer: RoutedPrinter) => PrinterDevice = openNetworkPrinter) {}

  /** A printer switched to another language (Star line mode) gets a new connection. */
  get(printer: RoutedPrinter): PrinterDevice {
    const existing = this.devices.get(printer.id);
    if (existing && existing.language === printer.language) return existing.device;
    void existing?.device.close().catch(() => undefined);
    const device = this.open(printer);
    this.devices.set(printer.id, { language: printer.language, device });
    return device;
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.devices.values()].map(({ device }) => device.close().catch(() => undefined)));
  }
}

function openNetworkPrinter(printer: RoutedPrinter): PrinterDevice {
  return new NetworkPrinter({ id: printer.id, host: printer.host, port: printer.port, language: printer.language });
}
