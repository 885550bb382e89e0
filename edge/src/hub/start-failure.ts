/**
 * What the processes print when the node cannot start: a sentence for the mistakes people
 * make (a wrong setting, a port in use, a database from a newer version), a stack otherwise.
 */
import { ConfigError } from '../config';
import { DatabaseTooNewError } from '../store/migrations';

/** EX_CONFIG from sysexits.h: systemd shows it as a configuration error. */
export const EXIT_CONFIG = 78;

export function explainStartFailure(error: unknown): { message: string; exitCode: number } {
  if (error instanceof ConfigError || error instanceof DatabaseTooNewError) return { message: error.message, exitCode: EXIT_CONFIG };
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE' || code === 'EACCES') {
    const reason = code === 'EADDRINUSE' ? 'is already in use' : 'needs more privileges';
    return { message: `The port ${reason} (${(error as Error).message}). Set BRIGADE_HUB_PORT (or BRIGADE_PRINTER_PORT for the demo) to another port.`, exitCode: EXIT_CONFIG };
  }
  return { message: error instanceof Error ? (error.stack ?? error.message) : String(error), exitCode: 1 };
}

export function exitWithStartFailure(error: unknown): never {
  const { message, exitCode } = explainStartFailure(error);
  process.stderr.write(`Brigade could not start: ${message}\n`);
  process.exit(exitCode);
}
