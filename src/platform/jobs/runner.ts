import type { BaseLogger } from 'pino';

/**
 * A small in-process job runner: named jobs that run every `intervalMs`, can be woken to run
 * soon, never overlap with themselves, and never take the process down.
 *
 * Each instance of the application runs its own; jobs that must not do the same work twice on
 * several instances (the outbox) claim their rows with `FOR UPDATE SKIP LOCKED`, so the runner
 * itself needs no coordination between processes.
 */

/** What the runner and its jobs log with: pino, or Fastify's `app.log` (a pino child). */
export type JobLogger = Pick<BaseLogger, 'debug' | 'info' | 'warn' | 'error'>;

/** One job: what it is called, how often it runs and what it does. */
export interface JobDefinition {
  /** Unique within a runner; used by {@link JobRunner.wake} and in log lines. */
  readonly name: string;
  /** Time between the end of one run and the start of the next (clamped to 100 ms … 24 h). */
  readonly intervalMs: number;
  /** Run once right after `start()` (otherwise the first run is one interval later). */
  readonly runAtStart?: boolean;
  /**
   * The work. `signal` is aborted when the runner stops: a long job should check it between
   * steps and return early. A thrown error is logged; the job runs again at its next turn.
   */
  run(signal: AbortSignal): Promise<void>;
}

/** The runner's handle, as {@link createJobRunner} returns it. */
export interface JobRunner {
  /** Schedules every job (once; later calls do nothing). */
  start(): void;
  /**
   * Runs the named job soon (after `wakeDelayMs`), or once more right after its current run.
   * Several wakes in a row coalesce into one run. Returns false (and does nothing) for an unknown
   * name, before `start()` or after `stop()`.
   */
  wake(name: string): boolean;
  /** Cancels every timer, aborts the jobs' signal and waits for the runs in progress to end. */
  stop(): Promise<void>;
}

export interface JobRunnerOptions {
  readonly jobs: readonly JobDefinition[];
  readonly logger: JobLogger;
  /** Delay between a wake and the run it asks for, so a burst of wakes gives one run. Default 100 ms. */
  readonly wakeDelayMs?: number;
}

const MIN_INTERVAL_MS = 100;
const MAX_INTERVAL_MS = 24 * 60 * 60 * 1000;

interface JobState {
  readonly job: JobDefinition;
  readonly intervalMs: number;
  /** The one pending timer of this job (never more than one), and when it fires. */
  timer: NodeJS.Timeout | undefined;
  dueAt: number;
  /** The run in progress, if any. */
  running: Promise<void> | undefined;
  /** A wake arrived during a run: run again as soon as it ends. */
  again: boolean;
}

/**
 * Creates a runner for `jobs`. Timers are `unref`'d (they never keep the process alive) and each
 * job has at most one pending timer, so the runner's footprint is bounded whatever the wakes.
 * @throws Error when two jobs share a name (a programming mistake).
 */
export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { logger } = options;
  const wakeDelayMs = Math.max(0, options.wakeDelayMs ?? 100);
  const states = new Map<string, JobState>();
  for (const job of options.jobs) {
    if (states.has(job.name)) throw new Error(`Two jobs are named ${job.name}`);
    const intervalMs = Math.min(MAX_INTERVAL_MS, Math.max(MIN_INTERVAL_MS, Math.floor(job.intervalMs)));
    states.set(job.name, { job, intervalMs, timer: undefined, dueAt: 0, running: undefined, again: false });
  }
  const abort = new AbortController();
  let started = false;
  let stopped = false;

  /** Makes the job run no later than `delayMs` from now (an earlier pending timer is kept). */
  const schedule = (state: JobState, delayMs: number) => {
    if (stopped) return;
    const dueAt = Date.now() + delayMs;
    if (state.timer) {
      if (state.dueAt <= dueAt) return;
      clearTimeout(state.timer);
    }
    state.dueAt = dueAt;
    state.timer = setTimeout(() => {
      state.timer = undefined;
      void runNow(state);
    }, delayMs);
    state.timer.unref();
  };

  const runNow = async (state: JobState): Promise<void> => {
    if (stopped) return;
    if (state.running) {
      state.again = true;
      return;
    }
    const startedAt = Date.now();
    state.running = (async () => {
      try {
        await state.job.run(abort.signal);
        logger.debug({ job: state.job.name, ms: Date.now() - startedAt }, 'job done');
      } catch (error) {
        // A failing job must not stop the others nor the process: log it and try again later.
        logger.error({ err: error, job: state.job.name }, 'job failed');
      }
    })();
    await state.running;
    state.running = undefined;
    if (state.again) {
      state.again = false;
      schedule(state, 0);
    } else {
      schedule(state, state.intervalMs);
    }
  };

  return {
    start() {
      if (started || stopped) return;
      started = true;
      for (const state of states.values()) schedule(state, state.job.runAtStart ? 0 : state.intervalMs);
    },
    wake(name) {
      const state = states.get(name);
      if (!state || !started || stopped) return false;
      if (state.running) state.again = true;
      else schedule(state, wakeDelayMs);
      return true;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      abort.abort();
      for (const state of states.values()) {
        if (state.timer) clearTimeout(state.timer);
        state.timer = undefined;
      }
      await Promise.all([...states.values()].map((state) => state.running));
    },
  };
}
