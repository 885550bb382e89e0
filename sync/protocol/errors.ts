/**
 * Refusals of the cloud and of sync, with stable codes, in the same body shape as the store's
 * (`{ error: { code, message, details } }`). Kept apart from the model's catalog because only
 * the cloud gives them and the edge reads them (push rejections, enrolment, shapes).
 */
export const cloudErrorCatalog = {
  SIGN_IN_REQUIRED: { status: 401, message: 'Sign in first.' },
  SIGN_IN_FAILED: { status: 401, message: 'That email and password do not match.' },
  SESSION_EXPIRED: { status: 401, message: 'Your session has expired. Sign in again.' },
  FORBIDDEN: { status: 403, message: 'You cannot do that.' },
  CREDENTIAL_INVALID: { status: 401, message: 'This store is not enrolled, or its credential was revoked.' },
  STORE_MISMATCH: { status: 403, message: 'This credential belongs to another store.' },
  ENROLMENT_CODE_INVALID: { status: 400, message: 'That enrolment code is not valid, was used already or has expired.' },
  PUSH_OUT_OF_ORDER: { status: 400, message: 'Mutations must be sent in increasing seq order.' },
  SHAPE_TABLE_UNKNOWN: { status: 400, message: 'That table cannot be followed as a shape.' },
  SHAPE_WHERE_UNSUPPORTED: { status: 400, message: 'Only `store_id = $1` is supported as a where clause.' },
  SHAPE_PARAMS_INVALID: { status: 400, message: 'The shape parameters are not valid.' },
  SHAPE_OFFSET_INVALID: { status: 400, message: 'The shape offset is not valid.' },
  SHAPE_HANDLE_REQUIRED: { status: 400, message: 'A shape handle is required with that offset.' },
  SHAPE_SCHEMA_TOO_NEW: { status: 400, message: 'This edge follows a newer shape schema than the cloud serves; it waits for the cloud to be upgraded.' },
  MENU_TOO_LARGE: { status: 413, message: 'The menu is too large.' },
  MENU_INVALID: { status: 422, message: 'The menu is not consistent.' },
  MENU_VERSION_CONFLICT: { status: 409, message: 'The menu changed meanwhile. Reload it and try again.' },
  STORE_PAUSED: { status: 409, message: 'This store is not taking online orders right now.' },
  PAYMENT_NOT_CONFIGURED: { status: 503, message: 'Online payment is not set up for this store.' },
  WEBHOOK_SIGNATURE_INVALID: { status: 400, message: 'The webhook signature is missing, wrong or too old.' },
  TABLE_TOKEN_INVALID: { status: 400, message: 'This table code is not valid. Ask the staff for help.' },
  TABLE_TOKEN_ROTATED: { status: 410, message: 'This table code was replaced. Scan the code on the table again.' },
  ORDER_OWNED_BY_STORE: { status: 409, message: 'The store has already taken this order over. Refund it at the till.' },
  /** Push rejections: recorded, shown to a manager, never block the queue. */
  ORDER_OWNED_BY_CLOUD: { status: 409, message: 'That order belongs to online ordering and was not handed to the store.' },
  ORDER_OTHER_STORE: { status: 409, message: 'That order id belongs to another store.' },
  STALE_VERSION: { status: 409, message: 'A newer version of that order is already in the cloud.' },
  DRAWER_SESSION_INCONSISTENT: { status: 422, message: 'That drawer session does not add up (expected, over/short or movement totals).' },
  DRAWER_SESSION_OTHER_STORE: { status: 409, message: 'That drawer session id belongs to another store.' },
  DRAWER_SESSION_CLOSED: { status: 409, message: 'That drawer session is closed in the cloud; a closed session does not change.' },
  PUNCH_INCONSISTENT: { status: 422, message: 'That time punch does not match the punch stored under its id.' },
  Z_REPORT_INCONSISTENT: { status: 422, message: 'That Z report does not add up.' },
  Z_REPORT_CONFLICT: { status: 409, message: 'The store already has a different Z report under that number.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type CloudErrorCode = keyof typeof cloudErrorCatalog;

export class CloudError extends Error {
  readonly code: CloudErrorCode;
  readonly status: number;
  readonly details: Readonly<Record<string, string | number | boolean | null>> | undefined;

  constructor(code: CloudErrorCode, message?: string, details?: Record<string, string | number | boolean | null>) {
    super(message ?? cloudErrorCatalog[code].message);
    this.name = 'CloudError';
    this.code = code;
    this.status = cloudErrorCatalog[code].status;
    this.details = details;
  }
}
