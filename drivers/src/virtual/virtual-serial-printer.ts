/**
 * The virtual printer behind a serial line or a character device: the same ESC/POS
 * behaviour as the network one, for testing printers on serial, `/dev/usb/lpN` and USB.
 */
import type { Duplex } from 'node:stream';
import { openSimulatorPort } from './serial-simulator';
import { type VirtualPrinter, VirtualPrinterServer } from './virtual-printer';

export async function startVirtualSerialPrinter(opts: { path: string; outDir?: string; name?: string }): Promise<VirtualPrinter> {
  const printer = new VirtualPrinterServer(opts.name ?? 'serial-printer', opts.outDir);
  const port = await openSimulatorPort(opts.path);
  printer.accept(port);
  return printer;
}

/** A printer attached to an in-memory pipe (the far end of a fake USB device). */
export function attachVirtualPrinter(stream: Duplex, opts: { outDir?: string; name?: string } = {}): VirtualPrinter {
  const printer = new VirtualPrinterServer(opts.name ?? 'usb-printer', opts.outDir);
  printer.accept(stream);
  return printer;
}
