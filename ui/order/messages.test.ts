import { cloudErrorCatalog } from '@brigade/sync/protocol';
import { describe, expect, it } from 'vitest';
import { PAUSED_MESSAGE } from './messages';

describe('PWA messages', () => {
  it('says the same about a paused store as the cloud refusal does', () => {
    expect(PAUSED_MESSAGE).toBe(cloudErrorCatalog.STORE_PAUSED.message);
  });
});
