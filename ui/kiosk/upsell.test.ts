import { DEMO, demoMenu, indexMenu } from '@brigade/sync/model';
import { describe, expect, it } from 'vitest';
import { newLine } from '../shared/draft-order';
import { upsellFor } from './upsell';

const index = indexMenu(demoMenu);

describe('kiosk upsell', () => {
  it('offers fries with a burger', () => {
    expect(upsellFor(index, [newLine(DEMO.burger, [DEMO.medium], 1)], new Set())?.id).toBe(DEMO.fries);
  });

  it('offers nothing when a side is already in the cart', () => {
    expect(upsellFor(index, [newLine(DEMO.burger, [DEMO.medium], 1), newLine(DEMO.fries, [DEMO.small], 1)], new Set())).toBeNull();
  });

  it('never offers a sold-out side', () => {
    expect(upsellFor(index, [newLine(DEMO.burger, [DEMO.medium], 1)], new Set([DEMO.fries]))).toBeNull();
  });

  it('offers nothing on an empty cart', () => {
    expect(upsellFor(index, [], new Set())).toBeNull();
  });
});
