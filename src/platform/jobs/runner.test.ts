import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createJobRunner, type JobDefinition, type JobLogger } from './runner.js';

/** A logger that keeps what was logged at error level. */
function recordingLogger(): JobLogger & { readonly errors: unknown[] } {
  const errors: unknown[] = [];
  return { errors, debug() {}, info() {}, warn() {}, error: (...args: unknown[]) => void errors.push(args) };
}

/** Polls until `check` holds (real timers), failing after `timeoutMs`. */
async function until(check: () => boolean, timeoutMs = 2_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await sleep(5);
  }
}

describe('job runner', () => {
  it('runs a job at start and then again every interval', async () => {
    let runs = 0;
    const runner = createJobRunner({
      logger: recordingLogger(),
      jobs: [{ name: 'tick', intervalMs: 100, runAtStart: true, run: async () => void runs++ }],
    });
    runner.start();
    await until(() => runs >= 1, 50);
    await until(() => runs >= 3, 1_000);
    await runner.stop();
  });

  it('waits one interval before the first run of a job not marked runAtStart', async () => {
    let runs = 0;
    const runner = createJobRunner({
      logger: recordingLogger(),
      jobs: [{ name: 'later', intervalMs: 60_000, run: async () => void runs++ }],
    });
    runner.start();
    await sleep(50);
    assert.equal(runs, 0);
    await runner.stop();
  });

  it('never overlaps two runs of one job; a wake during a run gives exactly one more run after it', async () => {
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    let release: () => void = () => {};
    const job: JobDefinition = {
      name: 'slow',
      intervalMs: 60_000,
      runAtStart: true,
      async run() {
        running++;
        maxRunning = Math.max(maxRunning, running);
        runs++;
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        running--;
      },
    };
    const runner = createJobRunner({ logger: recordingLogger(), wakeDelayMs: 0, jobs: [job] });
    runner.start();
    await until(() => runs === 1);
    for (let i = 0; i < 5; i++) assert.equal(runner.wake('slow'), true);
    await sleep(30);
    assert.equal(runs, 1, 'no second run while the first is going');
    release();
    await until(() => runs === 2);
    release();
    await sleep(50);
    assert.equal(runs, 2, 'five wakes during a run coalesce into one more run');
    assert.equal(maxRunning, 1);
    await runner.stop();
  });

  it('runs a woken job soon, and a burst of wakes gives one run', async () => {
    let runs = 0;
    const runner = createJobRunner({
      logger: recordingLogger(),
      wakeDelayMs: 20,
      jobs: [{ name: 'mail', intervalMs: 60_000, run: async () => void runs++ }],
    });
    assert.equal(runner.wake('mail'), false, 'nothing runs before start()');
    runner.start();
    for (let i = 0; i < 10; i++) runner.wake('mail');
    await until(() => runs === 1, 500);
    await sleep(60);
    assert.equal(runs, 1);
    assert.equal(runner.wake('no-such-job'), false);
    await runner.stop();
  });

  it('logs a failing job and keeps running it and the others', async () => {
    const logger = recordingLogger();
    let failures = 0;
    let others = 0;
    const runner = createJobRunner({
      logger,
      jobs: [
        {
          name: 'broken',
          intervalMs: 100,
          runAtStart: true,
          async run() {
            failures++;
            throw new Error('boom');
          },
        },
        { name: 'fine', intervalMs: 100, runAtStart: true, run: async () => void others++ },
      ],
    });
    runner.start();
    await until(() => failures >= 2 && others >= 2, 1_000);
    await runner.stop();
    assert.ok(logger.errors.length >= 2);
    assert.match(JSON.stringify(logger.errors[0]), /"job":"broken"/);
  });

  it('stop() aborts the signal, waits for the run in progress and runs nothing afterwards', async () => {
    let finished = false;
    let aborted = false;
    let runs = 0;
    const runner = createJobRunner({
      logger: recordingLogger(),
      jobs: [
        {
          name: 'long',
          intervalMs: 100,
          runAtStart: true,
          async run(signal) {
            runs++;
            await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
            aborted = signal.aborted;
            await sleep(30);
            finished = true;
          },
        },
      ],
    });
    runner.start();
    await until(() => runs === 1);
    await runner.stop();
    assert.equal(aborted, true);
    assert.equal(finished, true, 'stop() resolved only after the run ended');
    assert.equal(runner.wake('long'), false);
    await sleep(150);
    assert.equal(runs, 1);
  });

  it('keeps no timer that holds the process open', async () => {
    const timersBefore = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const runner = createJobRunner({
      logger: recordingLogger(),
      jobs: [
        { name: 'a', intervalMs: 60_000, run: async () => {} },
        { name: 'b', intervalMs: 60_000, run: async () => {} },
      ],
    });
    runner.start();
    runner.wake('a');
    const timersAfter = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    assert.equal(timersAfter, timersBefore);
    await runner.stop();
  });

  it('refuses two jobs with one name', () => {
    const job = { name: 'same', intervalMs: 1_000, run: async () => {} };
    assert.throws(() => createJobRunner({ logger: recordingLogger(), jobs: [job, job] }), /same/);
  });
});
