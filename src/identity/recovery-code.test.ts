import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateRecoveryCodes, hashRecoveryCode, normalizeRecoveryCode } from './recovery-code.js';

describe('recovery codes', () => {
  it('makes ten distinct codes written xxxxx-xxxxx in lowercase base32', () => {
    const codes = generateRecoveryCodes();
    assert.equal(codes.length, 10);
    assert.equal(new Set(codes).size, 10);
    for (const code of codes) assert.match(code, /^[a-z2-7]{5}-[a-z2-7]{5}$/);
  });

  it('reads a code however it is typed: capitals, spaces, without the dash', () => {
    assert.equal(normalizeRecoveryCode(' ABCDE-fgh23 '), 'abcdefgh23');
    assert.equal(normalizeRecoveryCode('abcde fgh23'), 'abcdefgh23');
    assert.equal(normalizeRecoveryCode('abcde-fgh2'), null);
    assert.equal(normalizeRecoveryCode('123456'), null);
  });

  it('hashes the canonical form, so every spelling of one code has one hash', () => {
    assert.equal(hashRecoveryCode('ABCDE-FGH23'), hashRecoveryCode('abcdefgh23'));
    assert.match(hashRecoveryCode('abcde-fgh23'), /^[0-9a-f]{64}$/);
  });
});
