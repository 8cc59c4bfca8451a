import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { kdfSlotState, withKdfSlot } from './kdf-slots.js';
import { hashSecret } from './password-hash.js';

describe('Argon2id slots', () => {
  it('never runs more computations at once than there are slots, and runs them all', async () => {
    const { slots } = kdfSlotState();
    let peak = 0;
    const jobs = Array.from({ length: slots + 3 }, () =>
      withKdfSlot(async () => {
        peak = Math.max(peak, kdfSlotState().running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        return true;
      }),
    );
    assert.deepEqual(
      await Promise.all(jobs),
      jobs.map(() => true),
    );
    assert.equal(peak, slots);
    assert.deepEqual(kdfSlotState(), { slots, running: 0, waiting: 0 });
  });

  it('releases the slot when the work fails', async () => {
    await assert.rejects(withKdfSlot(async () => Promise.reject(new Error('boom'))));
    assert.equal(kdfSlotState().running, 0);
  });

  it('queues real hashing behind the slots', async () => {
    const hashes = await Promise.all([hashSecret('a'), hashSecret('b'), hashSecret('c')]);
    assert.ok(hashes.every((h) => h.startsWith('$argon2id$')));
    assert.equal(kdfSlotState().running, 0);
  });
});
