/**
 * Gift cards and loyalty points: both are ledgers of signed entries per account (a card
 * number, or a phone number for loyalty), kept on the edge so they work offline and summed
 * by the cloud once pushed. A store offline cannot ask anyone else what a card holds, so
 * what it accepts unconfirmed is capped per card and per store: the most a store can lose
 * to a card spent twice at once (here and at another till or store) is its cap.
 * Pure and browser-safe: the edge decides with it and the screens explain it.
 */
import { type Static, Type } from 'typebox';
import type { Cents } from './money';
import type { Order, Payment } from './order';

export type LedgerName = 'gift' | 'loyalty';
/** activate/load/earn add, redeem takes away, void gives back what a voided order had taken. */
export type LedgerEntryKind = 'activate' | 'load' | 'redeem' | 'earn' | 'void';

export interface LedgerEntry {
  readonly id: string;
  readonly ledger: LedgerName;
  readonly account: string;
  readonly kind: LedgerEntryKind;
  /** Minor units for gift cards, points for loyalty; negative for redemptions. */
  readonly delta: number;
  readonly orderId: string | null;
  readonly occurredAt: string;
}

/** What the owner configures; the defaults are deliberately small. */
export interface LedgerPolicy {
  /** Most a single gift card may be redeemed here before the cloud has confirmed it (minor units). */
  readonly giftCardOfflineCap: number;
  /** Most all gift cards together may be redeemed here unconfirmed (minor units). */
  readonly giftStoreOfflineCap: number;
  /** Points a single loyalty account may redeem here unconfirmed. */
  readonly loyaltyAccountOfflineCap: number;
  /** Points all accounts together may redeem here unconfirmed. */
  readonly loyaltyStoreOfflineCap: number;
  /** Points earned per whole currency unit paid (1 = a point per dollar). */
  readonly pointsPerUnit: number;
  /** Minor units one point is worth when redeemed (5 = 100 points are 5.00). */
  readonly pointValue: number;
}

export const DEFAULT_LEDGER_POLICY: LedgerPolicy = {
  giftCardOfflineCap: 10_000,
  giftStoreOfflineCap: 50_000,
  loyaltyAccountOfflineCap: 2_000,
  loyaltyStoreOfflineCap: 10_000,
  pointsPerUnit: 1,
  pointValue: 5,
};

/** Card numbers are 12–19 digits whose last digit is a Luhn check digit, so a mistyped digit is caught at the till. */
export function isValidCardNumber(value: string): boolean {
  if (!/^[0-9]{12,19}$/.test(value)) return false;
  return luhnSum(value.slice(0, -1)) === Number(value.slice(-1));
}

/** Appends the Luhn check digit to 11–18 digits (card printing, demo cards and tests). */
export function withCheckDigit(body: string): string {
  if (!/^[0-9]{11,18}$/.test(body)) throw new Error('a card number body is 11 to 18 digits');
  return `${body}${luhnSum(body)}`;
}

function luhnSum(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    // Double every second digit counting from the right of the body (the check digit's neighbour first).
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** The last four digits, for receipts and screens: a full card number is never shown. */
export function maskCardNumber(value: string): string {
  return `•••• ${value.slice(-4)}`;
}

/**
 * A loyalty account is a phone number (digits only, 7–15, an optional leading +) or a
 * card number; phone numbers are kept as digits so "+1 (555) 010-0000" and "15550100000" match.
 */
export function normaliseLoyaltyAccount(value: string): string | null {
  const trimmed = value.trim();
  if (/^[0-9]{12,19}$/.test(trimmed) && isValidCardNumber(trimmed)) return trimmed;
  if (!/^\+?[0-9 ()\-.]{7,24}$/.test(trimmed)) return null;
  const digits = trimmed.replace(/[^0-9]/g, '');
  return digits.length >= 7 && digits.length <= 15 ? digits : null;
}

/** Points earned for an amount paid: whole currency units times the rate, rounded down. */
export function pointsEarned(paidMinor: number, policy: Pick<LedgerPolicy, 'pointsPerUnit'>, minorPerUnit = 100): number {
  if (paidMinor <= 0) return 0;
  return Math.floor(paidMinor / minorPerUnit) * policy.pointsPerUnit;
}

/** What the till knows about an account when a redemption is asked for. */
export interface RedemptionState {
  /** The account's balance as this store's ledger sums it. */
  readonly balance: number;
  /** Redeemed from this account here and not yet confirmed by the cloud. */
  readonly unconfirmedAccount: number;
  /** Redeemed from every account here and not yet confirmed by the cloud. */
  readonly unconfirmedStore: number;
  readonly accountCap: number;
  readonly storeCap: number;
}

export type RedemptionRefusal =
  | { readonly reason: 'insufficient'; readonly available: number }
  | { readonly reason: 'account-cap' | 'store-cap'; readonly available: number };

/**
 * Whether `amount` may be redeemed now, and if not, the most that could be. The balance
 * must cover it, and so must what is left of both offline caps.
 */
export function checkRedemption(amount: number, s: RedemptionState): RedemptionRefusal | null {
  const balance = Math.max(0, s.balance);
  const accountRoom = Math.max(0, s.accountCap - s.unconfirmedAccount);
  const storeRoom = Math.max(0, s.storeCap - s.unconfirmedStore);
  const available = Math.min(balance, accountRoom, storeRoom);
  if (amount <= available) return null;
  if (amount > balance && balance <= Math.min(accountRoom, storeRoom)) return { reason: 'insufficient', available };
  return { reason: accountRoom <= storeRoom ? 'account-cap' : 'store-cap', available };
}

const Uuid = Type.String({ format: 'uuid', maxLength: 36 });
const CardNumber = Type.String({ pattern: '^[0-9]{12,19}$' });
const Amount = Type.Integer({ minimum: 1, maximum: 100_000_000 });
const Cap = Type.Integer({ minimum: 0, maximum: 100_000_000 });
const Pin = Type.String({ pattern: '^[0-9]{4,8}$' });
const Account = Type.String({ minLength: 7, maxLength: 24 });

/** The wire schemas of the gift card and loyalty commands; spread into `commandArgs`. */
export const giftCommandArgs = {
  /** Adds a gift card line to an open order; the card is activated with `amount` once the order is paid. */
  'gift.sell': Type.Object({ orderId: Uuid, lineId: Uuid, cardNumber: CardNumber, amount: Amount }, { additionalProperties: false }),
  /** Adds a line that tops up an active card once the order is paid. */
  'gift.load': Type.Object({ orderId: Uuid, lineId: Uuid, cardNumber: CardNumber, amount: Amount }, { additionalProperties: false }),
  /** Pays part or all of an order from a gift card (tender `gift_card`). */
  'gift.redeem': Type.Object({ orderId: Uuid, paymentId: Uuid, cardNumber: CardNumber, amount: Amount }, { additionalProperties: false }),
  /** The owner's offline caps and points rates. */
  'ledger.configure': Type.Object(
    {
      giftCardOfflineCap: Cap,
      giftStoreOfflineCap: Cap,
      loyaltyAccountOfflineCap: Cap,
      loyaltyStoreOfflineCap: Cap,
      pointsPerUnit: Type.Integer({ minimum: 0, maximum: 100 }),
      pointValue: Type.Integer({ minimum: 0, maximum: 10_000 }),
      managerPin: Type.Optional(Pin),
    },
    { additionalProperties: false },
  ),
  /** Attaches a loyalty account (phone or card) to an order; it earns points when the order is paid. */
  'loyalty.attach': Type.Object({ orderId: Uuid, account: Account }, { additionalProperties: false }),
  /**
   * Takes points as a reward: a discount of points × the store's point value off the check
   * before tax (a discount line of kind `loyalty`). `paymentId` names the redemption.
   */
  'loyalty.redeem': Type.Object(
    { orderId: Uuid, paymentId: Uuid, account: Account, points: Type.Integer({ minimum: 1, maximum: 10_000_000 }) },
    { additionalProperties: false },
  ),
} as const;

/** What the gift card and loyalty commands return, for the screens' typed client. */
export interface GiftResults {
  'gift.sell': { order: Order };
  'gift.load': { order: Order };
  'gift.redeem': { order: Order; payment: Payment; balance: number };
  'ledger.configure': { policy: LedgerPolicy };
  'loyalty.attach': { account: string; points: number };
  /** Points are a pre-tax discount on the check (`discount`, minor units), not a payment. */
  'loyalty.redeem': { order: Order; points: number; discount: Cents };
}

export type GiftCommandName = keyof typeof giftCommandArgs;
export type GiftCommandArgs<N extends GiftCommandName> = Static<(typeof giftCommandArgs)[N]>;
