/**
 * Test helpers for staff and cash: a signed-in actor for every role, the row counts of the
 * staff and cash tables (so a refusal is proven to write nothing there too), and schema-valid
 * arguments derived from a command's TypeBox schema.
 */
import { expect } from 'vitest';
import {
  BrigadeError, type DeviceId, type ErrorCode, type StaffRole, STAFF_ROLES, newId, type staffCashCommandArgs,
} from '@brigade/sync/model';
import { fingerprint } from '../test-support';
import type { Actor, EdgeStore } from '../types';

/** One PIN per role; the demo already holds the cashier (1111) and the manager (9999). */
export const ROLE_PINS: Readonly<Record<StaffRole, string>> = { cashier: '1111', server: '2222', bartender: '3333', manager: '9999', owner: '8888' };

export const TILL: DeviceId = newId<DeviceId>();

export type RoleActors = Record<StaffRole, Actor & { staff: NonNullable<Actor['staff']> }>;

/** Adds a server, a bartender and an owner to the demo staff and returns an actor per role on one till. */
export function staffForEveryRole(store: EdgeStore, deviceId: DeviceId = TILL): RoleActors {
  for (const role of ['server', 'bartender', 'owner'] as const) {
    if (!store.staff.list().some((s) => s.role === role)) store.staff.upsert({ name: `Test ${role}`, role, pin: ROLE_PINS[role] });
  }
  const out = {} as RoleActors;
  for (const role of STAFF_ROLES) {
    const person = store.staff.list().find((s) => s.role === role && s.active);
    if (!person) throw new Error(`no ${role} in the test store`);
    out[role] = { deviceId, deviceRole: 'pos', stationId: null, staff: { id: person.id, name: person.name, role } };
  }
  return out;
}

const STAFF_CASH_TABLES = ['role_permissions', 'time_punches', 'drawer_sessions', 'drawer_movements', 'z_reports', 'staff'] as const;

export function staffCashFingerprint(store: EdgeStore): Record<string, number | string> {
  const out: Record<string, number | string> = { ...fingerprint(store) };
  for (const table of STAFF_CASH_TABLES) out[table] = (store.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  const digest = (sql: string): string => String((store.db.prepare(sql).get() as { d: string | null }).d ?? '');
  out.sessionState = digest("SELECT group_concat(id || status || coalesce(counted, '-'), ',') AS d FROM drawer_sessions");
  out.punchState = digest("SELECT group_concat(id || at, ',') AS d FROM time_punches");
  out.matrixState = digest("SELECT group_concat(role || permission || granted, ',') AS d FROM role_permissions");
  return out;
}

/** Runs a command that must be refused with `code` and proves no table changed, the staff and cash tables included. */
export async function expectRefusedHere(store: EdgeStore, code: ErrorCode, name: string, args: unknown, actor: Actor): Promise<void> {
  const before = staffCashFingerprint(store);
  const error = await store.execute(name, newId(), args, actor).then(() => null, (err: unknown) => err);
  expect(error, `${name} should be refused with ${code}`).toBeInstanceOf(BrigadeError);
  expect((error as BrigadeError).code, `${name}: ${(error as Error).message}`).toBe(code);
  expect(staffCashFingerprint(store)).toEqual(before);
}

export async function run(store: EdgeStore, name: string, args: unknown, actor: Actor): Promise<Record<string, unknown>> {
  return (await store.execute(name, newId(), args, actor)).result as Record<string, unknown>;
}

export async function errorOf(promise: Promise<unknown>): Promise<BrigadeError | null> {
  return promise.then(() => null, (err: unknown) => {
    if (err instanceof BrigadeError) return err;
    throw err;
  });
}

interface JsonSchema {
  type?: string;
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  minLength?: number;
  minimum?: number;
  format?: string;
  pattern?: string;
}

const PATTERN_SAMPLES: Record<string, string> = {
  '^[0-9]{4,8}$': '0000',
  '^[0-9]{6}$': '000000',
  '^[0-9]{4}-[0-9]{2}-[0-9]{2}$': '2026-03-10',
};

/**
 * The smallest arguments a schema accepts: required fields only, first choice of each
 * union, fresh UUIDs. Enough to reach the permission check, which runs after validation.
 */
export function sampleArgs(schema: JsonSchema): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.[0] !== undefined) return schema.enum[0];
  if (schema.anyOf?.[0]) return sampleArgs(schema.anyOf[0]);
  switch (schema.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) {
        const property = schema.properties?.[key];
        if (property) out[key] = sampleArgs(property);
      }
      return out;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => (schema.items ? sampleArgs(schema.items) : null));
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 0, 1);
    case 'boolean':
      return false;
    case 'string':
      if (schema.format === 'uuid') return newId();
      if (schema.format === 'date-time') return '2026-03-10T15:00:00.000Z';
      if (schema.pattern !== undefined) return PATTERN_SAMPLES[schema.pattern] ?? 'x';
      return 'x'.repeat(Math.max(schema.minLength ?? 1, 1));
    default:
      return null;
  }
}

/** Valid arguments of the staff and cash commands, for the access contract test. */
export function staffCashArgs(): Record<keyof typeof staffCashCommandArgs, Record<string, unknown>> {
  const movement = (): Record<string, unknown> => ({ movementId: newId(), amount: 100, reason: 'test' });
  return {
    'permissions.set': { role: 'cashier', permission: 'refund', granted: false },
    'timeclock.punch': { punchId: newId(), kind: 'clock_in', pin: ROLE_PINS.cashier },
    'timeclock.correct': { punchId: newId(), at: '2026-03-10T14:00:00.000Z', reason: 'test' },
    'drawer.openSession': { sessionId: newId(), amount: 10_000 },
    'drawer.closeSession': { sessionId: newId(), amount: 0 },
    'drawer.payIn': movement(),
    'drawer.payOut': movement(),
    'drawer.drop': movement(),
    'report.closeDay': { reportId: newId() },
    'report.reprintZ': { reportId: newId() },
    'report.printX': {},
  };
}
