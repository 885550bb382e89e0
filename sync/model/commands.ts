/**
 * The wire schemas of the store's commands: one TypeBox schema per command, used by the
 * hub for validation and its OpenAPI docs, and by the screens for static types.
 * Every command is sent as `POST /api/commands/{name}` with `{ commandId, args }`, where
 * `commandId` is a UUIDv7 made by the screen; sending the same id again returns the first
 * result and never applies twice.
 */
import { type Static, Type } from 'typebox';
import { staffCashCommandArgs } from './staff-cash-commands';
import { AcceptOnlineArgsSchema } from './online-intake';
import { giftCommandArgs } from './gift-cards';
import { inventoryCommandArgs } from './inventory';
import { checkCommandArgs } from './check-commands';
import { LineRequestSchema } from './line-request-schema';
import { MAX_LINES_PER_ORDER } from './pricing';

export { LineRequestSchema };

const Uuid = Type.String({ format: 'uuid', maxLength: 36 });
const ShortText = Type.String({ minLength: 1, maxLength: 140 });
const Note = Type.String({ maxLength: 280 });
const Pin = Type.String({ pattern: '^[0-9]{4,8}$' });
const MinorUnits = Type.Integer({ minimum: 0, maximum: 100_000_000 });

export const ChannelSchema = Type.Union([Type.Literal('counter'), Type.Literal('kiosk'), Type.Literal('online'), Type.Literal('table')]);
export const DiningOptionSchema = Type.Union([Type.Literal('eat_in'), Type.Literal('take_out'), Type.Literal('delivery')]);

export const commandArgs = {
  'order.create': Type.Object(
    {
      orderId: Uuid,
      channel: ChannelSchema,
      diningOption: DiningOptionSchema,
      lines: Type.Array(LineRequestSchema, { minItems: 1, maxItems: MAX_LINES_PER_ORDER }),
      customerName: Type.Optional(Type.String({ maxLength: 60 })),
      tableLabel: Type.Optional(Type.String({ maxLength: 20 })),
      note: Type.Optional(Note),
      /** The total the screen showed; the server refuses the order when its own total differs. */
      expectedTotal: Type.Optional(MinorUnits),
    },
    { additionalProperties: false },
  ),
  'order.addLines': Type.Object(
    { orderId: Uuid, lines: Type.Array(LineRequestSchema, { minItems: 1, maxItems: MAX_LINES_PER_ORDER }), expectedTotal: Type.Optional(MinorUnits) },
    { additionalProperties: false },
  ),
  'order.voidLine': Type.Object({ orderId: Uuid, lineId: Uuid, reason: ShortText, managerPin: Type.Optional(Pin) }, { additionalProperties: false }),
  'order.fire': Type.Object({ orderId: Uuid }, { additionalProperties: false }),
  'order.complete': Type.Object({ orderId: Uuid }, { additionalProperties: false }),
  'order.void': Type.Object({ orderId: Uuid, reason: ShortText, managerPin: Type.Optional(Pin) }, { additionalProperties: false }),
  /** The store takes over a paid online order from the cloud (its sync client only; see online-intake.ts). */
  'order.acceptOnline': AcceptOnlineArgsSchema,
  'payment.capture': Type.Object(
    {
      orderId: Uuid,
      paymentId: Uuid,
      tender: Type.Union([Type.Literal('cash'), Type.Literal('card')]),
      amount: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
      /** Cash handed over by the customer (cash only). */
      tendered: Type.Optional(MinorUnits),
      tip: Type.Optional(MinorUnits),
    },
    { additionalProperties: false },
  ),
  'payment.refund': Type.Object(
    { orderId: Uuid, paymentId: Uuid, amount: Type.Integer({ minimum: 1, maximum: 100_000_000 }), reason: ShortText, managerPin: Type.Optional(Pin) },
    { additionalProperties: false },
  ),
  'receipt.print': Type.Object({ orderId: Uuid }, { additionalProperties: false }),
  'drawer.open': Type.Object({ reason: ShortText, managerPin: Type.Optional(Pin) }, { additionalProperties: false }),
  'ticket.bump': Type.Object({ ticketId: Uuid }, { additionalProperties: false }),
  'ticket.recall': Type.Object({ ticketId: Uuid }, { additionalProperties: false }),
  'item.set86': Type.Object(
    { itemId: Type.String({ minLength: 1, maxLength: 64 }), unavailable: Type.Boolean(), managerPin: Type.Optional(Pin) },
    { additionalProperties: false },
  ),
  'device.approve': Type.Object(
    {
      code: Type.String({ pattern: '^[0-9]{6}$' }),
      role: Type.Union([Type.Literal('pos'), Type.Literal('kiosk'), Type.Literal('kds'), Type.Literal('display')]),
      name: ShortText,
      /** For KDS screens: the station shown (omit for expo, which sees every station). */
      stationId: Type.Optional(Type.String({ maxLength: 64 })),
      managerPin: Type.Optional(Pin),
    },
    { additionalProperties: false },
  ),
  'device.revoke': Type.Object({ deviceId: Uuid, managerPin: Type.Optional(Pin) }, { additionalProperties: false }),
  ...checkCommandArgs,
  ...staffCashCommandArgs,
  ...inventoryCommandArgs,
  ...giftCommandArgs,
} as const;

export type CommandName = keyof typeof commandArgs;
export type CommandArgs<N extends CommandName> = Static<(typeof commandArgs)[N]>;
export const COMMAND_NAMES = Object.keys(commandArgs) as CommandName[];

export const CommandEnvelopeFields = { commandId: Uuid } as const;

export type DeviceRole = 'pos' | 'kiosk' | 'kds' | 'display';
export type StaffRole = 'cashier' | 'server' | 'bartender' | 'manager' | 'owner';
