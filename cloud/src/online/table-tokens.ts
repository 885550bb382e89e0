/**
 * QR table tokens: `<tableId>.<version>.<mac>` where mac = HMAC-SHA256(secret, store|table|version),
 * base64url, truncated to 128 bits. The version lives in the table's row; rotating it makes
 * every printed code of that table stop working with a message that says so.
 */
import { createHmac } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { CloudError } from '@brigade/sync/protocol';
import { diningTables } from '@brigade/sync/schema/pg';
import type { Executor } from '../db/database';
import { safeEqual } from '../auth/tokens';

export function signTableToken(secret: string, storeId: string, tableId: string, version: number): string {
  return `${tableId}.${version}.${mac(secret, storeId, tableId, version)}`;
}

function mac(secret: string, storeId: string, tableId: string, version: number): string {
  return createHmac('sha256', secret).update(`${storeId}|${tableId}|${version}`).digest('base64url').slice(0, 22);
}

export interface TableRef {
  readonly tableId: string;
  readonly label: string;
  readonly storeId: string;
}

/** Checks a token for a store; TABLE_TOKEN_INVALID for forgeries, TABLE_TOKEN_ROTATED for old codes. */
export async function verifyTableToken(db: Executor, secret: string, storeId: string, token: string): Promise<TableRef> {
  const match = /^([0-9a-f-]{36})\.(\d{1,6})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!match) throw new CloudError('TABLE_TOKEN_INVALID');
  const [, tableId = '', versionText = '', given = ''] = match;
  const version = Number(versionText);
  if (!safeEqual(given, mac(secret, storeId, tableId, version))) throw new CloudError('TABLE_TOKEN_INVALID');
  const table = (await db.select().from(diningTables).where(and(eq(diningTables.id, tableId), eq(diningTables.storeId, storeId))).limit(1))[0];
  if (!table) throw new CloudError('TABLE_TOKEN_INVALID');
  if (table.tokenVersion !== version) throw new CloudError('TABLE_TOKEN_ROTATED', undefined, { table: table.label });
  return { tableId, label: table.label, storeId };
}
