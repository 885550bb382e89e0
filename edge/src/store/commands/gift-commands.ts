/** Gift cards at the till: sell, load, pay with one; and the owner's offline caps. */
import { BrigadeError, isValidCardNumber, maskCardNumber } from '@brigade/sync/model';
import { ledgerSettings } from '@brigade/sync/schema/sqlite';
import { defineCommand } from '../command-registry';
import { addGiftCardLine, cardIsActiveHere } from './gift-card-lines';
import { POLICY_ROW_ID, ledgerBalance, readPolicy, requireRedeemable, writeLedgerEntry } from './gift-ledger';
import { recordLedgerPayment, requirePayable } from './gift-payment';

function requireCardNumber(cardNumber: string): void {
  if (!isValidCardNumber(cardNumber)) throw new BrigadeError('GIFT_CARD_NUMBER_INVALID', undefined, { card: maskCardNumber(cardNumber) });
}

export const giftSell = defineCommand({
  name: 'gift.sell',
  roles: ['pos'],
  needsStaff: true,
  needsManager: false,
  run(tx, _ctx, args) {
    requireCardNumber(args.cardNumber);
    if (cardIsActiveHere(tx, args.cardNumber)) throw new BrigadeError('GIFT_CARD_ALREADY_ACTIVE', undefined, { card: maskCardNumber(args.cardNumber) });
    addGiftCardLine(tx, { ...args, kind: 'activate' });
    tx.audit('gift.sell', { orderId: args.orderId, detail: { card: maskCardNumber(args.cardNumber), amount: args.amount } });
    return { order: tx.orderChanged(args.orderId) };
  },
});

export const giftLoad = defineCommand({
  name: 'gift.load',
  roles: ['pos'],
  needsStaff: true,
  needsManager: false,
  run(tx, _ctx, args) {
    requireCardNumber(args.cardNumber);
    // A card sold at another store is unknown here until the cloud sends it: loading it is still fine.
    addGiftCardLine(tx, { ...args, kind: 'load' });
    tx.audit('gift.loadLine', { orderId: args.orderId, detail: { card: maskCardNumber(args.cardNumber), amount: args.amount } });
    return { order: tx.orderChanged(args.orderId) };
  },
});

export const giftRedeem = defineCommand({
  name: 'gift.redeem',
  roles: ['pos', 'kiosk'],
  needsStaff: true,
  needsManager: false,
  run(tx, ctx, args) {
    requireCardNumber(args.cardNumber);
    const row = requirePayable(tx, args.orderId, args.paymentId, args.amount);
    requireRedeemable(tx, 'gift', args.cardNumber, args.amount, ctx.store.storeRow().currency);
    writeLedgerEntry(tx, { ledger: 'gift', account: args.cardNumber, kind: 'redeem', delta: -args.amount, orderId: args.orderId, paymentId: args.paymentId });
    const paid = recordLedgerPayment(tx, row, {
      orderId: args.orderId, paymentId: args.paymentId, tender: 'gift_card', amount: args.amount, reference: maskCardNumber(args.cardNumber),
    });
    return { ...paid, balance: ledgerBalance(tx.orm, 'gift', args.cardNumber) };
  },
});

export const ledgerConfigure = defineCommand({
  name: 'ledger.configure',
  roles: ['pos'],
  needsStaff: true,
  needsManager: true,
  run(tx, _ctx, args) {
    const { managerPin: _pin, ...policy } = args;
    tx.orm.insert(ledgerSettings).values({ id: POLICY_ROW_ID, ...policy, updatedAt: tx.now })
      .onConflictDoUpdate({ target: ledgerSettings.id, set: { ...policy, updatedAt: tx.now } }).run();
    tx.audit('ledger.configure', { detail: { ...policy } });
    return { policy: readPolicy(tx.orm) };
  },
});
