/** Wire schemas of the owner's menu edits; sizes are bounded here and again on the whole menu. */
import { Type } from 'typebox';

const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$' });
const Name = Type.String({ minLength: 1, maxLength: 80 });
const Price = Type.Integer({ minimum: 0, maximum: 10_000_000 });
const ImageUrl = Type.String({ maxLength: 500, pattern: '^https?://[^\\s]+$' });
const Tag = Type.String({ minLength: 1, maxLength: 40 });
const Tags = Type.Array(Tag, { maxItems: 20 });
const TimeOfDay = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });
const RateIds = Type.Array(Id, { maxItems: 5 });

/** Prices that replace the item's price on one channel. */
export const ChannelPricesSchema = Type.Object(
  { counter: Type.Optional(Price), kiosk: Type.Optional(Price), online: Type.Optional(Price), table: Type.Optional(Price) },
  { additionalProperties: false },
);

export const ComboSchema = Type.Object(
  {
    slots: Type.Array(
      Type.Object(
        {
          id: Id,
          name: Name,
          choices: Type.Array(Type.Object({ itemId: Id, upcharge: Price }, { additionalProperties: false }), { minItems: 1, maxItems: 30 }),
          defaultItemId: Type.Optional(Id),
          optional: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 6 },
    ),
  },
  { additionalProperties: false },
);

export const DaypartSchema = Type.Object(
  { id: Id, name: Name, start: TimeOfDay, end: TimeOfDay, days: Type.Optional(Type.Array(Type.Integer({ minimum: 0, maximum: 6 }), { minItems: 1, maxItems: 7 })) },
  { additionalProperties: false },
);

export const MenuParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const ItemParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), itemId: Type.String({ minLength: 1, maxLength: 64 }) });

export const ItemSchema = Type.Object(
  {
    id: Type.Optional(Id),
    categoryId: Id,
    name: Name,
    description: Type.String({ maxLength: 500 }),
    price: Price,
    taxRateIds: Type.Array(Id, { maxItems: 5 }),
    stationId: Id,
    modifierGroupIds: Type.Array(Id, { maxItems: 20 }),
    soldByWeight: Type.Optional(Type.Boolean()),
    barcode: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
    allergens: Type.Optional(Tags),
    dietaryTags: Type.Optional(Tags),
    imageUrl: Type.Optional(ImageUrl),
    channelPrices: Type.Optional(ChannelPricesSchema),
    daypartIds: Type.Optional(Type.Array(Id, { maxItems: 10 })),
    combo: Type.Optional(ComboSchema),
    taxRateIdsByDiningOption: Type.Optional(
      Type.Object({ eat_in: Type.Optional(RateIds), take_out: Type.Optional(RateIds), delivery: Type.Optional(RateIds) }, { additionalProperties: false }),
    ),
    sortOrder: Type.Integer({ minimum: 0, maximum: 100_000 }),
    active: Type.Boolean(),
  },
  { additionalProperties: false },
);

export const ItemPatchSchema = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 1 })),
    name: Type.Optional(Name),
    description: Type.Optional(Type.String({ maxLength: 500 })),
    price: Type.Optional(Price),
    imageUrl: Type.Optional(Type.Union([ImageUrl, Type.Null()])),
    active: Type.Optional(Type.Boolean()),
    categoryId: Type.Optional(Id),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
    allergens: Type.Optional(Tags),
    dietaryTags: Type.Optional(Tags),
    modifierGroupIds: Type.Optional(Type.Array(Id, { maxItems: 20 })),
    // null removes the field.
    channelPrices: Type.Optional(Type.Union([ChannelPricesSchema, Type.Null()])),
    daypartIds: Type.Optional(Type.Union([Type.Array(Id, { maxItems: 10 }), Type.Null()])),
    combo: Type.Optional(Type.Union([ComboSchema, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const ModifierGroupSchema = Type.Object(
  {
    id: Type.Optional(Id),
    name: Name,
    min: Type.Integer({ minimum: 0, maximum: 50 }),
    max: Type.Integer({ minimum: 1, maximum: 50 }),
    kind: Type.Optional(Type.Union([Type.Literal('variant'), Type.Literal('modifier')])),
    options: Type.Array(
      Type.Object(
        { id: Type.Optional(Id), name: Name, priceDelta: Price, isDefault: Type.Optional(Type.Boolean()), childGroupIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 5 })) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 50 },
    ),
  },
  { additionalProperties: false },
);

export const MenuDocumentSchema = Type.Object(
  {
    currency: Type.String({ pattern: '^[A-Z]{3}$' }),
    taxInclusive: Type.Boolean(),
    categories: Type.Array(Type.Object({ id: Id, name: Name, sortOrder: Type.Integer({ minimum: 0 }) }, { additionalProperties: false }), { maxItems: 200 }),
    items: Type.Array(Type.Intersect([ItemSchema, Type.Object({ id: Id })]), { maxItems: 2_000 }),
    modifierGroups: Type.Array(Type.Intersect([ModifierGroupSchema, Type.Object({ id: Id })]), { maxItems: 500 }),
    taxRates: Type.Array(Type.Object({ id: Id, name: Name, rateBps: Type.Integer({ minimum: 0, maximum: 10_000 }) }, { additionalProperties: false }), { maxItems: 20 }),
    stations: Type.Array(Type.Object({ id: Id, name: Name }, { additionalProperties: false }), { maxItems: 50 }),
    dayparts: Type.Optional(Type.Array(DaypartSchema, { maxItems: 20 })),
  },
  { additionalProperties: false },
);

export const ReplaceMenuBody = Type.Object({ version: Type.Integer({ minimum: 1 }), menu: MenuDocumentSchema }, { additionalProperties: false });
export const CreateItemBody = Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })), item: ItemSchema }, { additionalProperties: false });
export const ReplaceDaypartsBody = Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })), dayparts: Type.Array(DaypartSchema, { maxItems: 20 }) }, { additionalProperties: false });
export const CreateGroupBody = Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })), group: ModifierGroupSchema }, { additionalProperties: false });
