/** Every fault the simulator injects, counted per trial and summed by the soak. */
export const FAULT_KINDS = [
  'drop-request',
  'drop-response',
  'duplicate',
  'delay',
  'stale-replay',
  'partition',
  'partitioned-request',
  'rotate-shape',
  'schema-bump',
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];
export type FaultCounts = Record<FaultKind, number>;

export function emptyFaultCounts(): FaultCounts {
  return Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as FaultCounts;
}

export function addFaultCounts(into: FaultCounts, more: FaultCounts): void {
  for (const kind of FAULT_KINDS) into[kind] += more[kind];
}

export function formatFaultCounts(counts: FaultCounts): string {
  return FAULT_KINDS.filter((k) => counts[k] > 0).map((k) => `${k} ${counts[k]}`).join(', ') || 'none';
}
