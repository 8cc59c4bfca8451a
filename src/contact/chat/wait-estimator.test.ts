import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEFAULT_WINDOW_MS,
  MAX_WAIT_MINUTES,
  type QueueStats,
  type WaitEstimate,
  waitModel,
} from './wait-estimator.js';

const MINUTE = 60_000;
const NOW = Date.UTC(2026, 3, 7, 10, 0);

/** Exits spread evenly over the last `minutes` (the newest one a little before now). */
function exitsOver(count: number, minutes: number): number[] {
  return Array.from({ length: count }, (_, i) => NOW - ((i + 0.5) * minutes * MINUTE) / count);
}

function stats(overrides: Partial<QueueStats> = {}): QueueStats {
  return {
    nowMs: NOW,
    onlineAgents: 3,
    freeSlots: 0,
    totalSlots: 9,
    recentExitsMs: exitsOver(30, 30),
    recentChatDurationsMs: Array.from({ length: 30 }, (_, i) => (5 + (i % 5)) * MINUTE),
    windowMs: DEFAULT_WINDOW_MS,
    ...overrides,
  };
}

function range(estimate: WaitEstimate): { low: number; high: number } {
  assert.equal(estimate.kind, 'range', `expected a range, got ${JSON.stringify(estimate)}`);
  if (estimate.kind !== 'range') throw new Error('unreachable');
  return { low: estimate.lowMinutes, high: estimate.highMinutes };
}

function midpoint(estimate: WaitEstimate): number {
  const { low, high } = range(estimate);
  return (low + high) / 2;
}

describe('waitModel', () => {
  it('gives no estimate when no agent is online, whatever the queue and its history', () => {
    const estimate = waitModel(stats({ onlineAgents: 0, freeSlots: 0 }));
    for (const position of [1, 2, 50, 5000]) assert.deepEqual(estimate(position), { kind: 'none' });
  });

  it('says "soon" for the positions a free slot is waiting for, and a range behind them', () => {
    const estimate = waitModel(stats({ freeSlots: 2 }));
    assert.deepEqual(estimate(1), { kind: 'soon' });
    assert.deepEqual(estimate(2), { kind: 'soon' });
    assert.equal(estimate(3).kind, 'range');
  });

  it('shows a range of whole minutes whose low end is below its high end', () => {
    const estimate = waitModel(stats());
    for (let position = 1; position <= 200; position++) {
      const { low, high } = range(estimate(position));
      assert.ok(Number.isInteger(low) && Number.isInteger(high));
      assert.ok(low >= 0 && low < high && high <= MAX_WAIT_MINUTES, `${low}–${high} at ${position}`);
    }
  });

  it('never promises a shorter wait to someone further back in the queue', () => {
    const estimate = waitModel(stats());
    let previous = range(estimate(1));
    for (let position = 2; position <= 500; position++) {
      const current = range(estimate(position));
      assert.ok(current.low >= previous.low && current.high >= previous.high, `position ${position}`);
      previous = current;
    }
    assert.ok(midpoint(estimate(40)) > midpoint(estimate(10)));
  });

  it('predicts roughly position ÷ exit rate when the queue moves steadily', () => {
    // 60 exits in 30 minutes (2 per minute), matching 10 slots of 5-minute chats: 20 ahead ≈ 10 min.
    const estimate = waitModel(
      stats({
        totalSlots: 10,
        recentExitsMs: exitsOver(60, 30),
        recentChatDurationsMs: Array(60).fill(5 * MINUTE),
      }),
    );
    const { low, high } = range(estimate(20));
    assert.ok(low <= 10 && high >= 10 && low >= 6 && high <= 15, `${low}–${high}`);
  });

  it('gives a shorter wait when more chats leave the queue per minute', () => {
    const slow = waitModel(stats({ recentExitsMs: exitsOver(40, 30) }));
    const fast = waitModel(stats({ recentExitsMs: exitsOver(80, 30) }));
    const faster = waitModel(stats({ recentExitsMs: exitsOver(160, 30) }));
    for (const position of [5, 20, 60]) {
      assert.ok(midpoint(fast(position)) < midpoint(slow(position)), `position ${position}`);
      assert.ok(midpoint(faster(position)) < midpoint(fast(position)), `position ${position}`);
    }
  });

  it('counts only the exits inside the window', () => {
    const old = exitsOver(60, 30).map((t) => t - DEFAULT_WINDOW_MS);
    const withOld = waitModel(stats({ recentExitsMs: [...exitsOver(30, 30), ...old] }));
    assert.deepEqual(withOld(25), waitModel(stats())(25));
  });

  it('falls back on the capacity of the online agents and recent chat lengths when the window is quiet', () => {
    // A queue that just formed: few exits so far, but 12 slots freeing every ~6 minutes.
    const quiet = waitModel(
      stats({
        totalSlots: 12,
        recentExitsMs: exitsOver(3, 30),
        recentChatDurationsMs: Array(20).fill(6 * MINUTE),
      }),
    );
    const { low, high } = range(quiet(12));
    assert.ok(low <= 6 && high >= 6 && high <= 12, `${low}–${high}`);
    // Half the agents: twice the wait.
    const half = waitModel(
      stats({
        totalSlots: 6,
        recentExitsMs: exitsOver(3, 30),
        recentChatDurationsMs: Array(20).fill(6 * MINUTE),
      }),
    );
    assert.ok(midpoint(half(12)) > 1.6 * midpoint(quiet(12)));
  });

  it('shows a wider range when it has seen few chats', () => {
    const few = waitModel(
      stats({
        totalSlots: 6,
        recentExitsMs: exitsOver(2, 30),
        recentChatDurationsMs: [6 * MINUTE, 6 * MINUTE],
      }),
    );
    const many = waitModel(
      stats({
        totalSlots: 6,
        recentExitsMs: exitsOver(2, 30),
        recentChatDurationsMs: Array(40).fill(6 * MINUTE),
      }),
    );
    const spread = (e: WaitEstimate) => {
      const { low, high } = range(e);
      return (high - low) / ((high + low) / 2);
    };
    assert.ok(
      spread(few(30)) > 1.3 * spread(many(30)),
      `${JSON.stringify(few(30))} vs ${JSON.stringify(many(30))}`,
    );
  });

  it('estimates without totalSlots from the default capacity per agent', () => {
    const { totalSlots: _, ...rest } = stats();
    assert.deepEqual(waitModel(rest)(10), waitModel(stats({ totalSlots: 9 }))(10));
  });

  it('caps very long waits', () => {
    const { high, low } = range(waitModel(stats({ recentExitsMs: [], recentChatDurationsMs: [] }))(100_000));
    assert.equal(high, MAX_WAIT_MINUTES);
    assert.ok(low < high);
  });

  it('never answers NaN, a negative or an infinite number, whatever it is given', () => {
    let seed = 42;
    const random = () => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed / 4294967296;
    };
    const odd = [
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      -1,
      0,
      -0,
      0.5,
      1e300,
      -1e300,
    ];
    const pick = (scale: number) =>
      random() < 0.2 ? (odd[Math.floor(random() * odd.length)] ?? 0) : random() * scale;
    for (let i = 0; i < 3000; i++) {
      const input: QueueStats = {
        nowMs: random() < 0.1 ? pick(1) : NOW,
        onlineAgents: Math.floor(pick(20)),
        freeSlots: Math.floor(pick(30)),
        totalSlots: random() < 0.3 ? undefined : pick(60),
        recentExitsMs: Array.from(
          { length: Math.floor(random() * 80) },
          () => NOW - pick(2 * DEFAULT_WINDOW_MS),
        ),
        recentChatDurationsMs: Array.from({ length: Math.floor(random() * 40) }, () => pick(40 * MINUTE)),
        windowMs: random() < 0.2 ? pick(1) : random() < 0.5 ? DEFAULT_WINDOW_MS : pick(4 * DEFAULT_WINDOW_MS),
      };
      const estimate = waitModel(input);
      for (const position of [pick(5000), 1, 2, Math.floor(pick(100)), 1e9]) {
        const shown = estimate(position);
        if (shown.kind !== 'range') continue;
        const { lowMinutes: low, highMinutes: high } = shown;
        assert.ok(
          Number.isInteger(low) &&
            Number.isInteger(high) &&
            low >= 0 &&
            low < high &&
            high <= MAX_WAIT_MINUTES,
          `${JSON.stringify(shown)} for ${JSON.stringify(input)} at ${position}`,
        );
      }
    }
  });

  it('estimates thousands of positions quickly', () => {
    const started = performance.now();
    const estimate = waitModel(stats({ recentExitsMs: exitsOver(500, 30) }));
    for (let position = 1; position <= 20_000; position++) estimate(position);
    assert.ok(performance.now() - started < 500);
  });
});
