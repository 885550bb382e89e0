/** A barcode scanner in USB CDC mode: each scan is the code and CR LF on the serial line. */
import { closePort, openSimulatorPort } from './serial-simulator';

export interface VirtualScanner {
  scan(code: string): Promise<void>;
  close(): Promise<void>;
}

export async function startVirtualScanner(opts: { path: string }): Promise<VirtualScanner> {
  const port = await openSimulatorPort(opts.path);
  port.on('error', () => undefined);
  return {
    scan: (code) => new Promise((resolve, reject) => {
      port.write(Buffer.from(`${code}\r\n`, 'latin1'), (err) => (err ? reject(err) : resolve()));
    }),
    close: () => closePort(port),
  };
}
