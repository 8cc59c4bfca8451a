// Chat wait benchmark (issue 4, "Honest waiting"): a discrete-event simulation of chat days —
// Poisson arrivals with a daily profile, log-normal chat durations, agents coming and going
// (shifts, breaks, a lunch gap), capacity per agent, optional abandonment — that asks the real
// `waitModel` (src/contact/chat/wait-estimator.ts) for each visitor's estimate as they join and
// records the wait they really had. Reports the mean absolute error against the range's
// midpoint, how often the real wait fell in the shown range, and the same error for a "historic
// average" estimator in the same run. Seeded: the same seed gives the same figures. A report,
// not a test.
import {
  DEFAULT_TUNING,
  DEFAULT_WINDOW_MS,
  type QueueStats,
  tunedWaitModel,
  type WaitEstimate,
  type WaitModelTuning,
} from '../src/contact/chat/wait-estimator.js';
import { printTable } from './lib.js';

const MINUTE = 60_000;
const DAY_MINUTES = 600; // 9:00–19:00

/** sfc32, seeded through splitmix32: small, fast and good enough for a simulation. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  return () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return (t >>> 0) / 4294967296;
  };
}

function normal(random: () => number): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Arrivals per minute at minute `t` of the day, before the load factor: two peaks, a lunch dip. */
function arrivalProfile(t: number): number {
  const bump = (centre: number, width: number, height: number) =>
    height * Math.exp(-((t - centre) ** 2) / (2 * width * width));
  return 0.35 + bump(90, 60, 0.75) + bump(330, 70, 0.6) - bump(210, 25, 0.2) + bump(480, 50, 0.25);
}

/** One agent's day: available periods (minutes) and capacity. */
interface Shift {
  readonly capacity: number;
  readonly periods: readonly (readonly [number, number])[];
}

/** Six agents in shifts with breaks; a quarter of an hour at lunch when nobody is available. */
const SHIFTS: readonly Shift[] = [
  {
    capacity: 3,
    periods: [
      [0, 110],
      [125, 225],
      [240, 300],
    ],
  },
  {
    capacity: 3,
    periods: [
      [0, 210],
      [255, 420],
    ],
  },
  {
    capacity: 2,
    periods: [
      [20, 200],
      [215, 225],
      [240, 380],
    ],
  },
  {
    capacity: 3,
    periods: [
      [150, 225],
      [240, 360],
      [375, 540],
    ],
  },
  {
    capacity: 3,
    periods: [
      [300, 440],
      [455, DAY_MINUTES],
    ],
  },
  { capacity: 2, periods: [[420, DAY_MINUTES]] },
];

export interface Scenario {
  readonly name: string;
  /** Multiplies the arrival profile. */
  readonly load: number;
  /** Mean patience in minutes (exponential); 0 = nobody gives up. */
  readonly patienceMinutes: number;
}

interface Observation {
  readonly scenario: string;
  readonly position: number;
  readonly estimate: WaitEstimate;
  readonly historicMinutes: number;
  /** Real wait in minutes; NaN when the visitor gave up. */
  readonly waitMinutes: number;
}

type Event =
  | { readonly at: number; readonly kind: 'arrival' }
  | { readonly at: number; readonly kind: 'end'; readonly agent: number; readonly startedAt: number }
  | { readonly at: number; readonly kind: 'agent'; readonly agent: number; readonly available: boolean }
  | { readonly at: number; readonly kind: 'abandon'; readonly visitor: Visitor };

interface Visitor {
  readonly arrivedAt: number;
  readonly record: { waitMinutes: number };
  state: 'queued' | 'assigned' | 'gone';
}

/** A binary min-heap of events by time (ties in insertion order). */
class EventQueue {
  readonly #items: { e: Event; n: number }[] = [];
  #n = 0;
  get size(): number {
    return this.#items.length;
  }
  push(e: Event): void {
    const items = this.#items;
    items.push({ e, n: this.#n++ });
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#less(i, parent)) break;
      this.#swap(i, parent);
      i = parent;
    }
  }
  pop(): Event | undefined {
    const items = this.#items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && this.#less(l, m)) m = l;
        if (r < items.length && this.#less(r, m)) m = r;
        if (m === i) break;
        this.#swap(i, m);
        i = m;
      }
    }
    return top?.e;
  }
  #less(i: number, j: number): boolean {
    const a = this.#items[i];
    const b = this.#items[j];
    if (!a || !b) return false;
    return a.e.at < b.e.at || (a.e.at === b.e.at && a.n < b.n);
  }
  #swap(i: number, j: number): void {
    const items = this.#items;
    const t = items[i];
    items[i] = items[j] as { e: Event; n: number };
    items[j] = t as { e: Event; n: number };
  }
}

/** Times (ms) appended in order; `since(t)` gives those after t without copying the past. */
class Window {
  readonly values: number[] = [];
  readonly times: number[] = [];
  #start = 0;
  add(time: number, value: number): void {
    this.times.push(time);
    this.values.push(value);
  }
  slice(after: number): { times: number[]; values: number[] } {
    while (this.#start < this.times.length && (this.times[this.#start] ?? 0) <= after) this.#start++;
    return { times: this.times.slice(this.#start), values: this.values.slice(this.#start) };
  }
}

/** Simulates one day; returns an observation per arrival. */
function simulateDay(
  scenario: Scenario,
  random: () => number,
  tuning: WaitModelTuning,
  historicMinutes: number,
): Observation[] {
  const events = new EventQueue();
  const agents = SHIFTS.map((s) => ({ capacity: s.capacity, active: 0, available: false, idleSince: 0 }));
  SHIFTS.forEach((shift, agent) => {
    for (const [from, to] of shift.periods) {
      events.push({ at: from * MINUTE, kind: 'agent', agent, available: true });
      // Whoever is on at closing stays until the queue is empty (handled below).
      if (to < DAY_MINUTES) events.push({ at: to * MINUTE, kind: 'agent', agent, available: false });
    }
  });
  // Non-homogeneous Poisson arrivals by thinning against the profile's maximum.
  const peak = 1.6 * scenario.load;
  let t = 0;
  for (;;) {
    t += (-Math.log(1 - random()) / peak) * MINUTE;
    if (t >= DAY_MINUTES * MINUTE) break;
    if (random() * peak < arrivalProfile(t / MINUTE) * scenario.load) events.push({ at: t, kind: 'arrival' });
  }

  const queue: Visitor[] = [];
  let head = 0;
  let waiting = 0;
  const exits = new Window();
  const ended = new Window();
  const observations: Observation[] = [];

  const assign = (now: number) => {
    while (waiting > 0) {
      let best = -1;
      agents.forEach((a, i) => {
        const bestAgent = agents[best];
        if (!a.available || a.active >= a.capacity) return;
        if (
          !bestAgent ||
          a.active < bestAgent.active ||
          (a.active === bestAgent.active && a.idleSince < bestAgent.idleSince)
        ) {
          best = i;
        }
      });
      const agent = agents[best];
      if (!agent) return;
      let visitor = queue[head];
      while (visitor && visitor.state !== 'queued') visitor = queue[++head];
      if (!visitor) return;
      head++;
      waiting--;
      visitor.state = 'assigned';
      visitor.record.waitMinutes = (now - visitor.arrivedAt) / MINUTE;
      agent.active++;
      agent.idleSince = now;
      exits.add(now, now);
      const duration = Math.exp(Math.log(6) + 0.7 * normal(random)) * MINUTE;
      events.push({ at: now + duration, kind: 'end', agent: best, startedAt: now });
    }
  };

  for (let event = events.pop(); event; event = events.pop()) {
    const now = event.at;
    switch (event.kind) {
      case 'arrival': {
        const online = agents.filter((a) => a.available);
        const windowStart = now - DEFAULT_WINDOW_MS;
        const stats: QueueStats = {
          nowMs: now,
          onlineAgents: online.length,
          freeSlots: online.reduce((sum, a) => sum + Math.max(0, a.capacity - a.active), 0),
          totalSlots: online.reduce((sum, a) => sum + a.capacity, 0),
          recentExitsMs: exits.slice(windowStart).times,
          recentChatDurationsMs: ended.slice(windowStart).values,
          windowMs: DEFAULT_WINDOW_MS,
        };
        waiting++;
        const record = { waitMinutes: Number.NaN };
        const visitor: Visitor = { arrivedAt: now, record, state: 'queued' };
        queue.push(visitor);
        const estimate = tunedWaitModel(stats, tuning)(waiting);
        observations.push({
          scenario: scenario.name,
          position: waiting,
          estimate,
          historicMinutes,
          get waitMinutes() {
            return record.waitMinutes;
          },
        });
        if (scenario.patienceMinutes > 0) {
          const patience = -Math.log(1 - random()) * scenario.patienceMinutes * MINUTE;
          events.push({ at: now + patience, kind: 'abandon', visitor });
        }
        assign(now);
        break;
      }
      case 'end': {
        const agent = agents[event.agent];
        if (agent) agent.active--;
        ended.add(now, now - event.startedAt);
        assign(now);
        break;
      }
      case 'agent': {
        const agent = agents[event.agent];
        if (agent) {
          agent.available = event.available;
          if (event.available) agent.idleSince = now;
        }
        assign(now);
        break;
      }
      case 'abandon': {
        if (event.visitor.state === 'queued') {
          event.visitor.state = 'gone';
          waiting--;
        }
        break;
      }
      default: {
        const never: never = event;
        throw new Error(`unknown event ${String(never)}`);
      }
    }
  }
  return observations;
}

export interface Accuracy {
  arrivals: number;
  none: number;
  soon: number;
  soonRight: number;
  gaveUp: number;
  ranges: number;
  inRange: number;
  absError: number;
  historicAbsError: number;
  width: number;
}

function emptyAccuracy(): Accuracy {
  return {
    arrivals: 0,
    none: 0,
    soon: 0,
    soonRight: 0,
    gaveUp: 0,
    ranges: 0,
    inRange: 0,
    absError: 0,
    historicAbsError: 0,
    width: 0,
  };
}

function tally(into: Accuracy, o: Observation): void {
  into.arrivals++;
  const estimate = o.estimate;
  if (estimate.kind === 'none') {
    into.none++;
    return;
  }
  if (Number.isNaN(o.waitMinutes)) {
    into.gaveUp++;
    return;
  }
  if (estimate.kind === 'soon') {
    into.soon++;
    if (o.waitMinutes < 1) into.soonRight++;
    return;
  }
  into.ranges++;
  const mid = (estimate.lowMinutes + estimate.highMinutes) / 2;
  into.absError += Math.abs(o.waitMinutes - mid);
  into.historicAbsError += Math.abs(o.waitMinutes - o.historicMinutes);
  into.width += estimate.highMinutes - estimate.lowMinutes;
  if (o.waitMinutes >= estimate.lowMinutes && o.waitMinutes <= estimate.highMinutes) into.inRange++;
}

export const SCENARIOS: readonly Scenario[] = [
  { name: 'light (0.7×)', load: 0.7, patienceMinutes: 0 },
  { name: 'busy (1.0×)', load: 1.0, patienceMinutes: 0 },
  { name: 'overloaded (1.3×)', load: 1.3, patienceMinutes: 0 },
  { name: 'busy, visitors give up (mean 10 min)', load: 1.0, patienceMinutes: 10 },
  { name: 'overloaded, visitors give up', load: 1.3, patienceMinutes: 10 },
];

/** Runs `days` simulated days per scenario (after one warm-up day for the historic average). */
export function simulate(options: {
  readonly days: number;
  readonly seed: number;
  readonly tuning?: WaitModelTuning;
}): { byScenario: Map<string, Accuracy>; byPosition: Map<string, Accuracy>; total: Accuracy } {
  const tuning = options.tuning ?? DEFAULT_TUNING;
  const byScenario = new Map<string, Accuracy>();
  const byPosition = new Map<string, Accuracy>();
  const total = emptyAccuracy();
  SCENARIOS.forEach((scenario, index) => {
    const random = seededRandom(options.seed * 7919 + index);
    // The historic average: the mean wait of everyone served on the earlier days of this scenario.
    let waitSum = 0;
    let served = 0;
    const remember = (observations: readonly Observation[]) => {
      for (const o of observations) {
        if (!Number.isNaN(o.waitMinutes)) {
          waitSum += o.waitMinutes;
          served++;
        }
      }
    };
    remember(simulateDay(scenario, random, tuning, 0));
    const accuracy = emptyAccuracy();
    byScenario.set(scenario.name, accuracy);
    for (let day = 0; day < options.days; day++) {
      const observations = simulateDay(scenario, random, tuning, served > 0 ? waitSum / served : 0);
      for (const o of observations) {
        tally(accuracy, o);
        tally(total, o);
        const band = o.position <= 3 ? 'position 1–3' : o.position <= 10 ? 'position 4–10' : 'position 11+';
        let bucket = byPosition.get(band);
        if (!bucket) {
          bucket = emptyAccuracy();
          byPosition.set(band, bucket);
        }
        tally(bucket, o);
      }
      remember(observations);
    }
  });
  return { byScenario, byPosition, total };
}

const pct = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(1)} %` : '–');
const per = (sum: number, n: number) => (n > 0 ? (sum / n).toFixed(2) : '–');

function row(name: string, a: Accuracy): string[] {
  return [
    name,
    String(a.arrivals),
    `${a.none} / ${a.soon} / ${a.ranges}`,
    pct(a.soonRight, a.soon),
    per(a.absError, a.ranges),
    pct(a.inRange, a.ranges),
    per(a.width, a.ranges),
    per(a.historicAbsError, a.ranges),
    a.absError > 0 ? (a.historicAbsError / a.absError).toFixed(2) : '–',
  ];
}

/** Runs the simulation and prints its tables. */
export function benchChatWait(options: { readonly days: number; readonly seed: number }): Accuracy {
  const started = performance.now();
  const { byScenario, byPosition, total } = simulate(options);
  const header = [
    'load',
    'arrivals',
    'none / soon / range',
    'soon < 1 min',
    'MAE (min)',
    'in range',
    'mean width',
    'historic MAE',
    'historic ÷ ours',
  ];
  printTable(
    `Chat wait estimate, simulated (${options.days} days per load, seed ${options.seed}, ${((performance.now() - started) / 1000).toFixed(1)} s)`,
    header,
    [...[...byScenario].map(([name, a]) => row(name, a)), row('all', total)],
  );
  printTable(
    'By position at arrival (all loads)',
    header,
    [...byPosition].sort().map(([name, a]) => row(name, a)),
  );
  printTable(
    'Targets',
    ['measure', 'measured', 'target', 'result'],
    [
      [
        'real wait within the shown range',
        pct(total.inRange, total.ranges),
        '75–90 %',
        total.inRange / total.ranges >= 0.75 && total.inRange / total.ranges <= 0.9 ? 'met' : 'MISSED',
      ],
      [
        'MAE against the historic average',
        `${per(total.absError, total.ranges)} vs ${per(total.historicAbsError, total.ranges)} min`,
        'lower',
        total.absError < total.historicAbsError ? 'met' : 'MISSED',
      ],
    ],
  );
  return total;
}
