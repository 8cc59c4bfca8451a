import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatReceipt, generateReceipt, parseReceipt, type Receipt } from './receipt.js';

describe('generateReceipt', () => {
  it('produces 16 ASCII digits', () => {
    for (let i = 0; i < 100; i++) assert.match(generateReceipt(), /^[0-9]{16}$/);
  });

  it('draws every digit position uniformly and never repeats across 10,000 receipts', () => {
    const count = 10_000;
    const counts = Array.from({ length: 16 }, () => new Array<number>(10).fill(0));
    const seen = new Set<string>();
    for (let i = 0; i < count; i++) {
      const receipt = generateReceipt();
      seen.add(receipt);
      for (let p = 0; p < 16; p++) counts[p]![Number(receipt[p])]!++;
    }
    assert.equal(seen.size, count);
    const expected = count / 10;
    for (const [position, row] of counts.entries()) {
      const chiSquare = row.reduce((sum, observed) => sum + (observed - expected) ** 2 / expected, 0);
      // 9 degrees of freedom: 45 is exceeded by chance with p ≈ 1e-6 per position.
      assert.ok(chiSquare < 45, `position ${position} looks biased: χ² = ${chiSquare.toFixed(1)} ${row}`);
      // Every digit, including 0 in the first position, shows up.
      assert.ok(Math.min(...row) > 800, `position ${position} counts ${row}`);
    }
  });
});

describe('formatReceipt', () => {
  it('shows four groups of four separated by spaces', () => {
    assert.equal(formatReceipt('1234567890123456' as Receipt), '1234 5678 9012 3456');
    assert.equal(formatReceipt('0000000000000001' as Receipt), '0000 0000 0000 0001');
  });
});

describe('parseReceipt', () => {
  it('round-trips generated receipts through their formatted form', () => {
    for (let i = 0; i < 200; i++) {
      const receipt = generateReceipt();
      assert.equal(parseReceipt(formatReceipt(receipt)), receipt);
      assert.equal(parseReceipt(receipt), receipt);
    }
  });

  it('tolerates spaces, dashes, dots and surrounding whitespace', () => {
    for (const input of [
      '1234 5678 9012 3456',
      '1234-5678-9012-3456',
      '1234.5678.9012.3456',
      '  1234 5678 9012 3456\n',
      '\t1234  5678-9012.3456 ',
      '1234\u00a05678\u00a09012\u00a03456',
      '1234\u20135678\u20139012\u20133456',
      '1-2-3-4-5-6-7-8-9-0-1-2-3-4-5-6',
    ]) {
      assert.equal(parseReceipt(input), '1234567890123456', JSON.stringify(input));
    }
    assert.equal(parseReceipt('0000 0000 0000 0000'), '0000000000000000');
  });

  it('returns null for wrong lengths, letters, other characters and other digit scripts', () => {
    for (const input of [
      '',
      '   ',
      '123456789012345',
      '12345678901234567',
      '1234 5678 9012 345',
      '1234 5678 9012 3456 7',
      '1234 5678 9012 345O',
      'abcd efgh ijkl mnop',
      '1234_5678_9012_3456',
      '1234/5678/9012/3456',
      '1234,5678,9012,3456',
      '+1234567890123456',
      '1234567890123456\u0000',
      '\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u0660\u0661\u0662\u0663\u0664\u0665\u0666',
      '１２３４５６７８９０１２３４５６',
      '1234 5678 9012 345\u0666',
      '1e15',
    ]) {
      assert.equal(parseReceipt(input), null, JSON.stringify(input));
    }
  });

  it('returns null for over-long input without throwing', () => {
    assert.equal(parseReceipt('1'.repeat(10_000)), null);
    assert.equal(parseReceipt(`${' '.repeat(10_000)}1234567890123456`), null);
    assert.equal(parseReceipt('-'.repeat(10_000)), null);
  });

  it('returns null for values that are not strings', () => {
    for (const input of [undefined, null, 1234567890123456, 1234567890123456n, {}, ['1234567890123456']]) {
      assert.equal(parseReceipt(input), null);
    }
  });
});
