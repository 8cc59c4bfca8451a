import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkPassword } from './password-policy.js';

describe('password policy', () => {
  it('accepts a long passphrase that has nothing to do with the user', () => {
    assert.equal(
      checkPassword('paarse olifant fietst naar Oostende', { username: 'jan', email: 'jan@x.be' }),
      null,
    );
  });

  it('refuses fewer than 12 characters, counting characters rather than code units', () => {
    assert.equal(checkPassword('kort-wachtw'), 'password.error_too_short');
    assert.equal(checkPassword('🙂🙂🙂🙂🙂🙂'), 'password.error_too_short');
    assert.equal(checkPassword('twaalf tekst'), null);
  });

  it('refuses more than 200 characters', () => {
    assert.equal(checkPassword('a b'.repeat(67)), 'password.error_too_long');
    assert.equal(checkPassword(`${'xq9 '.repeat(50)}`), null);
  });

  it('refuses a password that contains the username, in any case', () => {
    assert.equal(
      checkPassword('MijnNaamIsJan.Peeters!', { username: 'jan.peeters' }),
      'password.error_contains_username',
    );
  });

  it('refuses a password that contains the local part of the e-mail address', () => {
    assert.equal(
      checkPassword('ikben-an.devos-2026', { username: 'adevos', email: 'an.devos@vlaanderen.be' }),
      'password.error_contains_email',
    );
  });

  it('refuses very common passwords, also with digits or symbols around a common word', () => {
    for (const common of [
      '123456789012',
      'Wachtwoord2024!',
      'qwertyuiop123',
      '!!Welkom123456',
      'aaaaaaaaaaaa',
      'welkomwelkom1',
    ]) {
      assert.equal(checkPassword(common), 'password.error_too_common', common);
    }
  });
});
