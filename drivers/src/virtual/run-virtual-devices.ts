/**
 * Starts a bench of virtual devices for trying the POS by hand:
 *   npx tsx drivers/src/virtual/run-virtual-devices.ts [--port 9100] [--out data/receipts] [--serial]
 * A network receipt printer (text and PNG per receipt, drawer log), and with --serial a
 * scale, a CDC scanner and a pole display on socat ptys whose device ends it prints.
 * Type a barcode and Enter to scan it; "w 512" puts 512 g on the scale.
 */
import { createInterface } from 'node:readline';
import { startPtyPair } from './pty-pair';
import { startVirtualPoleDisplay } from './virtual-pole-display';
import { startVirtualPrinter } from './virtual-printer';
import { startVirtualScale } from './virtual-scale';
import { startVirtualScanner } from './virtual-scanner';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};

const printer = await startVirtualPrinter({ port: Number(option('--port', '9100')), outDir: option('--out', 'data/receipts'), png: true, name: 'virtual receipt printer' });
printer.on('receipt', (r) => console.log(`printed receipt ${r.seq}${r.file ? ` → ${r.file}` : ''}`));
printer.on('drawer', (k) => console.log(`drawer kick on pin ${k.pin}`));
console.log(`receipt printer: tcp://127.0.0.1:${printer.port}`);

const closers: Array<() => Promise<void>> = [() => printer.close()];
if (args.includes('--serial')) {
  const scalePair = await startPtyPair({ name: 'scale' });
  const scannerPair = await startPtyPair({ name: 'scanner' });
  const polePair = await startPtyPair({ name: 'pole' });
  const scale = await startVirtualScale({ path: scalePair.simulatorPath });
  const scanner = await startVirtualScanner({ path: scannerPair.simulatorPath });
  const pole = await startVirtualPoleDisplay({ path: polePair.simulatorPath });
  pole.on('change', ([a, b]) => console.log(`pole display: [${a}] [${b}]`));
  console.log(`scale:        serial:${scalePair.devicePath}?baud=9600&parity=even&dataBits=7`);
  console.log(`scanner:      serial:${scannerPair.devicePath}`);
  console.log(`pole display: serial:${polePair.devicePath}`);
  closers.push(() => scale.close(), () => scanner.close(), () => pole.close(), () => scalePair.unplug(), () => scannerPair.unplug(), () => polePair.unplug());
  createInterface({ input: process.stdin }).on('line', (line) => {
    const weight = /^w\s+(\d+)$/.exec(line.trim());
    if (weight) scale.set(Number(weight[1]));
    else if (line.trim()) void scanner.scan(line.trim());
  });
}

const stop = async (): Promise<void> => {
  for (const close of closers) await close().catch(() => undefined);
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
