import { describe, expect, it } from 'vitest';
import { appPathForRole, setupCodeFromHash } from './device-store';

describe('setup codes in the URL', () => {
  it('reads the codes the appliance prints, underscores and dashes included', () => {
    expect(setupCodeFromHash('#setup=5OO0OM_rmOPU')).toBe('5OO0OM_rmOPU');
    expect(setupCodeFromHash('#x=1&setup=ab-12')).toBe('ab-12');
  });

  it('ignores a hash without a setup code or with characters a code never has', () => {
    expect(setupCodeFromHash('')).toBeNull();
    expect(setupCodeFromHash('#nosetup=abc')).toBeNull();
    expect(setupCodeFromHash('#setup=<script>')).toBeNull();
  });

  it('sends a screen paired for another role to that role\'s app, and nowhere for unknown roles', () => {
    expect(appPathForRole('kds')).toBe('../kds/');
    expect(appPathForRole('display')).toBeNull();
  });
});
