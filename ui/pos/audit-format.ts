/** Turns an audit entry's stored detail into a line a manager can read. */
import { type Cents, formatMoney } from '@brigade/sync/model';

const MONEY_KEYS = new Set(['amount', 'total', 'tip', 'tendered', 'change', 'expectedTotal']);
const HIDDEN_KEYS = new Set(['paymentId', 'ticketId', 'deviceId', 'lineId']);

function parse(detail: unknown): Record<string, unknown> {
  if (typeof detail === 'string') {
    try {
      const value: unknown = JSON.parse(detail);
      return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : { detail: value };
    } catch {
      return { detail };
    }
  }
  return detail !== null && typeof detail === 'object' ? (detail as Record<string, unknown>) : {};
}

export function describeAuditDetail(detail: unknown, currency: string): string {
  return Object.entries(parse(detail))
    .filter(([key, value]) => !HIDDEN_KEYS.has(key) && value !== null && value !== undefined)
    .map(([key, value]) => {
      if (MONEY_KEYS.has(key) && typeof value === 'number' && Number.isSafeInteger(value)) return `${key} ${formatMoney(value as Cents, currency)}`;
      return `${key} ${typeof value === 'string' ? value : JSON.stringify(value)}`;
    })
    .join(' · ');
}
