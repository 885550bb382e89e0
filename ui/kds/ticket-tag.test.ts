import { describe, expect, it } from 'vitest';
import { ticketTag } from './ticket-card';

describe('kitchen ticket tags', () => {
  it('marks orders from the phone and leaves in-store orders plain', () => {
    expect(ticketTag({ channel: 'online', tableLabel: null })).toBe('ONLINE');
    expect(ticketTag({ channel: 'table', tableLabel: '12' })).toBe('TABLE 12');
    expect(ticketTag({ channel: 'counter', tableLabel: null })).toBeNull();
    expect(ticketTag({ channel: 'kiosk', tableLabel: null })).toBeNull();
  });
});
