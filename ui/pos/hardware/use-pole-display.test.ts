import { describe, expect, it } from 'vitest';
import { poleLines } from './use-pole-display';

describe('pole display lines', () => {
  it('shows the last item on top and the total right-aligned below, twenty columns each', () => {
    const [top, bottom] = poleLines('Double Cheeseburger with bacon', '$41.80');
    expect(top).toBe('Double Cheeseburger ');
    expect(bottom).toHaveLength(20);
    expect(bottom.startsWith('TOTAL')).toBe(true);
    expect(bottom.endsWith(' $41.80')).toBe(true);
  });

  it('greets the customer before anything is rung up', () => {
    expect(poleLines(null, '$0.00')[0]).toBe('Welcome');
  });

  it('keeps the amount whole when it is too long for the label', () => {
    expect(poleLines('Cola', '$123,456,789,012.00')[1]).toBe(' $123,456,789,012.00'.slice(-20));
  });
});
