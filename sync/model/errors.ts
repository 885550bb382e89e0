/**
 * Every refusal the product can give, with a stable code and a sentence a cashier or an
 * owner understands. Servers map these to HTTP statuses; screens show the message.
 */
export const errorCatalog = {
  BAD_REQUEST: { status: 400, message: 'The request could not be read.' },
  VALIDATION_FAILED: { status: 400, message: 'Some details are missing or not valid.' },
  BODY_TOO_LARGE: { status: 413, message: 'The request is too large.' },
  UNKNOWN_COMMAND: { status: 404, message: 'That action does not exist.' },
  NOT_FOUND: { status: 404, message: 'Not found.' },
  DEVICE_NOT_PAIRED: { status: 401, message: 'This screen is not paired with the store yet.' },
  DEVICE_REVOKED: { status: 401, message: 'This screen was unpaired by a manager.' },
  WRONG_DEVICE_ROLE: { status: 403, message: 'This screen cannot do that.' },
  STAFF_SIGN_IN_REQUIRED: { status: 401, message: 'Sign in with your PIN first.' },
  PIN_INVALID: { status: 401, message: 'That PIN is not right.' },
  PIN_LOCKED: { status: 429, message: 'Too many wrong PINs. Wait a minute and try again.' },
  MANAGER_APPROVAL_REQUIRED: { status: 403, message: 'A manager must approve this.' },
  PAIRING_CODE_INVALID: { status: 400, message: 'That pairing code is not valid or has expired.' },
  RATE_LIMITED: { status: 429, message: 'Too many requests. Try again in a moment.' },
  ITEM_UNKNOWN: { status: 422, message: 'That item is not on the menu.' },
  ITEM_UNAVAILABLE: { status: 409, message: 'That item is sold out (86).' },
  MODIFIER_UNKNOWN: { status: 422, message: 'That choice does not belong to this item.' },
  MODIFIER_REQUIRED: { status: 422, message: 'A required choice is missing.' },
  MODIFIER_TOO_MANY: { status: 422, message: 'Too many choices for this item.' },
  ITEM_NOT_AVAILABLE_NOW: { status: 409, message: 'That item is not served at this time of day.' },
  COMBO_INVALID: { status: 422, message: 'That combo choice is not valid.' },
  COMBO_CHOICE_REQUIRED: { status: 422, message: 'A combo choice is missing.' },
  QUANTITY_INVALID: { status: 422, message: 'The quantity is not valid.' },
  PRICE_MISMATCH: { status: 409, message: 'Prices changed. Review the order and try again.' },
  ORDER_NOT_FOUND: { status: 404, message: 'That order does not exist.' },
  ORDER_EMPTY: { status: 422, message: 'The order has no items.' },
  ORDER_NOT_OPEN: { status: 409, message: 'That order can no longer be changed.' },
  ORDER_ALREADY_PAID: { status: 409, message: 'That order is already paid.' },
  ORDER_HAS_PAYMENTS: { status: 409, message: 'Money was taken for this order: refund its payments first, then void it.' },
  ORDER_TRANSITION_REFUSED: { status: 409, message: 'That order cannot move to that state now.' },
  LINE_NOT_FOUND: { status: 404, message: 'That line is not on the order.' },
  LINE_ALREADY_VOIDED: { status: 409, message: 'That line is already voided.' },
  PAYMENT_AMOUNT_INVALID: { status: 422, message: 'The payment amount is not valid.' },
  PAYMENT_DECLINED: { status: 402, message: 'The card was declined.' },
  PAYMENT_UNAVAILABLE: { status: 409, message: 'Card payments are not available right now. Take cash.' },
  REFUND_TOO_LARGE: { status: 422, message: 'The refund is larger than what was paid.' },
  REFUND_FAILED: { status: 409, message: 'The card refund was refused by the payment provider. Nothing was refunded.' },
  PAYMENT_NOT_FOUND: { status: 404, message: 'That payment is not on the order.' },
  DISCOUNT_INVALID: { status: 422, message: 'That discount is not valid.' },
  COMP_REASON_REQUIRED: { status: 422, message: 'Say why the item is on the house.' },
  PROMO_CODE_INVALID: { status: 422, message: 'That promo code is not valid.' },
  PROMO_CODE_NOT_STARTED: { status: 422, message: 'That promo code is not valid yet.' },
  PROMO_CODE_EXPIRED: { status: 422, message: 'That promo code has expired.' },
  PROMO_CODE_USED_UP: { status: 409, message: 'That promo code has been used up.' },
  PROMO_MIN_SPEND: { status: 422, message: 'The order is below the minimum spend for that promo code.' },
  TIP_INVALID: { status: 422, message: 'That tip is not valid.' },
  GUESTS_INVALID: { status: 422, message: 'The number of guests is not valid.' },
  SPLIT_INVALID: { status: 422, message: 'That split does not cover the check exactly.' },
  TICKET_NOT_FOUND: { status: 404, message: 'That ticket does not exist.' },
  PRINT_JOB_NOT_FOUND: { status: 404, message: 'That print job does not exist.' },
  DEVICE_NOT_FOUND: { status: 404, message: 'That device is not configured in this store.' },
  PRINTER_NOT_FOUND: { status: 404, message: 'That printer is not configured in this store.' },
  DEVICE_OFFLINE: { status: 409, message: 'That device is not connected. Check its cable and power.' },
  SCALE_UNSTABLE: { status: 409, message: 'The scale has not settled. Wait for a steady weight.' },
  SCALE_OVER_CAPACITY: { status: 409, message: 'Too heavy for the scale.' },
  SCALE_EMPTY: { status: 409, message: 'Nothing is on the scale.' },
  INGREDIENT_UNKNOWN: { status: 404, message: 'That ingredient is not in the stock list.' },
  INGREDIENT_UNIT_LOCKED: { status: 409, message: 'That ingredient already has stock in another unit.' },
  RECIPE_INVALID: { status: 422, message: 'That recipe is not valid.' },
  GIFT_CARD_NUMBER_INVALID: { status: 422, message: 'That gift card number is not valid. Check the digits.' },
  GIFT_CARD_UNKNOWN: { status: 404, message: 'That gift card has not been activated.' },
  GIFT_CARD_ALREADY_ACTIVE: { status: 409, message: 'That gift card is already active. Load it instead.' },
  GIFT_CARD_INSUFFICIENT: { status: 409, message: 'The gift card does not hold enough for that amount.' },
  GIFT_CARD_ALREADY_USED: { status: 409, message: 'This gift card has already been used; refund its unspent balance instead.' },
  OFFLINE_CAP_REACHED: { status: 409, message: 'The store cannot accept more from this card until it reconnects to the cloud.' },
  LOYALTY_ACCOUNT_INVALID: { status: 422, message: 'Enter a phone number or a loyalty card number.' },
  LOYALTY_POINTS_INSUFFICIENT: { status: 409, message: 'Not enough points for that.' },
  PERMISSION_LOCKED: { status: 422, message: 'The owner keeps every permission.' },
  PERMISSION_UNKNOWN: { status: 400, message: 'There is no permission with that name.' },
  ROLE_UNKNOWN: { status: 400, message: 'There is no role with that name.' },
  PERMISSIONS_MANAGED_BY_OWNER: { status: 409, message: 'The owner manages this store\'s permissions from the dashboard; change them there.' },
  ALREADY_CLOCKED_IN: { status: 409, message: 'You are already clocked in.' },
  PUNCH_OUT_OF_ORDER: { status: 409, message: 'That punch does not follow the last one (clock in first, end a break before clocking out).' },
  PUNCH_NOT_FOUND: { status: 404, message: 'That time punch does not exist.' },
  DRAWER_SESSION_OPEN: { status: 409, message: 'This drawer already has an open session. Close it first.' },
  DRAWER_NOT_OPEN: { status: 409, message: 'Open the drawer with a float first.' },
  DRAWER_SESSION_NOT_FOUND: { status: 404, message: 'That drawer session does not exist.' },
  DRAWERS_STILL_OPEN: { status: 409, message: 'Count and close every drawer before closing the day.' },
  CASH_COUNT_INVALID: { status: 422, message: 'That cash count is not valid.' },
  DAY_ALREADY_CLOSED: { status: 409, message: 'The day was just closed; there is nothing new to close.' },
  REPORT_NOT_FOUND: { status: 404, message: 'That report does not exist.' },
  TABLE_NOT_FOUND: { status: 404, message: 'That table is not on the floor plan.' },
  SECTION_NOT_FOUND: { status: 404, message: 'That section is not on the floor plan.' },
  TABLE_LABEL_TAKEN: { status: 409, message: 'Another table already has that name.' },
  CHECK_SPLIT: { status: 409, message: 'That check was split. Change or pay its parts instead.' },
  LINE_ALREADY_FIRED: { status: 409, message: 'That line was already sent to the kitchen. Void it instead.' },
  COMMAND_ID_REUSED: { status: 409, message: 'That request id was already used for a different action.' },
  INTERNAL: { status: 500, message: 'Something went wrong. Nothing was changed; try again.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalog;

/** The one error type of the product: a stable code, an HTTP status and a human message. */
export class BrigadeError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Readonly<Record<string, string | number | boolean | null>> | undefined;

  constructor(code: ErrorCode, message?: string, details?: Record<string, string | number | boolean | null>) {
    super(message ?? errorCatalog[code].message);
    this.name = 'BrigadeError';
    this.code = code;
    this.status = errorCatalog[code].status;
    this.details = details;
  }
}

/** The body of every error response. */
export interface ErrorBody {
  readonly error: { readonly code: ErrorCode; readonly message: string; readonly details?: Record<string, string | number | boolean | null> };
}
