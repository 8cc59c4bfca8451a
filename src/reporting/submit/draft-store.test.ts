import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type DraftFile, DraftStore } from './draft-store.js';

const file = (id: string, bytes: number, questionId: string | null = null): DraftFile => ({
  id,
  questionId,
  filename: `${id}.txt`,
  mediaType: 'text/plain',
  data: Buffer.alloc(bytes, 0x61),
});

describe('DraftStore: report drafts in process memory', () => {
  it('finds a draft by its id until 60 minutes after its last change, then forgets it', () => {
    const store = new DraftStore({ maxClientBytes: 1000 });
    const draft = store.open(undefined, 'client-a', 'channel-1', 0);
    assert.equal(store.get(draft.id, 59 * 60_000)?.id, draft.id);
    store.update(draft, { values: { q_what: 'x' }, submission: null }, 30 * 60_000);
    assert.ok(store.get(draft.id, 89 * 60_000), 'a change extends its life');
    assert.equal(store.get(draft.id, 90 * 60_000), undefined);
    assert.equal(store.size, 0);
  });

  it('reopens the same draft for the same channel and starts a new one for another channel', () => {
    const store = new DraftStore({ maxClientBytes: 1000 });
    const first = store.open(undefined, 'client-a', 'channel-1', 0);
    assert.equal(
      store.open(first.id, 'client-b', 'channel-1', 1).id,
      first.id,
      'the id, not the address, finds it',
    );
    const other = store.open(first.id, 'client-a', 'channel-2', 2);
    assert.notEqual(other.id, first.id);
    assert.equal(store.get(first.id, 3), undefined, 'the other channel’s draft is dropped');
    assert.match(other.id, /^[A-Za-z0-9_-]{43}$/, 'a random 32-byte id');
  });

  it('is consumed once by take: a second take finds nothing', () => {
    const store = new DraftStore({ maxClientBytes: 1000 });
    const draft = store.open(undefined, 'client-a', 'channel-1', 0);
    store.addFile(draft, file('f1', 10));
    assert.equal(store.take(draft.id, 1)?.id, draft.id);
    assert.equal(store.take(draft.id, 1), undefined);
    assert.equal(store.totalBytes, 0);
  });

  it('refuses files beyond the per-client cap and the global cap, without touching other drafts', () => {
    const store = new DraftStore({ maxClientBytes: 100, maxTotalBytes: 150 });
    const a = store.open(undefined, 'client-a', 'channel-1', 0);
    assert.equal(store.addFile(a, file('a1', 60)), 'ok');
    assert.equal(store.addFile(a, file('a2', 60)), 'client_full');
    const b = store.open(undefined, 'client-b', 'channel-1', 0);
    assert.equal(store.addFile(b, file('b1', 100)), 'memory_full');
    assert.equal(store.addFile(b, file('b2', 40)), 'ok');
    assert.equal(a.files.length, 1, 'the first client’s draft is intact');
    assert.equal(store.totalBytes, 100);
  });

  it('drops a client’s oldest drafts beyond three, and zeroes removed files', () => {
    const store = new DraftStore({ maxClientBytes: 1000 });
    const drafts = [1, 2, 3, 4].map((n) => store.open(undefined, 'client-a', `channel-${n}`, n));
    const oldest = drafts[0]!;
    const kept = file('k', 5);
    store.addFile(drafts[3]!, kept);
    assert.equal(store.get(oldest.id, 10), undefined);
    assert.equal(store.size, 3);
    store.removeFiles(drafts[3]!, ['k', 'unknown']);
    assert.equal(drafts[3]!.files.length, 0);
    assert.ok(
      kept.data.every((byte) => byte === 0),
      'the removed file’s bytes are zeroed',
    );
  });

  it('keeps a draft that is being sent, even past its time', () => {
    const store = new DraftStore({ maxClientBytes: 1000 });
    const draft = store.open(undefined, 'client-a', 'channel-1', 0);
    draft.sending = true;
    store.sweep(2 * 60 * 60_000);
    assert.ok(store.get(draft.id, 2 * 60 * 60_000));
  });
});
