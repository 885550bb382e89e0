/**
 * The demo's serial devices: a Toledo scale with 250 g of sweets on it, a barcode scanner and
 * a pole display, each a simulator on one end of a socat pty pair, the edge's drivers on the
 * other — the same wiring as a real till. Skipped (with a note) where socat is missing.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type PtyPair, type VirtualPoleDisplay, type VirtualScale, type VirtualScanner,
  socatAvailable, startPtyPair, startVirtualPoleDisplay, startVirtualScale, startVirtualScanner,
} from '@brigade/drivers/virtual';

export interface DemoDevices {
  /** The `BRIGADE_DEVICES` list that points the edge at the devices' ends of the pairs. */
  readonly settings: readonly { id: string; kind: string; address: string }[];
  readonly scale: VirtualScale;
  readonly scanner: VirtualScanner;
  readonly pole: VirtualPoleDisplay;
  close(): Promise<void>;
}

export async function startDemoDevices(): Promise<DemoDevices | null> {
  if (!socatAvailable()) return null;
  const dir = mkdtempSync(join(tmpdir(), 'brigade-demo-devices-'));
  const pairs: PtyPair[] = [];
  const pair = async (name: string) => {
    const created = await startPtyPair({ dir, name });
    pairs.push(created);
    return created;
  };
  const scalePair = await pair('scale');
  const scannerPair = await pair('scanner');
  const polePair = await pair('pole');
  const scale = await startVirtualScale({ path: scalePair.simulatorPath });
  scale.set(250);
  const scanner = await startVirtualScanner({ path: scannerPair.simulatorPath });
  const pole = await startVirtualPoleDisplay({ path: polePair.simulatorPath });
  return {
    settings: [
      { id: 'demo-scale', kind: 'scale', address: `serial:${scalePair.devicePath}` },
      { id: 'demo-scanner', kind: 'scanner', address: `serial:${scannerPair.devicePath}` },
      { id: 'demo-pole', kind: 'pole-display', address: `serial:${polePair.devicePath}` },
    ],
    scale,
    scanner,
    pole,
    async close() {
      await Promise.allSettled([scale.close(), scanner.close(), pole.close()]);
      await Promise.allSettled(pairs.map((p) => p.unplug()));
    },
  };
}
