/**
 * The honest wait estimate of the chat queue (PRODUCT.md §6). Pure functions, no I/O.
 * PLACEHOLDER SIGNATURES — the estimator helper replaces the body and documents the model in
 * docs/contact.md; the signatures below are the contract the chat hub relies on.
 */

/** What is known about one topic's queue right now. */
export interface QueueStats {
  readonly nowMs: number;
  /** Agents serving the topic who are available and connected. 0 → "no estimate". */
  readonly onlineAgents: number;
  /** Free chat slots among those agents (capacity minus their active chats). */
  readonly freeSlots: number;
  /** When chats of this topic left the queue for an agent, within the sliding window (ms, any order). */
  readonly recentExitsMs: readonly number[];
  /** Durations of chats of this topic that ended within the window (ms). */
  readonly recentChatDurationsMs: readonly number[];
  /** The sliding window's length (ms). */
  readonly windowMs: number;
}

/** What a visitor is shown. Minutes are whole numbers; `low` ≤ `high`. */
export type WaitEstimate =
  | { readonly kind: 'none' }
  | { readonly kind: 'soon' }
  | { readonly kind: 'range'; readonly lowMinutes: number; readonly highMinutes: number };

/** The default sliding window. */
export const DEFAULT_WINDOW_MS = 30 * 60_000;

/**
 * Builds the estimate function for one topic's current state; call it with each waiting
 * visitor's 1-based position (cheap: the rates are computed once per call of `waitModel`).
 */
export function waitModel(stats: QueueStats): (position: number) => WaitEstimate {
  if (stats.onlineAgents === 0) return () => ({ kind: 'none' });
  return (position) => {
    if (position <= stats.freeSlots) return { kind: 'soon' };
    const minutes = Math.max(1, position - stats.freeSlots) * 3;
    return { kind: 'range', lowMinutes: minutes, highMinutes: minutes * 2 };
  };
}
