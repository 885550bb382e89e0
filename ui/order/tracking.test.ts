import { describe, expect, it } from 'vitest';
import type { OnlineStatus } from './online-api';
import { TRACK_STEPS, applyUpdate, isFinal, reconnectDelayMs, statusHeadline, stepIndex, trackingSteps } from './tracking';

const ALL: OnlineStatus[] = ['pending_payment', 'submitted', 'accepted', 'preparing', 'ready', 'completed', 'cancelled', 'voided'];

describe('tracking steps', () => {
  it('shows nothing done while the payment is pending', () => {
    expect(trackingSteps('pending_payment').map((s) => s.state)).toEqual(['todo', 'todo', 'todo', 'todo', 'todo']);
  });

  it('marks earlier steps done and the current one current', () => {
    expect(trackingSteps('preparing').map((s) => s.state)).toEqual(['done', 'done', 'current', 'todo', 'todo']);
    expect(trackingSteps('submitted').map((s) => s.state)).toEqual(['current', 'todo', 'todo', 'todo', 'todo']);
  });

  it('marks every step done once the order is collected', () => {
    expect(trackingSteps('completed').every((s) => s.state === 'done')).toBe(true);
  });

  it('walks received, accepted, preparing, ready, collected in that order', () => {
    const path: OnlineStatus[] = ['submitted', 'accepted', 'preparing', 'ready', 'completed'];
    expect(path.map((s) => TRACK_STEPS[stepIndex(s) ?? -1]?.label)).toEqual(['Received', 'Accepted', 'Preparing', 'Ready', 'Collected']);
  });

  it('has a headline for every status and calls only the last three final', () => {
    for (const status of ALL) expect(statusHeadline(status).length).toBeGreaterThan(5);
    expect(ALL.filter(isFinal)).toEqual(['completed', 'cancelled', 'voided']);
    expect(trackingSteps('cancelled').every((s) => s.state === 'todo')).toBe(true);
  });
});

describe('live updates', () => {
  it('ignores a stale event that would move the order back', () => {
    expect(applyUpdate('ready', 'preparing', false)).toBe('ready');
    expect(applyUpdate('accepted', 'preparing', false)).toBe('preparing');
  });

  it('follows the newest status from the cloud, recall included', () => {
    expect(applyUpdate('ready', 'preparing', true)).toBe('preparing');
  });

  it('never leaves a final status and always takes a cancellation', () => {
    expect(applyUpdate('completed', 'preparing', true)).toBe('completed');
    expect(applyUpdate('preparing', 'cancelled', false)).toBe('cancelled');
  });

  it('backs off 1, 2, 4, 8 then 15 seconds and never waits zero', () => {
    expect([0, 1, 2, 3, 4, 5, 50].map(reconnectDelayMs)).toEqual([1000, 2000, 4000, 8000, 15000, 15000, 15000]);
    expect(reconnectDelayMs(-3)).toBe(1000);
  });
});
