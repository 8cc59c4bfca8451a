import { requiresSecondFactor } from './role.js';

/**
 * Where a session stands once the first factor (password or OIDC) has succeeded:
 * - `second_factor` when the user has TOTP enrolled: the code is asked next;
 * - `enrol` when a role obliges a second factor and none is enrolled yet;
 * - `active` otherwise.
 * Demo mode never demands a second factor. An OIDC login whose identity provider reports a
 * multi-factor authentication (`amr` contains `mfa`, `otp` or `hwk`) counts as having done it.
 */
export function stageAfterFirstFactor(input: {
  readonly roles: readonly string[];
  readonly totpEnabled: boolean;
  readonly demo: boolean;
  readonly providerDidMfa?: boolean;
}): 'active' | 'second_factor' | 'enrol' {
  if (input.demo || input.providerDidMfa) return 'active';
  if (input.totpEnabled) return 'second_factor';
  return requiresSecondFactor(input.roles) ? 'enrol' : 'active';
}
