/**
 * Which printer does what: the configured printers (BRIGADE_PRINTERS: address, first role)
 * with the roles the manager assigned on the POS hardware page laid over them. Assignments
 * live in the edge database (`printer_settings`), so they survive restarts; every change is
 * announced to the print runner, which routes the very next job by it.
 */
import type Database from 'better-sqlite3';
import { BrigadeError } from '@brigade/sync/model';
import type { PrinterConfig } from '../config';

export type PrinterRole = 'receipt' | 'kitchen' | 'expo' | 'backup';
export type PrinterLanguage = 'esc-pos' | 'star-line';
export const PRINTER_ROLES: readonly PrinterRole[] = ['receipt', 'kitchen', 'expo', 'backup'];
export const PRINTER_LANGUAGES: readonly PrinterLanguage[] = ['esc-pos', 'star-line'];

/** A printer as the runner routes jobs to it now. */
export interface RoutedPrinter {
  readonly id: string;
  readonly host: string;
  readonly port: number;
  readonly role: PrinterRole;
  /** Kitchen printers: the stations they print for; empty or absent means every station. */
  readonly stations?: readonly string[];
  /** Receipt printers at a till: the screens whose receipts and drawer kicks they take. */
  readonly devices?: readonly string[];
  /** Backups: the printer whose jobs they take when it is dead. */
  readonly backupOf?: string;
  readonly language: PrinterLanguage;
}

/** What the manager sets on the hardware page. */
export interface PrinterAssignment {
  readonly role: PrinterRole;
  readonly stations: readonly string[];
  readonly backupOf: string | null;
  readonly language: PrinterLanguage;
}

interface SettingRow {
  printer_id: string;
  role: PrinterRole;
  stations: string;
  backup_of: string | null;
  language: PrinterLanguage;
}

export function fromConfig(config: PrinterConfig): RoutedPrinter {
  return {
    id: config.id,
    host: config.host,
    port: config.port,
    role: config.backupOf === undefined ? config.role : 'backup',
    ...(config.stations ? { stations: config.stations } : {}),
    ...(config.devices ? { devices: config.devices } : {}),
    ...(config.backupOf !== undefined ? { backupOf: config.backupOf } : {}),
    language: config.language ?? 'esc-pos',
  };
}

function applyAssignment(base: RoutedPrinter, row: SettingRow): RoutedPrinter {
  const stations = JSON.parse(row.stations) as string[];
  const { backupOf: _backupOf, stations: _stations, ...rest } = base;
  return {
    ...rest,
    role: row.role,
    ...(stations.length > 0 ? { stations } : {}),
    ...(row.backup_of !== null ? { backupOf: row.backup_of } : {}),
    language: row.language,
  };
}

export class PrinterSettings {
  private current: RoutedPrinter[];
  private readonly listeners = new Set<(printers: readonly RoutedPrinter[]) => void>();

  /**
   * `db` may be null (tests of routing alone): then assignments are kept in memory only.
   * `stationIds` lists the store's stations, so an assignment cannot name one that does not exist.
   */
  constructor(
    private readonly db: Database.Database | null,
    private readonly configs: readonly PrinterConfig[],
    private readonly stationIds: () => readonly string[] = () => [],
  ) {
    this.current = this.load();
  }

  printers(): readonly RoutedPrinter[] {
    return this.current;
  }

  get(printerId: string): RoutedPrinter | undefined {
    return this.current.find((printer) => printer.id === printerId);
  }

  onChange(listener: (printers: readonly RoutedPrinter[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Checks and stores an assignment; the runner routes by it from the next job on. */
  assign(printerId: string, assignment: PrinterAssignment, by: string | null, at = new Date()): RoutedPrinter {
    if (!this.configs.some((config) => config.id === printerId)) throw new BrigadeError('PRINTER_NOT_FOUND', undefined, { printerId });
    this.check(printerId, assignment);
    const row: SettingRow = {
      printer_id: printerId, role: assignment.role, stations: JSON.stringify([...new Set(assignment.stations)]),
      backup_of: assignment.backupOf, language: assignment.language,
    };
    this.db?.prepare(
      `INSERT INTO printer_settings (printer_id, role, stations, backup_of, language, updated_at, updated_by)
       VALUES (@printer_id, @role, @stations, @backup_of, @language, @updated_at, @updated_by)
       ON CONFLICT (printer_id) DO UPDATE SET role = excluded.role, stations = excluded.stations, backup_of = excluded.backup_of,
         language = excluded.language, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    ).run({ printer_id: row.printer_id, role: row.role, stations: row.stations, backup_of: row.backup_of, language: row.language, updated_at: at.toISOString(), updated_by: by });
    this.current = this.db ? this.load() : this.current.map((printer) => (printer.id === printerId ? applyAssignment(printer, row) : printer));
    for (const listener of this.listeners) listener(this.current);
    return this.get(printerId) as RoutedPrinter;
  }

  private check(printerId: string, assignment: PrinterAssignment): void {
    const invalid = (message: string, details: Record<string, string | number | boolean | null>): never => {
      throw new BrigadeError('VALIDATION_FAILED', message, details);
    };
    if (assignment.role === 'backup') {
      if (assignment.backupOf === null) invalid('A backup printer must name the printer it stands in for.', { field: 'backupOf' });
      if (assignment.backupOf === printerId) invalid('A printer cannot be its own backup.', { field: 'backupOf' });
      const primary = this.get(assignment.backupOf as string);
      if (!primary) invalid('The printer to stand in for is not configured.', { field: 'backupOf', printerId: assignment.backupOf });
      // One level only: a backup of a backup would hide which printer is really printing.
      if (primary?.role === 'backup') invalid('That printer is itself a backup.', { field: 'backupOf', printerId: assignment.backupOf });
    } else if (assignment.backupOf !== null) {
      invalid('Only a backup printer stands in for another.', { field: 'backupOf' });
    }
    if (assignment.role === 'backup' && this.current.some((printer) => printer.backupOf === printerId)) {
      invalid('This printer has a backup of its own.', { field: 'role' });
    }
    if (assignment.role !== 'kitchen' && assignment.role !== 'backup' && assignment.stations.length > 0) {
      invalid('Only kitchen printers print for stations.', { field: 'stations' });
    }
    const known = new Set(this.stationIds());
    const unknown = assignment.stations.filter((station) => !known.has(station));
    if (unknown.length > 0) invalid('No such station in this store.', { field: 'stations', stations: unknown.join(', ') });
  }

  private load(): RoutedPrinter[] {
    const rows = this.db ? (this.db.prepare('SELECT printer_id, role, stations, backup_of, language FROM printer_settings').all() as SettingRow[]) : [];
    const byId = new Map(rows.map((row) => [row.printer_id, row]));
    return this.configs.map((config) => {
      const row = byId.get(config.id);
      return row ? applyAssignment(fromConfig(config), row) : fromConfig(config);
    });
  }
}
