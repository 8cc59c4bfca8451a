import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clientKey } from '../platform/http/rate-limit.js';
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

  it('counts every address of one IPv6 /64 as one client, so rotating addresses does not escape the limit', () => {
    const throttle = new IdentityThrottle();
    for (let i = 0; i < 30; i += 1)
      throttle.loginFailed(`login:spray${i}`, `2001:db8:1:2::${(i + 1).toString(16)}`, 0);
    assert.ok(
      throttle.clientBlocked('2001:db8:1:2:ffff:ffff:ffff:ffff', 0),
      'another address in the /64 is blocked',
    );
    assert.equal(throttle.clientBlocked('2001:db8:1:3::1', 0), null, 'the next /64 is not');
    for (let i = 0; i < 10; i += 1) throttle.setupFailed(`2001:db8:9:9:${i}::1`, 0);
    assert.ok(throttle.setupBlocked('2001:db8:9:9::2', 0), 'setup attempts count per /64 too');
  });

  it('keys IPv4 addresses as they are and IPv6 addresses by their /64 prefix', () => {
    assert.equal(clientKey('192.0.2.7'), '192.0.2.7');
    assert.equal(clientKey('::ffff:192.0.2.7'), '192.0.2.7');
    assert.equal(clientKey('2001:0db8:0001:0002:0003:0004:0005:0006'), '2001:db8:1:2::/64');
    assert.equal(clientKey('2001:db8:1:2::9'), '2001:db8:1:2::/64');
    assert.equal(clientKey('2001:db8::1'), '2001:db8:0:0::/64');
    assert.equal(clientKey('::1'), '0:0:0:0::/64');
    assert.equal(clientKey('fe80::1%eth0'), 'fe80:0:0:0::/64');
    assert.equal(clientKey('64:ff9b::192.0.2.1'), '64:ff9b:0:0::/64');
    assert.equal(clientKey('not an address'), 'not an address');
  });

  it('forgets an account’s failures after a successful login, but not the client’s', () => {
    const throttle = new IdentityThrottle({ ...defaults(), clientFailures: 4 });
    // Four failures, then an attempt (counted before its check) that succeeds.
    for (let i = 0; i < 5; i += 1) throttle.loginFailed('user:2', '192.0.2.3', 0);
    throttle.loginSucceeded('user:2', '192.0.2.3', 0);
    assert.equal(throttle.accountBlocked('user:2', 0), null);
    assert.ok(throttle.clientBlocked('192.0.2.3', 0), 'the client stays blocked');
  });

  it('takes back the count of attempts that succeed, so an office logging in all day is never blocked', () => {
    const throttle = new IdentityThrottle();
    for (let i = 0; i < 100; i += 1) {
      throttle.loginFailed(`user:${i}`, '192.0.2.4', 0);
      throttle.loginSucceeded(`user:${i}`, '192.0.2.4', 0);
    }
    assert.equal(throttle.clientBlocked('192.0.2.4', 0), null);
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
