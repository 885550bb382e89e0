/**
 * Labelled crash points for the crash tests (docs/reliability.md, "Crash tests"). A test
 * starts the edge or the cloud with `BRIGADE_CRASH_AT=<label>` (or `<label>:<n>`, the n-th
 * pass) and the process kills itself with SIGKILL the moment it passes that point: the
 * same instant on every run, which a kill sent from outside cannot promise. Test-only: unset,
 * `crashPoint` is one comparison, because the variable is read once when this module loads.
 */

export const CRASH_POINTS = [
  /** A command committed (and its outbox rows with it); the push that would carry them is about to go. */
  'edge.after-commit-before-push',
  /** The cloud committed a push that applied mutations; its HTTP answer (the ack) is not written yet. */
  'cloud.after-commit-before-ack',
  /** Inside a push transaction that applied mutations, all its rows written, before COMMIT. */
  'cloud.mid-push-transaction',
  /** Inside the SQLite transaction applying a shape batch, after its first row was written. */
  'edge.mid-shape-batch',
  /** A print job's bytes reached the printer and it said it printed; the job is not marked printed yet. */
  'edge.after-print-send-before-mark',
] as const;

export type CrashPointLabel = (typeof CRASH_POINTS)[number];

export interface ArmedCrashPoint {
  readonly label: CrashPointLabel;
  /** Crash on this pass (1 = the first time the point is reached). */
  readonly nth: number;
}

/** Reads `BRIGADE_CRASH_AT`; a value naming no crash point is refused, so a typo cannot pass for a crash that never came. */
export function parseCrashAt(value: string | undefined): ArmedCrashPoint | null {
  if (value === undefined || value === '') return null;
  const match = /^([a-z.-]+)(?::(\d+))?$/.exec(value);
  const label = match?.[1];
  const nth = match?.[2] === undefined ? 1 : Number(match[2]);
  if (!label || !(CRASH_POINTS as readonly string[]).includes(label) || !Number.isSafeInteger(nth) || nth < 1) {
    throw new Error(`BRIGADE_CRASH_AT=${value} names no crash point; use <label> or <label>:<n> with one of ${CRASH_POINTS.join(', ')}`);
  }
  return { label: label as CrashPointLabel, nth };
}

const armed = parseCrashAt(process.env.BRIGADE_CRASH_AT);
let passes = 0;

/** The crash point this process was started with, if any. */
export function armedCrashPoint(): ArmedCrashPoint | null {
  return armed;
}

/** Kills this process with SIGKILL when it was started armed at `label` and this is the chosen pass. */
export function crashPoint(label: CrashPointLabel): void {
  if (armed === null || armed.label !== label) return;
  passes += 1;
  // SIGKILL to oneself is delivered before the kill call returns to JavaScript: nothing after this line runs.
  if (passes === armed.nth) process.kill(process.pid, 'SIGKILL');
}
