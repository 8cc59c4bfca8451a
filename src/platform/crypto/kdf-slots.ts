import os from 'node:os';

/**
 * How many Argon2id computations run at once in this process. Argon2id is off the event loop
 * (libuv's thread pool) but it is CPU- and memory-bound: four of them on a two-core machine take
 * both cores and starve the event loop, so every other request waits behind the hashing. One
 * core is kept free for the event loop (and PGlite, which runs on it); the rest queue here, first
 * come first served. Logins, receipts and key wraps share the slots.
 */
const SLOTS = Math.max(1, (os.availableParallelism?.() ?? os.cpus().length) - 1);

let running = 0;
const waiting: (() => void)[] = [];

/** Runs `work` when a slot is free. */
export async function withKdfSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= SLOTS) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** For tests: the number of slots and how many computations run or wait now. */
export function kdfSlotState(): {
  readonly slots: number;
  readonly running: number;
  readonly waiting: number;
} {
  return { slots: SLOTS, running, waiting: waiting.length };
}
