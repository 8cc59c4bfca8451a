import { randomUUID } from 'node:crypto';

/**
 * Remembers which forms were already sent, so that a form posted twice (a double click, a
 * reload of the answer, a replayed request) takes effect once. Each rendered form carries a
 * random `form_id`; the first POST with it claims it. In memory, per process: another instance
 * or a restart forgets (the same limits as the throttles); entries expire after a day.
 */
export class FormOnce {
  readonly #claimed = new Map<string, number>();
  readonly #ttlMs: number;
  readonly #max: number;

  constructor(options: { readonly ttlMs?: number; readonly max?: number } = {}) {
    this.#ttlMs = options.ttlMs ?? 24 * 3_600_000;
    this.#max = options.max ?? 50_000;
  }

  /** A fresh id for a form about to be rendered. */
  static newId(): string {
    return randomUUID();
  }

  /**
   * Claims `formId` for `scope` (a session): true the first time, false for a replay. An id that is
   * not a UUID is refused (false), so a forged one cannot grow the map with junk.
   */
  claim(scope: string, formId: string, nowMs: number): boolean {
    if (!/^[0-9a-f-]{36}$/.test(formId)) return false;
    const key = `${scope}:${formId}`;
    const seen = this.#claimed.get(key);
    if (seen !== undefined && nowMs - seen < this.#ttlMs) return false;
    if (this.#claimed.size >= this.#max) this.#sweep(nowMs);
    this.#claimed.set(key, nowMs);
    return true;
  }

  /** Gives a claim back (the action failed and nothing was stored: the same form may be sent again). */
  release(scope: string, formId: string): void {
    this.#claimed.delete(`${scope}:${formId}`);
  }

  #sweep(nowMs: number): void {
    for (const [key, at] of this.#claimed) {
      if (nowMs - at >= this.#ttlMs) this.#claimed.delete(key);
    }
    // Still full: drop the oldest (a Map keeps insertion order).
    for (const key of this.#claimed.keys()) {
      if (this.#claimed.size < this.#max) break;
      this.#claimed.delete(key);
    }
  }
}
