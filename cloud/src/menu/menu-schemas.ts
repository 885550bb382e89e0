/** Wire schemas of the owner's menu edits; sizes are bounded here and again on the whole menu. */
import { Type } from 'typebox';

const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$' });
const Name = Type.String({ minLength: 1, maxLength: 80 });
const Price = Type.Integer({ minimum: 0, maximum: 10_000_000 });
const ImageUrl = Type.String({ maxLength: 500, pattern: '^https?://[^\\s]+$' });

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
    allergens: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 20 })),
    imageUrl: Type.Optional(ImageUrl),
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
  },
  { additionalProperties: false, minProperties: 1 },
);

export const ModifierGroupSchema = Type.Object(
  {
    id: Type.Optional(Id),
    name: Name,
    min: Type.Integer({ minimum: 0, maximum: 50 }),
    max: Type.Integer({ minimum: 1, maximum: 50 }),
    options: Type.Array(
      Type.Object(
        { id: Type.Optional(Id), name: Name, priceDelta: Price, isDefault: Type.Optional(Type.Boolean()) },
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
  },
  { additionalProperties: false },
);

export const ReplaceMenuBody = Type.Object({ version: Type.Integer({ minimum: 1 }), menu: MenuDocumentSchema }, { additionalProperties: false });
export const CreateItemBody = Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })), item: ItemSchema }, { additionalProperties: false });
export const CreateGroupBody = Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })), group: ModifierGroupSchema }, { additionalProperties: false });
