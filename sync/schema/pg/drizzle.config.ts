import { defineConfig } from 'drizzle-kit';

// Forward-only: generate with `npx drizzle-kit generate --config sync/schema/pg/drizzle.config.ts`;
// never edit a migration that has been committed.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./sync/schema/pg/tables-tenancy.ts', './sync/schema/pg/tables-menu.ts', './sync/schema/pg/tables-orders.ts', './sync/schema/pg/tables-sync.ts', './sync/schema/pg/tables-ledger.ts', './sync/schema/pg/tables-staff-cash.ts', './sync/schema/pg/tables-owner-shapes.ts'],
  out: './sync/schema/pg/migrations',
});
