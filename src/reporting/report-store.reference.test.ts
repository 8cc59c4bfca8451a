import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { referenceNumber } from './report-store.js';

describe('report references', () => {
  it('permute the sequence under a secret: unique, five digits or more, not counting up', () => {
    const seen = new Set<string>();
    for (let seq = 1; seq <= 5000; seq++) {
      const n = referenceNumber(seq, 'secret');
      assert.match(n, /^\d{5}$/);
      assert.ok(!seen.has(n), `duplicate at ${seq}`);
      seen.add(n);
    }
    const run = [1, 2, 3].map((seq) => Number(referenceNumber(seq, 'secret')));
    assert.ok(!(run[1] === run[0]! + 1 && run[2] === run[1]! + 1));
    assert.notEqual(referenceNumber(7, 'secret'), referenceNumber(7, 'another secret'));
    assert.equal(referenceNumber(7, 'secret'), referenceNumber(7, 'secret'));
    assert.match(referenceNumber(123_456, 'secret'), /^\d{6}$/);
  });
});
