// Run from the repository root: npx drizzle-kit generate --config sync/schema/sqlite/drizzle.config.ts
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './sync/schema/sqlite/tables*.ts',
  out: './sync/schema/sqlite/migrations',
});
