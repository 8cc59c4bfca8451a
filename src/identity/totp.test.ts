import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  base32Decode,
  base32Encode,
  groupSecret,
  hotp,
  matchTotpStep,
  totpCode,
  totpStep,
  totpUri,
} from './totp.js';

const seed = (text: string) => Buffer.from(text, 'ascii');
const sha1Seed = seed('12345678901234567890');
const sha256Seed = seed('12345678901234567890123456789012');
const sha512Seed = seed('1234567890123456789012345678901234567890123456789012345678901234');

describe('base32 (RFC 4648)', () => {
  const vectors: [string, string][] = [
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ];

  it('encodes the RFC 4648 test vectors (without padding)', () => {
    for (const [plain, encoded] of vectors) assert.equal(base32Encode(seed(plain)), encoded, plain);
  });

  it('decodes them back, tolerating lowercase, spaces, dashes and padding', () => {
    for (const [plain, encoded] of vectors) assert.equal(base32Decode(encoded).toString('ascii'), plain);
    assert.equal(base32Decode('mzxw 6ytb-oi======').toString('ascii'), 'foobar');
  });

  it('refuses characters outside the alphabet', () => {
    assert.throws(() => base32Decode('MZXW1'), RangeError);
  });

  it('round-trips random secrets', () => {
    const secret = Buffer.from('0123456789abcdef0123', 'utf8');
    assert.deepEqual(base32Decode(base32Encode(secret)), secret);
  });
});

describe('HOTP (RFC 4226)', () => {
  it('gives the RFC 4226 appendix D values for counters 0 to 9', () => {
    const expected = [
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ];
    for (const [counter, code] of expected.entries()) {
      assert.equal(hotp(sha1Seed, counter), code, `counter ${counter}`);
    }
  });
});

describe('TOTP (RFC 6238)', () => {
  // RFC 6238 appendix B: time in seconds, 8-digit codes for SHA-1, SHA-256 and SHA-512.
  const vectors: [number, string, string, string][] = [
    [59, '94287082', '46119246', '90693936'],
    [1111111109, '07081804', '68084774', '25091201'],
    [1111111111, '14050471', '67062674', '99943326'],
    [1234567890, '89005924', '91819424', '93441116'],
    [2000000000, '69279037', '90698825', '38618901'],
    [20000000000, '65353130', '77737706', '47863826'],
  ];

  it('gives the RFC 6238 appendix B values for SHA-1, SHA-256 and SHA-512', () => {
    for (const [seconds, sha1, sha256, sha512] of vectors) {
      const ms = seconds * 1000;
      assert.equal(totpCode(sha1Seed, ms, { digits: 8 }), sha1, `sha1 at ${seconds}`);
      assert.equal(
        totpCode(sha256Seed, ms, { digits: 8, algorithm: 'sha256' }),
        sha256,
        `sha256 at ${seconds}`,
      );
      assert.equal(
        totpCode(sha512Seed, ms, { digits: 8, algorithm: 'sha512' }),
        sha512,
        `sha512 at ${seconds}`,
      );
    }
  });

  it('uses 6 digits by default: the last six of the 8-digit value', () => {
    assert.equal(totpCode(sha1Seed, 59_000), '287082');
    assert.equal(totpCode(sha1Seed, 1_111_111_109_000), '081804');
  });

  it('accepts the current step and one step either side, and nothing further', () => {
    const now = 1_234_567_890_000;
    const step = totpStep(now);
    for (const offset of [-1, 0, 1]) {
      assert.equal(matchTotpStep(sha1Seed, hotp(sha1Seed, step + offset), now, null), step + offset);
    }
    for (const offset of [-2, 2]) {
      assert.equal(matchTotpStep(sha1Seed, hotp(sha1Seed, step + offset), now, null), null);
    }
  });

  it('refuses a code whose step was already used, and any earlier step', () => {
    const now = 1_234_567_890_000;
    const step = totpStep(now);
    const code = hotp(sha1Seed, step);
    assert.equal(matchTotpStep(sha1Seed, code, now, step), null);
    assert.equal(matchTotpStep(sha1Seed, hotp(sha1Seed, step - 1), now, step - 1), null);
    assert.equal(matchTotpStep(sha1Seed, hotp(sha1Seed, step + 1), now, step), step + 1);
  });

  it('accepts a code typed with a space and refuses anything that is not six digits', () => {
    const now = 1_234_567_890_000;
    const code = totpCode(sha1Seed, now);
    assert.notEqual(matchTotpStep(sha1Seed, `${code.slice(0, 3)} ${code.slice(3)}`, now, null), null);
    for (const bad of ['', '12345', '1234567', 'abcdef', `${code}0`]) {
      assert.equal(matchTotpStep(sha1Seed, bad, now, null), null, bad);
    }
  });
});

describe('otpauth URI and display', () => {
  it('builds a Key Uri with the issuer, account and parameters, spaces as %20', () => {
    const uri = totpUri({ secret: seed('foobar'), issuer: 'Integrity Desk', account: 'jan.peeters' });
    assert.equal(
      uri,
      'otpauth://totp/Integrity%20Desk:jan.peeters?secret=MZXW6YTBOI&issuer=Integrity%20Desk&algorithm=SHA1&digits=6&period=30',
    );
  });

  it('groups a secret in fours for typing', () => {
    assert.equal(groupSecret('ABCDEFGHIJKLMN'), 'ABCD EFGH IJKL MN');
  });
});
