/**
 * Wire schemas for the pricing inputs a screen may send beyond plain lines: line discounts,
 * comps and seats, order discounts, a promo code, the party size and tips; and the shapes a
 * store's settings hold (service charge rule, promo code definitions). The hub validates
 * with these (400 `VALIDATION_FAILED`) before `priceCheck` applies the business rules
 * (422 with a specific code). Amounts are minor units; percentages are basis points.
 */
import { type Static, Type } from 'typebox';
import { LineRequestSchema } from './line-request-schema';
import { MAX_DISCOUNT_AMOUNT, MAX_DISCOUNT_BPS } from './discounts';
import { MAX_SEAT } from './check-pricing';
import { MAX_GUESTS } from './service-charge';
import { MAX_TIP_AMOUNT, MAX_TIP_BPS } from './tips';

const ShortText = Type.String({ minLength: 1, maxLength: 140 });
const Bps = (maximum: number) => Type.Integer({ minimum: 0, maximum });

export const DiscountValueSchema = Type.Union([
  Type.Object({ kind: Type.Literal('percent'), bps: Bps(MAX_DISCOUNT_BPS) }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('amount'), amount: Type.Integer({ minimum: 0, maximum: MAX_DISCOUNT_AMOUNT }) }, { additionalProperties: false }),
]);

export const LineDiscountSchema = Type.Object({ name: ShortText, value: DiscountValueSchema }, { additionalProperties: false });
export const CompSchema = Type.Object({ reason: ShortText }, { additionalProperties: false });
export const OrderDiscountSchema = Type.Object({ name: ShortText, value: DiscountValueSchema }, { additionalProperties: false });

export const CheckLineRequestSchema = Type.Object(
  {
    ...LineRequestSchema.properties,
    discount: Type.Optional(LineDiscountSchema),
    comp: Type.Optional(CompSchema),
    seat: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_SEAT })),
  },
  { additionalProperties: false },
);

/** Check-wide options a screen may send with its lines. */
export const CheckOptionsSchema = Type.Object(
  {
    guests: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_GUESTS })),
    orderDiscounts: Type.Optional(Type.Array(OrderDiscountSchema, { maxItems: 5 })),
    promoCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  },
  { additionalProperties: false },
);

export const TipRequestSchema = Type.Union([
  Type.Object({ kind: Type.Literal('amount'), amount: Type.Integer({ minimum: 0, maximum: MAX_TIP_AMOUNT }) }, { additionalProperties: false }),
  Type.Object(
    { kind: Type.Literal('percent'), bps: Bps(MAX_TIP_BPS), base: Type.Union([Type.Literal('pre_tax'), Type.Literal('post_tax')]) },
    { additionalProperties: false },
  ),
]);

const DiningOptionList = Type.Array(Type.Union([Type.Literal('eat_in'), Type.Literal('take_out'), Type.Literal('delivery')]), { maxItems: 3 });

export const ServiceChargeRuleSchema = Type.Object(
  {
    name: ShortText,
    minGuests: Type.Integer({ minimum: 1, maximum: MAX_GUESTS }),
    rateBps: Bps(10_000),
    taxable: Type.Boolean(),
    taxRateIds: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 8 }),
    diningOptions: Type.Optional(DiningOptionList),
  },
  { additionalProperties: false },
);

export const PromoCodeSchema = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 40 }),
    name: ShortText,
    value: DiscountValueSchema,
    minSpend: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_DISCOUNT_AMOUNT })),
    startsAt: Type.Optional(Type.String({ format: 'date-time' })),
    expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
    maxUses: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

export type CheckLineRequestWire = Static<typeof CheckLineRequestSchema>;
export type CheckOptionsWire = Static<typeof CheckOptionsSchema>;
export type TipRequestWire = Static<typeof TipRequestSchema>;
