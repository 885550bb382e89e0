/**
 * The till's hardware as the manager set it up on the POS hardware page: each printer's
 * role (receipt, kitchen stations, expo, backup of another printer) and its command
 * language. A row overrides what BRIGADE_PRINTERS says about that printer; addresses stay
 * in the configuration. Local to this node: not synced.
 */
import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const printerSettings = sqliteTable('printer_settings', {
  printerId: text('printer_id').primaryKey(),
  role: text('role', { enum: ['receipt', 'kitchen', 'expo', 'backup'] }).notNull(),
  /** JSON array of station ids (kitchen printers); '[]' for every station. */
  stations: text('stations').notNull(),
  /** The printer this one stands in for (role 'backup'). */
  backupOf: text('backup_of'),
  language: text('language', { enum: ['esc-pos', 'star-line'] }).notNull(),
  updatedAt: text('updated_at').notNull(),
  /** The manager who made the change. */
  updatedBy: text('updated_by'),
});
