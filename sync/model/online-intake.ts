/**
 * Taking an online order over from the cloud (`order.acceptOnline`). The cloud priced and
 * charged the order; the store prices its lines again from its own menu (names, stations,
 * taxes as the store knows them) but never charges again, and never refuses an order that
 * is already paid: what does not fit the store (an 86'd item, an item or choice the store
 * does not know, a price that moved since the customer paid) is accepted and flagged.
 */
import { type Static, Type } from 'typebox';
import { MAX_LINES_PER_ORDER, MAX_QUANTITY, MAX_WEIGHT_GRAMS } from './pricing';

const Uuid = Type.String({ format: 'uuid', maxLength: 36 });
const Id = Type.String({ minLength: 1, maxLength: 64 });
const MinorUnits = Type.Integer({ minimum: 0, maximum: 100_000_000 });
const SignedMinorUnits = Type.Integer({ minimum: -100_000_000, maximum: 100_000_000 });

/** One line as the cloud priced it: the request plus the cloud's price, kept for items the store cannot price. */
export const OnlineLineSchema = Type.Object(
  {
    lineId: Uuid,
    itemId: Id,
    name: Type.String({ minLength: 1, maxLength: 140 }),
    quantity: Type.Integer({ minimum: 1, maximum: MAX_QUANTITY }),
    weightGrams: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_WEIGHT_GRAMS })),
    modifierOptionIds: Type.Array(Id, { maxItems: 32 }),
    modifiers: Type.Array(
      Type.Object({ optionId: Id, groupName: Type.String({ maxLength: 140 }), name: Type.String({ maxLength: 140 }), priceDelta: SignedMinorUnits }, { additionalProperties: false }),
      { maxItems: 32 },
    ),
    note: Type.Optional(Type.String({ maxLength: 280 })),
    unitPrice: MinorUnits,
    lineAmount: MinorUnits,
    taxes: Type.Array(Type.Object({ taxRateId: Id, amount: MinorUnits }, { additionalProperties: false }), { maxItems: 20 }),
    tax: MinorUnits,
    lineTotal: MinorUnits,
    /** A combo's chosen components as the cloud priced them (the store prices them again). */
    components: Type.Optional(
      Type.Array(
        Type.Object(
          {
            slotId: Id, slotName: Type.String({ maxLength: 140 }), itemId: Id, name: Type.String({ maxLength: 140 }), upcharge: SignedMinorUnits,
            modifiers: Type.Array(
              Type.Object({ optionId: Id, groupName: Type.String({ maxLength: 140 }), name: Type.String({ maxLength: 140 }), priceDelta: SignedMinorUnits }, { additionalProperties: false }),
              { maxItems: 32 },
            ),
            amount: SignedMinorUnits,
          },
          { additionalProperties: false },
        ),
        { maxItems: 8 },
      ),
    ),
    /** The cloud's station for the item, used when the store does not know the item. */
    stationId: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);

export const AcceptOnlineArgsSchema = Type.Object(
  {
    /** The online order's id; the store order keeps it, so an order is accepted once however often it is seen. */
    orderId: Uuid,
    /** The cloud's number ("W-1A2B"), which the customer was shown. */
    number: Type.String({ minLength: 1, maxLength: 20 }),
    channel: Type.Union([Type.Literal('online'), Type.Literal('table')]),
    diningOption: Type.Union([Type.Literal('eat_in'), Type.Literal('take_out'), Type.Literal('delivery')]),
    customerName: Type.Optional(Type.String({ maxLength: 60 })),
    tableLabel: Type.Optional(Type.String({ maxLength: 20 })),
    note: Type.Optional(Type.String({ maxLength: 280 })),
    lines: Type.Array(OnlineLineSchema, { minItems: 1, maxItems: MAX_LINES_PER_ORDER }),
    /** What the cloud charged for the order; 0 when it is paid at pickup. */
    paidOnline: MinorUnits,
    cloudTotal: MinorUnits,
    currency: Type.String({ minLength: 3, maxLength: 3 }),
    /** The payment's reference at the processor (a PaymentIntent id). */
    paymentReference: Type.Optional(Type.String({ maxLength: 255 })),
  },
  { additionalProperties: false },
);

export type OnlineLine = Static<typeof OnlineLineSchema>;
export type AcceptOnlineArgs = Static<typeof AcceptOnlineArgsSchema>;

/** Why an accepted online order needs someone at the store to look at it. */
export type OnlineIntakeFlag =
  | { readonly kind: 'eighty_sixed'; readonly itemId: string; readonly name: string }
  | { readonly kind: 'item_unknown'; readonly itemId: string; readonly name: string }
  | { readonly kind: 'price_differs'; readonly storeTotal: number; readonly cloudTotal: number };

/** An online order the store took over, as the POS lists it. */
export interface OnlineIntake {
  readonly orderId: string;
  readonly acceptedAt: string;
  readonly flags: readonly OnlineIntakeFlag[];
  readonly cloudTotal: number;
  readonly paidOnline: number;
}

/** Words for the POS and the audit log. */
export function describeIntakeFlag(flag: OnlineIntakeFlag): string {
  switch (flag.kind) {
    case 'eighty_sixed':
      return `${flag.name} is 86'd here but was paid for online`;
    case 'item_unknown':
      return `${flag.name} is not on this store's menu`;
    case 'price_differs':
      return `charged online at the cloud's prices (store prices would differ)`;
  }
}
