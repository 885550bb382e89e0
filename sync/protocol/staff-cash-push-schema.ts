/**
 * Wire schemas of the staff and cash mutations (staff-cash-push.ts). They bound every field;
 * whether the figures add up is the cloud applier's business check (a rejection with a code,
 * not a 400 that would stop the store's whole queue).
 */
import { Type } from 'typebox';
import { DRAWER_MOVEMENTS_MAX, DRAWER_NO_SALES_MAX, STAFF_NAMES_MAX } from './staff-cash-push';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const NullableId = Type.Union([Id, Type.Null()]);
const Iso = Type.String({ minLength: 10, maxLength: 40 });
const NullableIso = Type.Union([Iso, Type.Null()]);
const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
/** Cash in one drawer or one day of one store: generous, but finite. */
const Cash = Type.Integer({ minimum: 0, maximum: 1_000_000_000 });
const Signed = Type.Integer({ minimum: -1_000_000_000, maximum: 1_000_000_000 });
const Count = Type.Integer({ minimum: 0, maximum: 1_000_000 });
const Reason = Type.Union([Type.String({ maxLength: 200 }), Type.Null()]);
const Names = Type.Record(Id, Type.String({ maxLength: 80 }), { maxProperties: STAFF_NAMES_MAX });

const MovementSchema = Type.Object(
  {
    id: Id,
    kind: Type.Union([Type.Literal('pay_in'), Type.Literal('pay_out'), Type.Literal('drop')]),
    amount: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }),
    reason: Reason,
    staffId: NullableId,
    approvedBy: NullableId,
    at: Iso,
  },
  { additionalProperties: false },
);

const NoSaleSchema = Type.Object({ id: Id, at: Iso, staffId: NullableId, approvedBy: NullableId, reason: Reason }, { additionalProperties: false });

export const DrawerSessionMutationSchema = Type.Object(
  {
    session: Type.Object(
      {
        id: Id,
        deviceId: Id,
        businessDay: Day,
        status: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
        openedBy: NullableId,
        openedAt: Iso,
        float: Cash,
        closedBy: NullableId,
        closedAt: NullableIso,
        counted: Type.Union([Cash, Type.Null()]),
        expected: Signed,
        overShort: Type.Union([Signed, Type.Null()]),
        cash: Type.Object(
          { sales: Cash, salesCount: Count, refunds: Cash, refundsCount: Count, payIns: Cash, payOuts: Cash, drops: Cash, movementCount: Count },
          { additionalProperties: false },
        ),
        movements: Type.Array(MovementSchema, { maxItems: DRAWER_MOVEMENTS_MAX }),
        noSales: Type.Array(NoSaleSchema, { maxItems: DRAWER_NO_SALES_MAX }),
        names: Names,
      },
      { additionalProperties: false },
    ),
    version: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  },
  { additionalProperties: false },
);

export const PunchMutationSchema = Type.Object(
  {
    id: Id,
    staffId: Id,
    staffName: Type.String({ maxLength: 80 }),
    kind: Type.Union([Type.Literal('clock_in'), Type.Literal('clock_out'), Type.Literal('break_start'), Type.Literal('break_end')]),
    at: Iso,
    businessDay: Day,
    deviceId: NullableId,
    originalAt: NullableIso,
    correctedBy: NullableId,
    correctedAt: NullableIso,
    correctionReason: Reason,
  },
  { additionalProperties: false },
);

const Tender = Type.Union(['cash', 'card', 'online', 'gift_card', 'loyalty'].map((t) => Type.Literal(t)));

/**
 * The Z's figures the cloud reads and checks; the rest of the DayReport (tax by rate, order
 * counts) is bounded here and kept as the store printed it.
 */
const DayReportSchema = Type.Object({
  kind: Type.Literal('z'),
  sequence: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  businessDay: Day,
  from: Iso,
  to: Iso,
  currency: Type.String({ minLength: 3, maxLength: 3 }),
  orders: Type.Object({ count: Count, voided: Count, open: Count }),
  gross: Signed,
  discounts: Signed,
  comps: Signed,
  voids: Type.Object({ count: Count, amount: Signed }),
  refunds: Type.Object({ count: Count, amount: Signed }),
  net: Signed,
  tax: Signed,
  taxes: Type.Array(Type.Object({ taxRateId: Type.String({ maxLength: 64 }), name: Type.String({ maxLength: 80 }), rateBps: Count, amount: Signed }), { maxItems: 32 }),
  tenders: Type.Array(Type.Object({ tender: Tender, count: Count, amount: Signed, tips: Signed, refunded: Signed }), { maxItems: 8 }),
  payments: Signed,
  tips: Signed,
  cash: Type.Object({
    opening: Signed,
    cashSales: Signed,
    cashRefunds: Signed,
    payIns: Signed,
    payOuts: Signed,
    drops: Signed,
    expected: Signed,
    counted: Type.Union([Signed, Type.Null()]),
    overShort: Type.Union([Signed, Type.Null()]),
    outsideSessions: Signed,
    sessions: Count,
    noSales: Count,
  }),
  unsynced: Count,
  closedBy: NullableId,
});

export const ZReportMutationSchema = Type.Object(
  {
    id: Id,
    sequence: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
    businessDay: Day,
    closedBy: NullableId,
    closedByName: Type.Union([Type.String({ maxLength: 80 }), Type.Null()]),
    report: DayReportSchema,
  },
  { additionalProperties: false },
);
