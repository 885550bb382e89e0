import { isUuidV7 } from '@brigade/sync/model';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client';
import { RetryMemo } from './retry-memo';

const network = () => new ApiError('NETWORK', 'The store hub cannot be reached.', 0);

describe('retry memo', () => {
  it('reuses the same ids when the hub could not be reached, so the second tap replays the first', async () => {
    const memo = new RetryMemo();
    const seen: string[][] = [];
    await memo.run('pay', (id) => {
      seen.push([id('command'), id('payment')]);
      return Promise.reject(network());
    }).catch(() => undefined);
    await memo.run('pay', (id) => {
      seen.push([id('command'), id('payment')]);
      return Promise.resolve('ok');
    });
    expect(seen[1]).toEqual(seen[0]);
    expect(seen[0]?.every(isUuidV7)).toBe(true);
    expect(seen[0]?.[0]).not.toBe(seen[0]?.[1]);
  });

  it('makes new ids after a success or a clear refusal', async () => {
    const memo = new RetryMemo();
    const ids: string[] = [];
    await memo.run('pay', (id) => Promise.resolve(ids.push(id('command'))));
    await memo.run('pay', (id) => {
      ids.push(id('command'));
      return Promise.reject(new ApiError('PAYMENT_DECLINED', 'The card was declined.', 402));
    }).catch(() => undefined);
    await memo.run('pay', (id) => Promise.resolve(ids.push(id('command'))));
    expect(new Set(ids).size).toBe(3);
  });

  it('keeps the ids of different actions apart', async () => {
    const memo = new RetryMemo();
    const a: string[] = [];
    await memo.run('a', (id) => { a.push(id('command')); return Promise.reject(network()); }).catch(() => undefined);
    await memo.run('b', (id) => { a.push(id('command')); return Promise.reject(network()); }).catch(() => undefined);
    expect(a[0]).not.toBe(a[1]);
  });

  it('treats a 5xx as an unknown outcome too', async () => {
    const memo = new RetryMemo();
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      await memo.run('x', (id) => { ids.push(id('command')); return Promise.reject(new ApiError('INTERNAL', 'x', 503)); }).catch(() => undefined);
    }
    expect(ids[0]).toBe(ids[1]);
  });
});
