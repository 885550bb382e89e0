/**
 * The wire schema of a requested line: an item, how many, which choices; never a price.
 * Apart from commands.ts so the check schemas can build on it without an import cycle.
 */
import { Type } from 'typebox';
import { MAX_QUANTITY, MAX_WEIGHT_GRAMS } from './pricing';

const Uuid = Type.String({ format: 'uuid', maxLength: 36 });
const Note = Type.String({ maxLength: 280 });

export const LineRequestSchema = Type.Object(
  {
    lineId: Uuid,
    itemId: Type.String({ minLength: 1, maxLength: 64 }),
    quantity: Type.Integer({ minimum: 1, maximum: MAX_QUANTITY }),
    modifierOptionIds: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 32 }),
    weightGrams: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_WEIGHT_GRAMS })),
    note: Type.Optional(Note),
    // A combo's picks, one per slot (menu-combos.ts); prices still come from the menu only.
    components: Type.Optional(
      Type.Array(
        Type.Object(
          {
            slotId: Type.String({ minLength: 1, maxLength: 64 }),
            itemId: Type.String({ minLength: 1, maxLength: 64 }),
            modifierOptionIds: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 32 }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 8 },
      ),
    ),
  },
  { additionalProperties: false },
);
