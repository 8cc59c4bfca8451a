import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ReceiptThrottle } from './receipt-throttle.js';

describe('receipt throttle (in memory)', () => {
  it('refuses a client after its allowance of attempts, saying how long to wait, until the window ends', () => {
    const throttle = new ReceiptThrottle({ perClient: 3, clientWindowMs: 60_000 });
    for (let i = 0; i < 3; i++) assert.equal(throttle.attempt('192.0.2.1', 0).allowed, true);
    const refused = throttle.attempt('192.0.2.1', 1_000);
    assert.equal(refused.allowed, false);
    assert.equal(!refused.allowed && refused.retryAfterSeconds, 59);
    assert.equal(throttle.attempt('192.0.2.2', 1_000).allowed, true, 'another client is not affected');
    assert.equal(throttle.attempt('192.0.2.1', 60_001).allowed, true, 'a new window');
  });

  it('takes back the attempt of a right receipt, and counts an IPv6 client by its /64', () => {
    const throttle = new ReceiptThrottle({ perClient: 2 });
    for (let i = 0; i < 5; i++) {
      assert.equal(throttle.attempt('192.0.2.9', i).allowed, true);
      throttle.succeeded('192.0.2.9', i);
    }
    assert.equal(throttle.attempt('2001:db8:1:2::1', 0).allowed, true);
    assert.equal(throttle.attempt('2001:db8:1:2::ffff', 0).allowed, true);
    assert.equal(throttle.attempt('2001:db8:1:2:abcd::7', 0).allowed, false, 'same /64');
  });

  it('has a global ceiling that guessing spread over many addresses meets', () => {
    const throttle = new ReceiptThrottle({ perClient: 100, global: 5, globalWindowMs: 60_000 });
    for (let i = 0; i < 5; i++) assert.equal(throttle.attempt(`198.51.100.${i}`, 0).allowed, true);
    const refused = throttle.attempt('198.51.100.200', 10_000);
    assert.equal(refused.allowed, false);
    assert.equal(!refused.allowed && refused.retryAfterSeconds, 50);
    assert.equal(throttle.attempt('198.51.100.201', 60_000).allowed, true);
  });
});
