import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newReportKey } from '../../platform/crypto/envelope.js';
import { ReporterSessions, releaseLease } from './reporter-sessions.js';

const MINUTE = 60_000;
const isZero = (b: Buffer) => b.every((byte) => byte === 0);

describe('reporter sessions (in memory)', () => {
  it('hands out a 256-bit token and a lease with its own copy of the key', () => {
    const sessions = new ReporterSessions();
    const key = newReportKey();
    const original = Buffer.from(key);
    const token = sessions.open('r1', key, 0);
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);
    const lease = sessions.get(token, 1000);
    assert.equal(lease?.reportId, 'r1');
    assert.ok(lease?.reportKey.equals(original));
    assert.notEqual(lease?.reportKey, key, 'a copy, not the session’s own buffer');
    releaseLease(lease);
    assert.ok(lease && isZero(lease.reportKey), 'the lease’s copy is zeroed on release');
    assert.ok(key.equals(original), 'releasing a lease leaves the session’s key intact');
  });

  it('ends a session after 30 minutes without activity and zeroes its key', () => {
    const sessions = new ReporterSessions();
    const key = newReportKey();
    const token = sessions.open('r1', key, 0);
    releaseLease(sessions.get(token, 29 * MINUTE));
    releaseLease(sessions.get(token, 58 * MINUTE));
    assert.ok(sessions.get(token, 58 * MINUTE), 'activity keeps it alive');
    assert.equal(sessions.get(token, 88 * MINUTE + 1), null, 'idle for more than 30 minutes');
    assert.ok(isZero(key));
    assert.equal(sessions.size, 0);
  });

  it('ends a session after 4 hours however active it was', () => {
    const sessions = new ReporterSessions();
    const token = sessions.open('r1', newReportKey(), 0);
    for (let m = 20; m <= 240; m += 20) releaseLease(sessions.get(token, m * MINUTE));
    assert.equal(sessions.get(token, 240 * MINUTE + 1), null);
  });

  it('forgets a session at log out and zeroes its key; unknown and absurd tokens find nothing', () => {
    const sessions = new ReporterSessions();
    const key = newReportKey();
    const token = sessions.open('r1', key, 0);
    sessions.end(token);
    assert.ok(isZero(key));
    assert.equal(sessions.get(token, 1), null);
    assert.equal(sessions.get(undefined, 1), null);
    assert.equal(sessions.get('x'.repeat(10_000), 1), null);
    sessions.end('not a token');
  });

  it('caps sessions per report and in total, dropping the oldest and least recently used', () => {
    const sessions = new ReporterSessions({ maxPerReport: 2, maxSessions: 3 });
    const keys = [newReportKey(), newReportKey(), newReportKey()];
    const a = sessions.open('r1', keys[0]!, 0);
    const b = sessions.open('r1', keys[1]!, 1);
    const c = sessions.open('r1', keys[2]!, 2);
    assert.equal(sessions.get(a, 3), null, 'the oldest of the report went');
    assert.ok(isZero(keys[0]!));
    assert.ok(sessions.get(b, 3) && sessions.get(c, 3));
    const d = sessions.open('r2', newReportKey(), 4);
    releaseLease(sessions.get(b, 5)); // b is now the most recently used
    sessions.open('r3', newReportKey(), 6);
    assert.equal(sessions.size, 3);
    assert.equal(sessions.get(c, 7), null, 'the least recently used went');
    assert.ok(sessions.get(b, 7) && sessions.get(d, 7));
  });

  it('sweeps expired sessions and clears all at close', () => {
    const sessions = new ReporterSessions();
    const old = newReportKey();
    sessions.open('r1', old, 0);
    const fresh = newReportKey();
    sessions.open('r2', fresh, 20 * MINUTE);
    sessions.sweep(31 * MINUTE);
    assert.equal(sessions.size, 1);
    assert.ok(isZero(old));
    sessions.clear();
    assert.equal(sessions.size, 0);
    assert.ok(isZero(fresh));
  });
});
