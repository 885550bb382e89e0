/**
 * The node's stored link to the cloud (table `cloud_link`, one row): the store credential
 * received at enrolment, replaced on rotation, marked when the cloud refuses it as revoked.
 */
import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { cloudLink } from '@brigade/sync/schema/sqlite';

const ROW_ID = 'current';

export interface StoredCloudLink {
  readonly cloudUrl: string;
  readonly storeId: string;
  readonly credentialId: string;
  readonly credential: string;
  readonly enrolledAt: string;
  readonly issuedAt: string;
  readonly revokedAt: string | null;
}

export interface CloudLinkRow {
  read(): StoredCloudLink | null;
  /** A fresh enrolment: replaces whatever was there (a revoked link included). */
  saveEnrolment(link: { cloudUrl: string; storeId: string; credentialId: string; credential: string }, at: Date): StoredCloudLink;
  /** A rotated credential replaces the old one; the enrolment date stays. */
  saveRotation(credential: { credentialId: string; credential: string }, at: Date): void;
  markRevoked(at: Date): void;
}

export function cloudLinkRow(sqlite: Database.Database): CloudLinkRow {
  const db = drizzle(sqlite, { schema: { cloudLink } });
  const read = (): StoredCloudLink | null => {
    const row = db.select().from(cloudLink).where(eq(cloudLink.id, ROW_ID)).get();
    if (!row) return null;
    const { id: _id, ...link } = row;
    return link;
  };
  return {
    read,
    saveEnrolment(link, at) {
      const values = { ...link, enrolledAt: at.toISOString(), issuedAt: at.toISOString(), revokedAt: null };
      db.insert(cloudLink).values({ id: ROW_ID, ...values }).onConflictDoUpdate({ target: cloudLink.id, set: values }).run();
      return values;
    },
    saveRotation(credential, at) {
      db.update(cloudLink).set({ ...credential, issuedAt: at.toISOString(), revokedAt: null }).where(eq(cloudLink.id, ROW_ID)).run();
    },
    markRevoked(at) {
      db.update(cloudLink).set({ revokedAt: at.toISOString() }).where(eq(cloudLink.id, ROW_ID)).run();
    },
  };
}
