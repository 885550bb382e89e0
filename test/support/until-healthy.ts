/**
 * Waits for a child edge node (or cloud) to answer `/healthz`; fails at once with its stderr
 * if it exits first, and after `timeoutMs` if it never answers.
 */
import type { ChildProcess } from 'node:child_process';

export async function untilHealthy(child: ChildProcess, baseUrl: string, timeoutMs: number, stderr: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the edge node exited with ${child.exitCode}: ${stderr()}`);
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the edge node did not become healthy within ${timeoutMs / 1000} s: ${stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
