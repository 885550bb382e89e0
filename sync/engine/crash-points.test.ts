import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CRASH_POINTS, parseCrashAt } from './crash-points';

const MODULE = fileURLToPath(new URL('./crash-points.ts', import.meta.url));

/** Runs a child that passes `edge.mid-shape-batch` three times, printing the pass number before each. */
function runChild(crashAt: string | undefined): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }> {
  const script = `const { crashPoint } = await import(${JSON.stringify(MODULE)});
for (let pass = 1; pass <= 3; pass++) { process.stdout.write(pass + ' '); crashPoint('edge.mid-shape-batch'); crashPoint('cloud.after-commit-before-ack'); }
process.stdout.write('done');`;
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.BRIGADE_CRASH_AT;
  if (crashAt !== undefined) env.BRIGADE_CRASH_AT = crashAt;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code, signal) => resolve({ code, signal, out, err })));
}

describe('BRIGADE_CRASH_AT', () => {
  it('reads a label, or a label and the pass to crash on', () => {
    expect(parseCrashAt(undefined)).toBeNull();
    expect(parseCrashAt('')).toBeNull();
    expect(parseCrashAt('edge.mid-shape-batch')).toEqual({ label: 'edge.mid-shape-batch', nth: 1 });
    expect(parseCrashAt('cloud.after-commit-before-ack:3')).toEqual({ label: 'cloud.after-commit-before-ack', nth: 3 });
    for (const label of CRASH_POINTS) expect(parseCrashAt(label)?.label).toBe(label);
  });

  it('refuses a value naming no crash point, so a typo cannot look like a crash that never came', () => {
    for (const bad of ['edge.mid-shape', 'edge.mid-shape-batch:0', 'edge.mid-shape-batch:x', 'edge.mid-shape-batch:1:2', ' edge.mid-shape-batch']) {
      expect(() => parseCrashAt(bad), bad).toThrow(/names no crash point/);
    }
  });

  it('kills the process with SIGKILL at the first pass of the armed label, and nothing after it runs', async () => {
    const run = await runChild('edge.mid-shape-batch');
    expect(run.signal).toBe('SIGKILL');
    expect(run.out).toBe('1 ');
  });

  it('kills at the n-th pass when asked', async () => {
    const run = await runChild('edge.mid-shape-batch:2');
    expect(run.signal).toBe('SIGKILL');
    expect(run.out).toBe('1 2 ');
  });

  it('does nothing when the process was started unarmed, or armed at another label it never passes', async () => {
    expect(await runChild(undefined)).toMatchObject({ code: 0, signal: null, out: '1 2 3 done' });
    expect(await runChild('edge.after-print-send-before-mark')).toMatchObject({ code: 0, signal: null, out: '1 2 3 done' });
  });

  it('stops a process started with an unknown label before it does anything', async () => {
    const run = await runChild('edge.after-lunch');
    expect(run.code).not.toBe(0);
    expect(run.out).toBe('');
    expect(run.err).toContain('names no crash point');
  });
});
