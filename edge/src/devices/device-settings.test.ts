import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';
import { loadDeviceSettings } from './device-settings';

describe('device settings from the environment', () => {
  it('defaults to no devices, the simulated reader and cash only when offline', () => {
    expect(loadConfig({}, '/tmp').devices).toEqual({ devices: [], terminal: { kind: 'simulated' }, cardPolicy: 'cash-only-when-offline' });
  });

  it('reads devices, a Stripe reader reached at another host, and the policy', () => {
    const settings = loadDeviceSettings({
      BRIGADE_DEVICES: '[{"id":"scale","kind":"scale","address":"serial:/dev/ttyUSB0?baud=9600","stationId":"till-1"}]',
      BRIGADE_PAYMENT_TERMINAL: 'stripe',
      BRIGADE_STRIPE_API_KEY: 'sk_test_1',
      BRIGADE_STRIPE_READER_ID: 'tmr_1',
      BRIGADE_STRIPE_HOST: '127.0.0.1',
      BRIGADE_STRIPE_PORT: '12111',
      BRIGADE_STRIPE_PROTOCOL: 'http',
      BRIGADE_CARD_POLICY: 'always-try',
    });
    expect(settings.devices).toEqual([{ id: 'scale', kind: 'scale', address: 'serial:/dev/ttyUSB0?baud=9600', stationId: 'till-1' }]);
    expect(settings.terminal).toEqual({ kind: 'stripe', apiKey: 'sk_test_1', readerId: 'tmr_1', client: { host: '127.0.0.1', port: 12111, protocol: 'http' } });
    expect(settings.cardPolicy).toBe('always-try');
  });

  it.each([
    ['BRIGADE_DEVICES', { BRIGADE_DEVICES: '[{' }, /BRIGADE_DEVICES is not valid JSON/],
    ['BRIGADE_DEVICES', { BRIGADE_DEVICES: '[{"id":"s","kind":"toaster","address":"serial:/dev/x"}]' }, /BRIGADE_DEVICES: devices are not valid \(\/0\/kind/],
    ['BRIGADE_DEVICES', { BRIGADE_DEVICES: '[{"id":"s","kind":"scale","address":"serial:dev/x"}]' }, /device "s": not a device address/],
    ['BRIGADE_DEVICES', { BRIGADE_DEVICES: '[{"id":"s","kind":"scale","address":"serial:/dev/a"},{"id":"s","kind":"scanner","address":"serial:/dev/b"}]' }, /"s" is used twice/],
    ['BRIGADE_PAYMENT_TERMINAL', { BRIGADE_PAYMENT_TERMINAL: 'square' }, /BRIGADE_PAYMENT_TERMINAL must be "simulated" or "stripe"/],
    ['BRIGADE_STRIPE_API_KEY', { BRIGADE_PAYMENT_TERMINAL: 'stripe', BRIGADE_STRIPE_READER_ID: 'tmr_1' }, /needs BRIGADE_STRIPE_API_KEY/],
    ['BRIGADE_STRIPE_READER_ID', { BRIGADE_PAYMENT_TERMINAL: 'stripe', BRIGADE_STRIPE_API_KEY: 'sk' }, /needs BRIGADE_STRIPE_READER_ID/],
    ['BRIGADE_STRIPE_PORT', { BRIGADE_PAYMENT_TERMINAL: 'stripe', BRIGADE_STRIPE_API_KEY: 'sk', BRIGADE_STRIPE_READER_ID: 'r', BRIGADE_STRIPE_PORT: '99999' }, /BRIGADE_STRIPE_PORT must be a port/],
    ['BRIGADE_STRIPE_PROTOCOL', { BRIGADE_PAYMENT_TERMINAL: 'stripe', BRIGADE_STRIPE_API_KEY: 'sk', BRIGADE_STRIPE_READER_ID: 'r', BRIGADE_STRIPE_PROTOCOL: 'ftp' }, /BRIGADE_STRIPE_PROTOCOL must be/],
    ['BRIGADE_CARD_POLICY', { BRIGADE_CARD_POLICY: 'never' }, /BRIGADE_CARD_POLICY must be/],
  ])('stops the node with a sentence naming %s', (_name, env, message) => {
    expect(() => loadConfig(env, '/tmp')).toThrow(ConfigError);
    expect(() => loadConfig(env, '/tmp')).toThrow(message);
  });
});
