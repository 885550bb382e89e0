import { describe, expect, it } from 'vitest';
import { rememberJson } from '../store/json-once';
import { commandReplyJson } from './command-routes';

describe('the command reply text', () => {
  it('is what JSON.stringify makes of the outcome, with a remembered order spliced in', () => {
    const order = { id: 'o1', lines: [{ name: 'Burger "Deluxe"', note: undefined }], total: 1250 };
    rememberJson(order);
    const outcomes = [
      { commandId: 'c1', replayed: false, result: { order, payment: { id: 'p1', amount: 1250 } } },
      { commandId: 'c2', replayed: true, result: { order: { id: 'o2' } } },
      { commandId: 'c3', replayed: false, result: null },
      { commandId: 'c4', replayed: false, result: 'printed' },
    ];
    for (const outcome of outcomes) expect(commandReplyJson(outcome)).toBe(JSON.stringify(outcome));
  });
});
