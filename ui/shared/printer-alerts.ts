/**
 * Which printers need someone's attention, from the hub's printer list and its live
 * `printer.status` events. Pure, so the POS and the kitchen display show the same alerts.
 */
export interface PrinterState {
  readonly id: string;
  readonly status: string;
  readonly message: string | null;
}

/** Conditions where tickets wait (or went elsewhere) until a person acts. */
const needsAttention = new Set(['paper_end', 'cover_open', 'offline', 'error']);

const labels: Readonly<Record<string, string>> = {
  paper_end: 'is out of paper',
  cover_open: 'has its cover open',
  offline: 'is not answering',
  error: 'reports an error',
};

export function applyPrinterStatus(current: ReadonlyMap<string, PrinterState>, update: PrinterState): Map<string, PrinterState> {
  const next = new Map(current);
  if (needsAttention.has(update.status)) next.set(update.id, update);
  else next.delete(update.id);
  return next;
}

export function printerAlertText(state: PrinterState): string {
  const what = labels[state.status] ?? `reports ${state.status}`;
  return `Printer ${state.id} ${what}. Its tickets are kept and print once it is fixed${state.status === 'offline' ? ' (or on its backup)' : ''}.`;
}
