/**
 * A pair of connected pseudo-terminals made by socat: the device driver opens one end as if
 * it were a serial port, a simulator answers on the other. Killing socat is the test's way
 * of pulling the cable.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface PtyPair {
  /** The end the driver opens. */
  devicePath: string;
  /** The end the simulator opens. */
  simulatorPath: string;
  /** Kills socat: both ends go away as if the cable was pulled. */
  unplug(): Promise<void>;
}

export function socatAvailable(): boolean {
  return spawnSync('socat', ['-V'], { stdio: 'ignore' }).status === 0;
}

export async function startPtyPair(opts: { dir?: string; name?: string; devicePath?: string; simulatorPath?: string } = {}): Promise<PtyPair> {
  if (!socatAvailable()) throw new Error('socat was not found: install the Debian package socat');
  const name = opts.name ?? 'tty';
  // A folder for the links only when the caller did not name both.
  let dir = opts.dir;
  const inDir = (file: string): string => path.join((dir ??= mkdtempSync(path.join(tmpdir(), 'brigade-pty-'))), file);
  const devicePath = opts.devicePath ?? inDir(`${name}-device`);
  const simulatorPath = opts.simulatorPath ?? inDir(`${name}-sim`);
  const child: ChildProcess = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${devicePath}`, `pty,raw,echo=0,link=${simulatorPath}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (b: Buffer) => { stderr += b.toString(); });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 5000;
  // socat logs "starting data transfer loop" once both links exist.
  while (!(stderr.includes('starting data transfer loop') && existsSync(devicePath) && existsSync(simulatorPath))) {
    if (child.exitCode !== null) throw new Error(`socat exited: ${stderr.trim()}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`socat did not make ${devicePath} in time: ${stderr.trim()}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    devicePath,
    simulatorPath,
    unplug: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
