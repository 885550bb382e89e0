/**
 * Sentences the PWA shows before the cloud has said anything (a paused store is known from
 * its page, not from a refusal). Worded as the cloud's STORE_PAUSED refusal, and tested to
 * stay so, so the customer reads the same sentence either way.
 */
export const PAUSED_MESSAGE = 'This store is not taking online orders right now.';
