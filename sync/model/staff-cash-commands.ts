/**
 * Wire schemas of the staff and cash commands (permissions, time clock, drawer sessions,
 * day close), merged into `commandArgs`. Kept apart so the main command file stays readable.
 */
import { Type } from 'typebox';
import type { StaffRole } from './commands';
import type { ClockState, DrawerMovementKind, PunchKind } from './drawer';
import { PERMISSIONS, type Permission, type PermissionMatrix } from './permissions';
import type { DayReport } from './reports';

const Uuid = Type.String({ format: 'uuid', maxLength: 36 });
const Reason = Type.String({ minLength: 1, maxLength: 140 });
const Pin = Type.String({ pattern: '^[0-9]{4,8}$' });
const Amount = Type.Integer({ minimum: 1, maximum: 100_000_000 });
const ManagerPin = Type.Optional(Pin);

const Role = Type.Union([Type.Literal('cashier'), Type.Literal('server'), Type.Literal('bartender'), Type.Literal('manager'), Type.Literal('owner')]);
const PermissionName = Type.Enum(PERMISSIONS);

export const DenominationSchema = Type.Object(
  { value: Type.Integer({ minimum: 1, maximum: 10_000_000 }), count: Type.Integer({ minimum: 0, maximum: 100_000 }) },
  { additionalProperties: false },
);

/** Cash counted either as one amount or by denomination (exactly one of the two). */
const CashCount = {
  amount: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
  denominations: Type.Optional(Type.Array(DenominationSchema, { minItems: 1, maxItems: 30 })),
};

const DrawerMovementArgs = Type.Object({ movementId: Uuid, amount: Amount, reason: Reason, managerPin: ManagerPin }, { additionalProperties: false });

export const staffCashCommandArgs = {
  'permissions.set': Type.Object(
    { role: Role, permission: PermissionName, granted: Type.Boolean(), managerPin: ManagerPin },
    { additionalProperties: false },
  ),
  /** The PIN names who punches: any paired POS or kitchen screen works as a time clock. */
  'timeclock.punch': Type.Object(
    {
      punchId: Uuid,
      kind: Type.Union([Type.Literal('clock_in'), Type.Literal('clock_out'), Type.Literal('break_start'), Type.Literal('break_end')]),
      pin: Pin,
    },
    { additionalProperties: false },
  ),
  'timeclock.correct': Type.Object(
    { punchId: Uuid, at: Type.String({ format: 'date-time', maxLength: 40 }), reason: Reason, managerPin: ManagerPin },
    { additionalProperties: false },
  ),
  'drawer.openSession': Type.Object({ sessionId: Uuid, ...CashCount, managerPin: ManagerPin }, { additionalProperties: false }),
  'drawer.closeSession': Type.Object({ sessionId: Uuid, ...CashCount, managerPin: ManagerPin }, { additionalProperties: false }),
  'drawer.payIn': DrawerMovementArgs,
  'drawer.payOut': DrawerMovementArgs,
  'drawer.drop': DrawerMovementArgs,
  'report.closeDay': Type.Object({ reportId: Uuid, managerPin: ManagerPin }, { additionalProperties: false }),
  'report.reprintZ': Type.Object({ reportId: Uuid, managerPin: ManagerPin }, { additionalProperties: false }),
  /** Prints the X report (the period since the last Z) on the receipt printer; changes no figures. */
  'report.printX': Type.Object({ managerPin: ManagerPin }, { additionalProperties: false }),
} as const;

type Movement = { sessionId: string; movementId: string; kind: DrawerMovementKind; amount: number };

/** What each staff and cash command returns, for the screens' typed client. */
export interface StaffCashResults {
  'permissions.set': { role: StaffRole; permission: Permission; granted: boolean; matrix: PermissionMatrix };
  'timeclock.punch': { punchId: string; staff: { id: string; name: string }; kind: PunchKind; at: string; state: ClockState };
  'timeclock.correct': { punchId: string; at: string; originalAt: string };
  'drawer.openSession': { sessionId: string; float: number; openedAt: string };
  /** Over/short is shown only now, after the blind count. */
  'drawer.closeSession': { sessionId: string; counted: number; expected: number; overShort: number };
  'drawer.payIn': Movement;
  'drawer.payOut': Movement;
  'drawer.drop': Movement;
  'report.closeDay': { reportId: string; report: DayReport; printJobId: string };
  'report.reprintZ': { reportId: string; sequence: number; printJobId: string };
  'report.printX': { report: DayReport; printJobId: string };
}
