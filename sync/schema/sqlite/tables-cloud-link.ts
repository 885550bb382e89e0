/**
 * The edge node's link to the cloud: the store credential it received at enrolment. One row
 * at most. The credential is a bearer secret the node must send, so it is kept as issued
 * (the database file is the appliance's to protect, like its backups).
 */
import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const cloudLink = sqliteTable('cloud_link', {
  /** Always 'current': a node belongs to one store of one cloud. */
  id: text('id').primaryKey(),
  /** The cloud it enrolled with (the URL may later change; the credential stays). */
  cloudUrl: text('cloud_url').notNull(),
  /** The store's id in the cloud, as the enrolment answered it. */
  storeId: text('store_id').notNull(),
  credentialId: text('credential_id').notNull(),
  credential: text('credential').notNull(),
  enrolledAt: text('enrolled_at').notNull(),
  /** When the credential in this row was issued (enrolment or the last rotation). */
  issuedAt: text('issued_at').notNull(),
  /** Set when the cloud refused the credential as revoked; a new enrolment clears the row. */
  revokedAt: text('revoked_at'),
});
