import { randomToken } from '../../platform/crypto/tokens.js';

/**
 * Report drafts between the form, the review page and "send", kept **in process memory only**:
 * nothing a reporter typed or attached reaches the disk or the database before they send it
 * (then `createReport` stores it encrypted, all or nothing). A draft is found by a random id
 * (the browser holds it in a session cookie), lives 60 minutes after its last change, and is
 * consumed by sending: a replayed "send" finds nothing.
 *
 * Memory is bounded: a global cap on the bytes of all drafts, and a cap per client (the throttle
 * key, itself a keyed hash of the address prefix, never the address). When a client starts more
 * drafts than allowed, its oldest go first; when the global cap is reached, new files are refused
 * (other people's drafts are never pushed out by a flood). Buffers are zeroed when a draft goes.
 * A restart loses every draft: by design (the reporter is told their draft expired).
 */

/** A file accepted for a draft: inspected, with its detected type. */
export interface DraftFile {
  readonly id: string;
  /** The `files` question it answers, or null for the general attachments field. */
  readonly questionId: string | null;
  readonly filename: string;
  readonly mediaType: string;
  readonly data: Buffer;
}

/** Form values as typed (strings, arrays for repeated fields). */
export type DraftValues = Readonly<Record<string, string | readonly string[]>>;

export interface Draft<S = unknown> {
  /** Changes at every post of the form ({@link DraftStore.renew}): an id planted by someone else stops working. */
  id: string;
  readonly channelId: string;
  readonly client: string;
  /** Increases with every change; the review page posts it back so "send" sends what was seen. */
  revision: number;
  values: DraftValues;
  files: DraftFile[];
  /** The validated report, set when the form was complete; cleared by any change. */
  submission: S | null;
  /** Set while "send" runs: a second click meanwhile is told to wait, not sent twice. */
  sending: boolean;
  expiresAt: number;
}

export interface DraftStoreOptions {
  /** Lifetime after the last change (default 60 minutes). */
  readonly ttlMs?: number;
  /** All drafts together (default 256 MB). */
  readonly maxTotalBytes?: number;
  /** One client's drafts together. */
  readonly maxClientBytes: number;
  /** Drafts per client before its oldest is dropped (default 3). */
  readonly maxDraftsPerClient?: number;
  /** Typed text of one draft, as estimated by the store (default 2 MB). */
  readonly maxDraftTextBytes?: number;
}

export type AddFileResult = 'ok' | 'client_full' | 'memory_full';

export class DraftStore<S = unknown> {
  readonly #drafts = new Map<string, Draft<S>>();
  readonly #ttlMs: number;
  readonly #maxTotalBytes: number;
  readonly #maxClientBytes: number;
  readonly #maxDraftsPerClient: number;
  readonly #maxDraftTextBytes: number;
  #totalBytes = 0;

  constructor(options: DraftStoreOptions) {
    this.#ttlMs = options.ttlMs ?? 60 * 60 * 1000;
    this.#maxTotalBytes = options.maxTotalBytes ?? 256 * 1024 * 1024;
    this.#maxClientBytes = options.maxClientBytes;
    this.#maxDraftsPerClient = options.maxDraftsPerClient ?? 3;
    this.#maxDraftTextBytes = options.maxDraftTextBytes ?? 2 * 1024 * 1024;
  }

  /** Bytes held by all drafts (files plus an estimate of the text). */
  get totalBytes(): number {
    return this.#totalBytes;
  }

  get size(): number {
    return this.#drafts.size;
  }

  /** The draft with this id, unless unknown or expired (an expired one is dropped). */
  get(id: string | undefined, nowMs: number): Draft<S> | undefined {
    if (!id) return undefined;
    const draft = this.#drafts.get(id);
    if (!draft) return undefined;
    if (draft.expiresAt <= nowMs && !draft.sending) {
      this.delete(id);
      return undefined;
    }
    return draft;
  }

  /**
   * The client's draft `id` for this channel, or a new empty one (a draft of another channel is
   * dropped: one report at a time per browser).
   */
  open(id: string | undefined, client: string, channelId: string, nowMs: number): Draft<S> {
    const existing = this.get(id, nowMs);
    // The cookie is the secret; the client key only counts memory (an address may change between
    // two pages on a mobile network).
    if (existing && existing.channelId === channelId) return existing;
    if (existing) this.delete(existing.id);
    this.sweep(nowMs);
    const own = [...this.#drafts.values()].filter((d) => d.client === client && !d.sending);
    // Map order is insertion order: the first are the oldest.
    for (const old of own.slice(0, Math.max(0, own.length - this.#maxDraftsPerClient + 1)))
      this.delete(old.id);
    const draft: Draft<S> = {
      id: randomToken(32),
      channelId,
      client,
      revision: 0,
      values: {},
      files: [],
      submission: null,
      sending: false,
      expiresAt: nowMs + this.#ttlMs,
    };
    this.#drafts.set(draft.id, draft);
    return draft;
  }

  /**
   * Replaces what was typed and the validated submission and extends the draft's life — unless the
   * text is more than a draft may hold, or more than the global cap leaves room for: then nothing
   * changes and the answer is false (text counts against the caps as files do).
   */
  update(draft: Draft<S>, change: { values: DraftValues; submission: S | null }, nowMs: number): boolean {
    const before = textBytes(draft.values);
    const after = textBytes(change.values);
    if (after > this.#maxDraftTextBytes) return false;
    if (after > before && this.#totalBytes - before + after > this.#maxTotalBytes) return false;
    this.#totalBytes += after - before;
    draft.values = change.values;
    draft.submission = change.submission;
    draft.revision += 1;
    draft.expiresAt = nowMs + this.#ttlMs;
    return true;
  }

  /** Gives a draft a new random id (at every post of the form); the old id finds nothing. */
  renew(draft: Draft<S>): void {
    if (this.#drafts.get(draft.id) !== draft) return;
    this.#drafts.delete(draft.id);
    draft.id = randomToken(32);
    this.#drafts.set(draft.id, draft);
  }

  /** Adds an accepted file if the memory caps allow it. */
  addFile(draft: Draft<S>, file: DraftFile): AddFileResult {
    const size = file.data.length;
    if (this.#totalBytes + size > this.#maxTotalBytes) return 'memory_full';
    if (this.#clientBytes(draft.client) + size > this.#maxClientBytes) return 'client_full';
    draft.files.push(file);
    this.#totalBytes += size;
    draft.revision += 1;
    draft.submission = null;
    return 'ok';
  }

  /** Removes files by id (the reporter's "remove" boxes); unknown ids are ignored. */
  removeFiles(draft: Draft<S>, ids: readonly string[]): void {
    if (ids.length === 0) return;
    const remove = new Set(ids);
    const kept: DraftFile[] = [];
    for (const file of draft.files) {
      if (remove.has(file.id)) {
        this.#totalBytes -= file.data.length;
        file.data.fill(0);
      } else {
        kept.push(file);
      }
    }
    if (kept.length !== draft.files.length) {
      draft.files = kept;
      draft.revision += 1;
      draft.submission = null;
    }
  }

  /**
   * Takes the draft out of the store (consumed by "send"): a second call with the same id finds
   * nothing. The caller owns the buffers from then on and should {@link wipe} them when done.
   */
  take(id: string | undefined, nowMs: number): Draft<S> | undefined {
    const draft = this.get(id, nowMs);
    if (!draft) return undefined;
    this.#drafts.delete(draft.id);
    this.#totalBytes -= draftBytes(draft);
    return draft;
  }

  /** Drops a draft and zeroes its files. */
  delete(id: string): void {
    const draft = this.#drafts.get(id);
    if (!draft) return;
    this.#drafts.delete(id);
    this.#totalBytes -= draftBytes(draft);
    wipe(draft);
  }

  /** Drops every expired draft. */
  sweep(nowMs: number): void {
    for (const draft of [...this.#drafts.values()]) {
      if (draft.expiresAt <= nowMs && !draft.sending) this.delete(draft.id);
    }
  }

  /** Drops everything (at shutdown). */
  clear(): void {
    for (const id of [...this.#drafts.keys()]) this.delete(id);
  }

  #clientBytes(client: string): number {
    let total = 0;
    for (const draft of this.#drafts.values()) if (draft.client === client) total += draftBytes(draft);
    return total;
  }
}

/** Zeroes a draft's file buffers (best effort: typed text lives on in strings until collected). */
export function wipe(draft: Pick<Draft, 'files'>): void {
  for (const file of draft.files) file.data.fill(0);
}

function textBytes(values: DraftValues): number {
  let total = 0;
  for (const [key, value] of Object.entries(values)) {
    total += key.length * 2;
    if (typeof value === 'string') total += value.length * 2;
    else for (const v of value) total += v.length * 2;
  }
  return total;
}

function draftBytes(draft: Pick<Draft, 'files' | 'values'>): number {
  return draft.files.reduce((sum, f) => sum + f.data.length, 0) + textBytes(draft.values);
}
