import { describe, expect, it } from 'vitest';
import { describeAuditDetail } from './audit-format';

describe('audit detail', () => {
  it('shows money in the store currency and hides internal ids', () => {
    const text = describeAuditDetail('{"paymentId":"p1","tender":"cash","amount":707,"reason":"Refund at the counter"}', 'USD');
    expect(text).toBe('tender cash · amount $7.07 · reason Refund at the counter');
  });

  it('keeps unreadable detail as text rather than failing', () => {
    expect(describeAuditDetail('not json', 'USD')).toBe('detail not json');
    expect(describeAuditDetail(null, 'USD')).toBe('');
  });
});
