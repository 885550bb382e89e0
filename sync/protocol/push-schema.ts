/**
 * The wire schema of `POST /sync/push`, for validation and the cloud's OpenAPI docs. The
 * order inside `order.snapshot` is checked for the fields the cloud reads; the rest of the
 * document is kept as the edge stated it.
 */
import { Type } from 'typebox';
import { PRINTER_NAME_MAX, PRINTER_REPORT_MAX, PUSH_BATCH_MAX } from './push';
import { DrawerSessionMutationSchema, PunchMutationSchema, ZReportMutationSchema } from './staff-cash-push-schema';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Iso = Type.String({ minLength: 10, maxLength: 40 });
const Amount = Type.Integer({ minimum: -1_000_000_000, maximum: 1_000_000_000 });

const OrderSnapshotSchema = Type.Object(
  {
    order: Type.Object({
      id: Id,
      number: Type.String({ maxLength: 32 }),
      businessDay: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' }),
      channel: Type.String({ maxLength: 20 }),
      diningOption: Type.String({ maxLength: 20 }),
      status: Type.String({ maxLength: 20 }),
      paymentStatus: Type.String({ maxLength: 24 }),
      lines: Type.Array(Type.Object({ itemId: Id, name: Type.String({ maxLength: 200 }), quantity: Type.Integer({ minimum: 0 }), lineTotal: Amount, voided: Type.Boolean() }), { maxItems: 400 }),
      totals: Type.Object({ currency: Type.String({ minLength: 3, maxLength: 3 }), subtotal: Amount, tax: Amount, total: Amount }),
      paid: Amount,
      refunded: Amount,
      payments: Type.Array(Type.Object({ tender: Type.String({ maxLength: 20 }), amount: Amount, tip: Amount }), { maxItems: 100 }),
      createdAt: Iso,
      updatedAt: Iso,
    }),
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);

const AvailabilitySchema = Type.Object({ itemId: Id, unavailable: Type.Boolean(), at: Iso }, { additionalProperties: false });

const AuditSchema = Type.Object(
  {
    id: Id,
    at: Iso,
    action: Type.String({ minLength: 1, maxLength: 64 }),
    staffId: Type.Union([Id, Type.Null()]),
    approvedBy: Type.Union([Id, Type.Null()]),
    deviceId: Type.Union([Id, Type.Null()]),
    orderId: Type.Union([Id, Type.Null()]),
    detail: Type.Record(Type.String({ maxLength: 64 }), Type.Union([Type.String({ maxLength: 1000 }), Type.Number(), Type.Boolean(), Type.Null()]), { maxProperties: 32 }),
  },
  { additionalProperties: false },
);

const StockSchema = Type.Object(
  {
    id: Id,
    itemId: Id,
    delta: Type.Integer({ minimum: -1_000_000, maximum: 1_000_000 }),
    reason: Type.Union([Type.Literal('sale'), Type.Literal('waste'), Type.Literal('receipt'), Type.Literal('count'), Type.Literal('void')]),
    orderId: Type.Union([Id, Type.Null()]),
    occurredAt: Iso,
    ingredientId: Type.Optional(Id),
  },
  { additionalProperties: false },
);

const LedgerEntrySchema = Type.Object(
  {
    id: Id,
    ledger: Type.Union([Type.Literal('gift'), Type.Literal('loyalty')]),
    account: Type.String({ pattern: '^[0-9]{7,19}$' }),
    kind: Type.Union([Type.Literal('activate'), Type.Literal('load'), Type.Literal('redeem'), Type.Literal('earn'), Type.Literal('void')]),
    delta: Amount,
    orderId: Type.Union([Id, Type.Null()]),
    occurredAt: Iso,
  },
  { additionalProperties: false },
);

const envelope = {
  seq: Type.Integer({ minimum: 1 }),
  mutationId: Type.String({ minLength: 1, maxLength: 64 }),
  createdAt: Iso,
};

export const OutboxMutationSchema = Type.Union([
  Type.Object({ ...envelope, name: Type.Literal('order.snapshot'), args: OrderSnapshotSchema }, { additionalProperties: false }),
  Type.Object({ ...envelope, name: Type.Literal('availability.set'), args: AvailabilitySchema }, { additionalProperties: false }),
  Type.Object({ ...envelope, name: Type.Literal('audit.append'), args: AuditSchema }, { additionalProperties: false }),
  Type.Object({ ...envelope, name: Type.Literal('stock.move'), args: StockSchema }, { additionalProperties: false }),
  Type.Object({ ...envelope, name: Type.Literal('gift.entry'), args: LedgerEntrySchema }, { additionalProperties: false }),
  Type.Object({ ...envelope, name: Type.Literal('drawer.session'), args: DrawerSessionMutationSchema }, { additionalProperties: false }),
  Type.Object({ ...envelope, name: Type.Literal('timeclock.punch'), args: PunchMutationSchema }, { additionalProperties: false }),
  Type.Object({ ...envelope, name: Type.Literal('report.z'), args: ZReportMutationSchema }, { additionalProperties: false }),
]);

const PrinterReportSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 64 }),
    name: Type.String({ maxLength: PRINTER_NAME_MAX }),
    role: Type.String({ minLength: 1, maxLength: 32 }),
    status: Type.String({ minLength: 1, maxLength: 32 }),
  },
  { additionalProperties: false },
);

export const PushRequestSchema = Type.Object(
  {
    storeId: Id,
    nodeId: Type.String({ minLength: 1, maxLength: 64 }),
    epoch: Type.Integer({ minimum: 0 }),
    mutations: Type.Array(OutboxMutationSchema, { maxItems: PUSH_BATCH_MAX }),
    status: Type.Optional(
      Type.Object(
        {
          waiting: Type.Integer({ minimum: 0 }),
          oldestAgeSeconds: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
          printers: Type.Optional(Type.Array(PrinterReportSchema, { maxItems: PRINTER_REPORT_MAX })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const PushResponseSchema = Type.Object({
  results: Type.Array(
    Type.Object({
      seq: Type.Integer(),
      mutationId: Type.String(),
      status: Type.Union([Type.Literal('applied'), Type.Literal('duplicate'), Type.Literal('rejected')]),
      code: Type.Optional(Type.String()),
      message: Type.Optional(Type.String()),
    }),
  ),
  lastSeq: Type.Integer(),
  expectedSeq: Type.Optional(Type.Integer()),
});
