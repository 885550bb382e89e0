/**
 * Wire schemas of the table-service commands: checks on tables and tabs, line changes by
 * line id (never whole-check overwrites, so two terminals on one check lose nothing),
 * discounts, comps and promo codes, courses, split and merge, and the floor plan and check
 * settings a manager edits. Spread into `commandArgs` (commands.ts).
 */
import { Type } from 'typebox';
import { CompSchema, LineDiscountSchema, OrderDiscountSchema, PromoCodeSchema, ServiceChargeRuleSchema } from './check-schemas';
import { LineRequestSchema } from './line-request-schema';
import { MAX_SEAT } from './check-pricing';
import { MAX_LINES_PER_ORDER } from './pricing';
import { MAX_GUESTS } from './service-charge';
import { MAX_SPLIT_PARTS } from './split-checks';

export const MAX_COURSE = 9;

const Uuid = Type.String({ format: 'uuid', maxLength: 36 });
const Pin = Type.String({ pattern: '^[0-9]{4,8}$' });
const Key = Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' });
const Seat = Type.Integer({ minimum: 1, maximum: MAX_SEAT });
const Course = Type.Integer({ minimum: 1, maximum: MAX_COURSE });
const Guests = Type.Integer({ minimum: 1, maximum: MAX_GUESTS });
const DiningOption = Type.Union([Type.Literal('eat_in'), Type.Literal('take_out'), Type.Literal('delivery')]);
const TabName = Type.String({ minLength: 1, maxLength: 40 });
const LineIds = Type.Array(Uuid, { minItems: 1, maxItems: MAX_LINES_PER_ORDER });

/** A line as a table check takes it: the order line plus seat and course (1 when left out). */
export const TableLineSchema = Type.Object(
  { ...LineRequestSchema.properties, seat: Type.Optional(Seat), course: Type.Optional(Course) },
  { additionalProperties: false },
);

export const checkCommandArgs = {
  'check.open': Type.Object(
    {
      orderId: Uuid,
      /** A table from the floor plan, a tab name, or both. */
      tableId: Type.Optional(Key),
      tabName: Type.Optional(TabName),
      guests: Guests,
      diningOption: Type.Optional(DiningOption),
      lines: Type.Optional(Type.Array(TableLineSchema, { maxItems: MAX_LINES_PER_ORDER })),
    },
    { additionalProperties: false },
  ),
  'check.addLines': Type.Object(
    { orderId: Uuid, lines: Type.Array(TableLineSchema, { minItems: 1, maxItems: MAX_LINES_PER_ORDER }) },
    { additionalProperties: false },
  ),
  'check.setQuantity': Type.Object({ orderId: Uuid, lineId: Uuid, quantity: Type.Integer({ minimum: 1, maximum: 999 }) }, { additionalProperties: false }),
  /** Moves lines to a seat (null: the table), another course, and/or another open check. */
  'check.moveLines': Type.Object(
    {
      orderId: Uuid,
      lineIds: LineIds,
      seat: Type.Optional(Type.Union([Seat, Type.Null()])),
      course: Type.Optional(Course),
      toOrderId: Type.Optional(Uuid),
    },
    { additionalProperties: false },
  ),
  /** `managerPin`: approval by someone holding `discount` when the signed-in role does not. */
  'check.discountLine': Type.Object(
    { orderId: Uuid, lineId: Uuid, discount: Type.Union([LineDiscountSchema, Type.Null()]), managerPin: Type.Optional(Pin) },
    { additionalProperties: false },
  ),
  'check.compLine': Type.Object(
    { orderId: Uuid, lineId: Uuid, comp: Type.Union([CompSchema, Type.Null()]), managerPin: Type.Optional(Pin) },
    { additionalProperties: false },
  ),
  'check.setDiscounts': Type.Object(
    { orderId: Uuid, orderDiscounts: Type.Array(OrderDiscountSchema, { maxItems: 5 }), managerPin: Type.Optional(Pin) },
    { additionalProperties: false },
  ),
  'check.applyPromo': Type.Object({ orderId: Uuid, code: Type.Union([Type.String({ minLength: 1, maxLength: 40 }), Type.Null()]) }, { additionalProperties: false }),
  /** Party size, dining option, or a transfer to another table or tab name. */
  'check.update': Type.Object(
    {
      orderId: Uuid,
      guests: Type.Optional(Guests),
      diningOption: Type.Optional(DiningOption),
      tableId: Type.Optional(Type.Union([Key, Type.Null()])),
      tabName: Type.Optional(Type.Union([TabName, Type.Null()])),
    },
    { additionalProperties: false },
  ),
  'check.merge': Type.Object({ orderId: Uuid, fromOrderIds: Type.Array(Uuid, { minItems: 1, maxItems: 10 }) }, { additionalProperties: false }),
  'check.split': Type.Object(
    {
      orderId: Uuid,
      mode: Type.Union([Type.Literal('item'), Type.Literal('seat'), Type.Literal('even')]),
      /** One new order id per part (by seat: one per seat, the seatless lines last). */
      childOrderIds: Type.Array(Uuid, { minItems: 1, maxItems: MAX_SPLIT_PARTS }),
      /** By item: the part (0-based) of every line. */
      assignment: Type.Optional(Type.Array(Type.Object({ lineId: Uuid, part: Type.Integer({ minimum: 0, maximum: MAX_SPLIT_PARTS - 1 }) }, { additionalProperties: false }), { maxItems: MAX_LINES_PER_ORDER })),
    },
    { additionalProperties: false },
  ),
  'course.fire': Type.Object({ orderId: Uuid, course: Course }, { additionalProperties: false }),
  'floor.saveSection': Type.Object(
    { sectionId: Key, name: Type.String({ minLength: 1, maxLength: 40 }), sortOrder: Type.Integer({ minimum: 0, maximum: 999 }), managerPin: Type.Optional(Pin) },
    { additionalProperties: false },
  ),
  'floor.saveTable': Type.Object(
    {
      tableId: Key,
      sectionId: Key,
      label: Type.String({ minLength: 1, maxLength: 20 }),
      seats: Type.Integer({ minimum: 1, maximum: MAX_SEAT }),
      x: Type.Integer({ minimum: 0, maximum: 100 }),
      y: Type.Integer({ minimum: 0, maximum: 100 }),
      shape: Type.Union([Type.Literal('square'), Type.Literal('round')]),
      active: Type.Boolean(),
      managerPin: Type.Optional(Pin),
    },
    { additionalProperties: false },
  ),
  'promo.save': Type.Object({ promo: PromoCodeSchema, active: Type.Boolean(), managerPin: Type.Optional(Pin) }, { additionalProperties: false }),
  'checkSettings.save': Type.Object(
    {
      serviceCharge: Type.Union([ServiceChargeRuleSchema, Type.Null()]),
      cashIncrement: Type.Integer({ minimum: 1, maximum: 100 }),
      tipSuggestions: Type.Array(Type.Integer({ minimum: 0, maximum: 10_000 }), { maxItems: 5 }),
      managerPin: Type.Optional(Pin),
    },
    { additionalProperties: false },
  ),
} as const;
