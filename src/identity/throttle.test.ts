import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accountKey, IdentityThrottle } from './throttle.js';

const windowMs = 15 * 60_000;

describe('identity throttles', () => {
  it('blocks an account after 5 failures for the rest of the 15-minute window', () => {
    const throttle = new IdentityThrottle();
    const t0 = 1_000_000;
    for (let i = 0; i < 4; i += 1) throttle.loginFailed('user:1', `10.0.0.${i}`, t0);
    assert.equal(throttle.accountBlocked('user:1', t0), null);
    throttle.loginFailed('user:1', '10.0.0.9', t0 + 60_000);
    const wait = throttle.accountBlocked('user:1', t0 + 60_000);
    assert.equal(wait, (windowMs - 60_000) / 1000);
    assert.equal(throttle.accountBlocked('user:1', t0 + windowMs), null);
  });

  it('blocks a client address after 30 failures, whatever accounts they were for', () => {
    const throttle = new IdentityThrottle();
    for (let i = 0; i < 29; i += 1) throttle.loginFailed(`login:name${i}`, '192.0.2.1', 0);
    assert.equal(throttle.clientBlocked('192.0.2.1', 0), null);
    throttle.loginFailed('login:another', '192.0.2.1', 0);
    assert.ok(throttle.clientBlocked('192.0.2.1', 0), 'the client is blocked');
    assert.equal(throttle.clientBlocked('192.0.2.2', 0), null);
  });

  it('forgets an account’s failures after a successful login, but not the client’s', () => {
    const throttle = new IdentityThrottle({ ...defaults(), clientFailures: 4 });
    for (let i = 0; i < 4; i += 1) throttle.loginFailed('user:2', '192.0.2.3', 0);
    throttle.loginSucceeded('user:2');
    assert.equal(throttle.accountBlocked('user:2', 0), null);
    assert.ok(throttle.clientBlocked('192.0.2.3', 0), 'the client stays blocked');
  });

  it('counts second-factor failures per user', () => {
    const throttle = new IdentityThrottle();
    for (let i = 0; i < 5; i += 1) throttle.secondFactorFailed('u', 0);
    assert.ok(throttle.secondFactorBlocked('u', 0), 'the user is blocked');
    assert.equal(throttle.secondFactorBlocked('v', 0), null);
    throttle.secondFactorSucceeded('u');
    assert.equal(throttle.secondFactorBlocked('u', 0), null);
  });

  it('keys a known account by id and an unknown one by the typed name, case-insensitively', () => {
    assert.equal(accountKey({ id: 'abc' }, 'Whatever'), 'user:abc');
    assert.equal(accountKey(undefined, '  Jan.Peeters@X.be '), 'login:jan.peeters@x.be');
  });
});

function defaults() {
  return { accountFailures: 5, clientFailures: 30, secondFactorFailures: 5, setupFailures: 10, windowMs };
}
