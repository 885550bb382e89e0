/**
 * What the hardware page shows for a printer's or device's condition: a short label the
 * manager understands and the badge colour (the shared badge classes: online, reconnecting,
 * offline). Printers report `paper_end`, `cover_open`…; devices `ready`, `offline`, `error`.
 */

/** A configured device as `GET /api/hardware` lists it. */
export interface HardwareDevice {
  readonly id: string;
  readonly kind: string;
  readonly address: string;
  readonly role: string | null;
  readonly stationId: string | null;
  readonly status: string;
  readonly message: string | null;
  readonly since: string;
  /** Drawers: open or closed as the drawer reports it; null when it could not be asked. */
  readonly drawerOpen?: boolean | null;
}

export interface HardwarePrinter {
  readonly id: string;
  /** receipt, kitchen, expo or backup */
  readonly role: string;
  readonly stations?: readonly string[];
  readonly backupOf?: string | null;
  readonly language?: 'esc-pos' | 'star-line';
  readonly address: string;
  readonly status: string;
  readonly message: string | null;
  readonly since: string;
}

export interface DiscoveredHardware {
  readonly kind: string;
  readonly address: string;
  readonly manufacturer?: string;
  readonly product?: string;
  readonly guessedClass?: string;
}

export interface HardwareListing {
  readonly devices: HardwareDevice[];
  readonly printers: HardwarePrinter[];
  readonly discovered: DiscoveredHardware[];
}

export interface TestPageResult {
  readonly printerId: string;
  readonly printed: boolean;
  readonly condition: string;
  readonly paperLow: boolean;
  readonly message: string | null;
}

export type BadgeTone = 'online' | 'reconnecting' | 'offline';

const labels: Readonly<Record<string, { label: string; tone: BadgeTone }>> = {
  ready: { label: 'Ready', tone: 'online' },
  paper_low: { label: 'Paper low', tone: 'reconnecting' },
  paper_end: { label: 'Out of paper', tone: 'offline' },
  cover_open: { label: 'Cover open', tone: 'offline' },
  offline: { label: 'Offline', tone: 'offline' },
  uncertain: { label: 'Not sure it printed', tone: 'reconnecting' },
  unknown: { label: 'Checking…', tone: 'reconnecting' },
  error: { label: 'Error', tone: 'offline' },
};

export function statusBadge(status: string): { label: string; tone: BadgeTone } {
  return labels[status] ?? { label: status, tone: 'reconnecting' };
}

/** A test page that printed but saw the paper running low shows "Paper low" until the next change. */
export function printerCondition(printer: HardwarePrinter, lastTest: TestPageResult | undefined): string {
  if (lastTest && lastTest.printerId === printer.id && lastTest.printed && lastTest.paperLow && printer.status === 'ready') return 'paper_low';
  return printer.status;
}

export const deviceKindLabels: Readonly<Record<string, string>> = {
  scale: 'Scale',
  scanner: 'Barcode scanner',
  'pole-display': 'Customer display',
  drawer: 'Cash drawer',
  'payment-terminal': 'Card reader',
};
