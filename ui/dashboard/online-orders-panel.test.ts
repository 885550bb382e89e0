import { describe, expect, it } from 'vitest';
import type { OnlineOrderSummary } from './owner-api';
import { canRefundOnline, onlineStatusText } from './online-orders-panel';

const order = (over: Partial<OnlineOrderSummary>): OnlineOrderSummary => ({
  id: 'o1', number: 'W-0001', customerName: 'Ada', status: 'submitted', paymentStatus: 'paid', total: 1250, currency: 'USD', owner: 'cloud', createdAt: '2026-11-22T10:00:00Z', ...over,
});

describe('online orders panel', () => {
  it('offers cancel and refund only while the cloud owns an uncancelled order', () => {
    expect(canRefundOnline(order({}))).toBe(true);
    expect(canRefundOnline(order({ status: 'pending_payment', paymentStatus: 'unpaid' }))).toBe(true);
    expect(canRefundOnline(order({ owner: 'edge', status: 'accepted' }))).toBe(false);
    expect(canRefundOnline(order({ status: 'cancelled', paymentStatus: 'refunded' }))).toBe(false);
  });

  it('says cancelled — refunded for a refunded order and marks store-owned ones', () => {
    expect(onlineStatusText(order({ status: 'cancelled', paymentStatus: 'refunded' }))).toBe('cancelled — refunded');
    expect(onlineStatusText(order({ status: 'cancelled', paymentStatus: 'unpaid' }))).toBe('cancelled');
    expect(onlineStatusText(order({ owner: 'edge', status: 'preparing' }))).toMatch(/at the store/);
  });
});
