/**
 * Role and station assignments made on the hardware page, kept in
 * `<dataDir>/hardware-assignments.json`. A file rather than a table: the assignments are
 * the till's own wiring, not store data to sync, and a technician can read or delete it.
 * An assignment overrides the `role` and `stationId` given in BRIGADE_DEVICES.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Assignment {
  readonly role: string | null;
  readonly stationId: string | null;
}

export const ASSIGNMENTS_FILE = 'hardware-assignments.json';

export class AssignmentFile {
  private readonly file: string;
  private cache: Record<string, Assignment> | null = null;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, ASSIGNMENTS_FILE);
  }

  all(): Readonly<Record<string, Assignment>> {
    this.cache ??= this.read();
    return this.cache;
  }

  set(id: string, assignment: Assignment): void {
    const next = { ...this.all(), [id]: { role: assignment.role, stationId: assignment.stationId } };
    // Written beside and renamed, so a power cut leaves the old file or the new one, never half.
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, `${JSON.stringify({ devices: next }, null, 2)}\n`);
    renameSync(temp, this.file);
    this.cache = next;
  }

  private read(): Record<string, Assignment> {
    if (!existsSync(this.file)) return {};
    try {
      const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as { devices?: Record<string, Assignment> };
      return parsed.devices ?? {};
    } catch {
      // A damaged file loses only the assignments; the configured roles still apply.
      return {};
    }
  }
}
