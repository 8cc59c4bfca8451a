import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DraftStore } from './draft-store.js';

describe('DraftStore under abuse', () => {
  it('gives a draft a new id on renew: the old id finds nothing any more', () => {
    const store = new DraftStore({ maxClientBytes: 1000 });
    const draft = store.open(undefined, 'client-a', 'channel-1', 0);
    const planted = draft.id;
    store.renew(draft);
    assert.notEqual(draft.id, planted);
    assert.match(draft.id, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(store.get(planted, 1), undefined, 'the old id opens nothing');
    assert.equal(store.get(draft.id, 1), draft, 'the new id opens the same draft');
    assert.equal(store.size, 1);
  });

  it('refuses typed text beyond a draft’s allowance and beyond the global cap, keeping what it had', () => {
    const store = new DraftStore({ maxClientBytes: 1000, maxTotalBytes: 3000, maxDraftTextBytes: 1000 });
    const a = store.open(undefined, 'client-a', 'channel-1', 0);
    assert.equal(store.update(a, { values: { q_what: 'x'.repeat(100) }, submission: null }, 1), true);
    const before = store.totalBytes;
    const junk = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f${i}`, 'y'.repeat(100)]));
    assert.equal(store.update(a, { values: junk, submission: null }, 2), false, 'over the draft’s allowance');
    assert.deepEqual(a.values, { q_what: 'x'.repeat(100) });
    assert.equal(store.totalBytes, before);

    // Many clients each within their allowance still meet the global cap.
    let refused = 0;
    for (let i = 0; i < 10; i++) {
      const d = store.open(undefined, `client-${i}`, 'channel-1', 3);
      if (!store.update(d, { values: { q_what: 'z'.repeat(450) }, submission: null }, 3)) refused += 1;
    }
    assert.ok(refused > 0, 'the global cap refuses more text');
    assert.ok(store.totalBytes <= 3000, `all drafts hold ${store.totalBytes} bytes`);
    // Shrinking is always allowed.
    assert.equal(store.update(a, { values: {}, submission: null }, 4), true);
  });
});
