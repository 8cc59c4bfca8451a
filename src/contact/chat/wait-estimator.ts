/**
 * The honest wait estimate of the chat queue (PRODUCT.md §6). Pure functions, no I/O.
 *
 * The model (docs/contact.md, "Honest waiting"): a visitor at position p with f free slots
 * waiting for the queue is assigned at once when p ≤ f ("soon"); otherwise they wait for
 * k = p − f more exits from the queue. Exits arrive at a rate μ; the time to the k-th of them is
 * Erlang(k, μ). μ is not known but estimated from *now*: the exits within the sliding window (n
 * exits in W) and the throughput the online agents can give right now (all their slots divided
 * by the mean duration of the chats that ended within the window). The exit count is the
 * evidence, the capacity the prior of a Gamma posterior for μ, so that a window with few exits
 * falls back on capacity and a full one speaks for itself; since exits in a quiet window
 * measure the arrivals rather than what the agents can do, the rate is never taken below the
 * capacity throughput when the window's chats show it. The wait for k exits at an uncertain
 * rate is then log-normally approximated (the log of Erlang(k) ÷ Gamma(a) has variance
 * ψ₁(k) + ψ₁(a)) and shown as its central 80 % interval in whole minutes. Measured against a
 * simulated day in bench/chat-wait.ts.
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
  /**
   * All chat slots of those agents (the sum of their capacities, busy or free). Optional: when
   * absent it is taken as `onlineAgents × DEFAULT_CAPACITY` (and at least `freeSlots`).
   */
  readonly totalSlots?: number;
}

/** What a visitor is shown. Minutes are whole numbers; `low` < `high`. */
export type WaitEstimate =
  | { readonly kind: 'none' }
  | { readonly kind: 'soon' }
  | { readonly kind: 'range'; readonly lowMinutes: number; readonly highMinutes: number };

/** The default sliding window. */
export const DEFAULT_WINDOW_MS = 30 * 60_000;

/** An agent's capacity when `totalSlots` is not given (the schema's default). */
export const DEFAULT_CAPACITY = 3;

/** The longest wait shown: beyond it the range says "up to this", never more. */
export const MAX_WAIT_MINUTES = 240;

/**
 * Knobs of the model, fixed by the simulation in bench/chat-wait.ts. Exported for that
 * simulation only; the application uses `waitModel`.
 */
export interface WaitModelTuning {
  /** Mean chat duration assumed before any chat ended within the window (ms). */
  readonly priorChatMs: number;
  /** How many chats' worth of weight that assumption carries against measured durations. */
  readonly priorChats: number;
  /** How many exits' worth of weight the capacity throughput carries against the window's exits. */
  readonly capacityWeight: number;
  /** Take the rate at least the capacity throughput (see the module comment). */
  readonly capacityFloor: boolean;
  /** Central probability of the shown range. */
  readonly coverage: number;
}

export const DEFAULT_TUNING: WaitModelTuning = {
  priorChatMs: 8 * 60_000,
  priorChats: 2,
  capacityWeight: 3,
  capacityFloor: true,
  coverage: 0.8,
};

const MINUTE = 60_000;
const MIN_SHAPE = 2;
const NONE: WaitEstimate = Object.freeze({ kind: 'none' });
const SOON: WaitEstimate = Object.freeze({ kind: 'soon' });

/**
 * Builds the estimate function for one topic's current state; call it with each waiting
 * visitor's 1-based position (cheap: the rates are computed once per call of `waitModel`).
 * Any input is accepted: non-finite or negative numbers count as absent, so the result is never
 * NaN, negative or infinite.
 */
export function waitModel(stats: QueueStats): (position: number) => WaitEstimate {
  return tunedWaitModel(stats, DEFAULT_TUNING);
}

/** `waitModel` with explicit knobs (for the simulation). */
export function tunedWaitModel(
  stats: QueueStats,
  tuning: WaitModelTuning,
): (position: number) => WaitEstimate {
  const online = wholeOrZero(stats.onlineAgents);
  if (online === 0) return () => NONE;
  const free = wholeOrZero(stats.freeSlots);
  const given = stats.totalSlots === undefined ? Number.NaN : wholeOrZero(stats.totalSlots);
  const slots = Math.max(1, free, given > 0 ? given : online * DEFAULT_CAPACITY);

  const windowMs = positive(stats.windowMs) ? Math.min(stats.windowMs, 24 * 60 * MINUTE) : DEFAULT_WINDOW_MS;
  const nowMs = Number.isFinite(stats.nowMs) ? stats.nowMs : Number.NaN;
  let exits = 0;
  for (const at of stats.recentExitsMs ?? []) {
    if (!Number.isFinite(at)) continue;
    // Without a usable clock every listed exit counts (the caller already filtered the window).
    if (Number.isNaN(nowMs) || (at > nowMs - windowMs && at <= nowMs + MINUTE)) exits++;
  }
  let durationSum = 0;
  let durations = 0;
  for (const d of stats.recentChatDurationsMs ?? []) {
    if (!positive(d)) continue;
    // A chat shorter than 10 s or longer than 4 h says little about the next one.
    durationSum += Math.min(Math.max(d, 10_000), 240 * MINUTE);
    durations++;
  }
  const meanChatMs = (durationSum + tuning.priorChats * tuning.priorChatMs) / (durations + tuning.priorChats);
  const capacityRate = slots / meanChatMs; // exits per ms when every slot is busy

  // Gamma posterior for the exit rate: prior from capacity (weight in exits), evidence from the window.
  const exitShape = Math.max(tuning.capacityWeight, 0.5) + exits;
  const exitScale = Math.max(tuning.capacityWeight, 0.5) / capacityRate + windowMs;
  let shape = exitShape;
  let scale = exitScale; // the Gamma's rate parameter: observed time, in ms
  if (tuning.capacityFloor && exitShape / exitScale < capacityRate) {
    // A quiet window measured the arrivals, not what the agents can do: with a queue, every slot
    // is busy and frees at the capacity throughput, known as well as the chats' mean duration.
    shape = durations + tuning.priorChats;
    scale = shape / capacityRate;
  }
  // Below two the F quantiles lose their meaning; a smaller shape is widened to two by scaling.
  if (shape < MIN_SHAPE) {
    scale *= MIN_SHAPE / shape;
    shape = MIN_SHAPE;
  }
  const z = normalQuantile(0.5 + tuning.coverage / 2);

  return (position) => {
    const p = Number.isFinite(position) && position >= 1 ? Math.floor(position) : 1;
    if (p <= free) return SOON;
    const k = Math.min(p - free, 1e6);
    // The wait is scale · (k / shape) · F(2k, 2·shape).
    const unit = (scale * k) / shape;
    const lowMs = unit * fQuantile(-z, 2 * k, 2 * shape);
    const highMs = unit * fQuantile(z, 2 * k, 2 * shape);
    return toRange(lowMs, highMs);
  };
}

/**
 * The quantile of F(d1, d2) at the normal quantile z, by Paulson's cube-root approximation
 * (good to a few per cent for d2 ≥ 4, which the caller guarantees).
 */
function fQuantile(z: number, d1: number, d2: number): number {
  const s1 = 2 / (9 * d1);
  const s2 = 2 / (9 * d2);
  const a = 1 - s2;
  const b = 1 - s1;
  const qa = a * a - z * z * s2;
  const disc = a * a * b * b - qa * (b * b - z * z * s1);
  if (qa <= 0 || disc < 0) return z > 0 ? Number.POSITIVE_INFINITY : 0;
  const root = (a * b + Math.sign(z) * Math.sqrt(disc)) / qa;
  return root > 0 ? root * root * root : 0;
}

function toRange(lowMs: number, highMs: number): WaitEstimate {
  const cap = MAX_WAIT_MINUTES;
  let low = Number.isFinite(lowMs) ? Math.round(lowMs / MINUTE) : cap - 1;
  let high = Number.isFinite(highMs) ? Math.round(highMs / MINUTE) : cap;
  low = Math.min(Math.max(low, 0), cap - 1);
  high = Math.min(Math.max(high, low + 1), cap);
  return { kind: 'range', lowMinutes: low, highMinutes: high };
}

function wholeOrZero(value: number): number {
  return Number.isFinite(value) && value > 0 ? Math.min(Math.floor(value), 1e6) : 0;
}

function positive(value: number): boolean {
  return Number.isFinite(value) && value > 0;
}

/** The standard normal quantile (Acklam's rational approximation, |error| < 1.2e-9). */
function normalQuantile(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const q = Math.min(Math.max(p, 1e-9), 1 - 1e-9);
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  if (q < 0.02425) {
    const r = Math.sqrt(-2 * Math.log(q));
    return (
      (((((c0 * r + c1) * r + c2) * r + c3) * r + c4) * r + c5) /
      ((((d0 * r + d1) * r + d2) * r + d3) * r + 1)
    );
  }
  if (q > 1 - 0.02425) {
    const r = Math.sqrt(-2 * Math.log(1 - q));
    return (
      -(((((c0 * r + c1) * r + c2) * r + c3) * r + c4) * r + c5) /
      ((((d0 * r + d1) * r + d2) * r + d3) * r + 1)
    );
  }
  const r = q - 0.5;
  const s = r * r;
  return (
    ((((((a0 * s + a1) * s + a2) * s + a3) * s + a4) * s + a5) * r) /
    (((((b0 * s + b1) * s + b2) * s + b3) * s + b4) * s + 1)
  );
}
