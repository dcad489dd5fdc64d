/**
 * Issue 4: rule throughput alone, in process (no MQTT, no telemetry store): fixes a second
 * through `RulesEngine.ingest` with a synthetic city of 10,000 trucks whose shifts are under
 * way, one call per fix and then calls of 100 fixes, round-robin over the trucks; then the
 * process memory after a full GC with that state held.
 *
 *   node --expose-gc -r @swc-node/register bench/rules-throughput.bench.ts [--trucks 10000]
 *     [--rounds 60] [--interval-s 5] [--batch 100] [--bins 40] [--repo sqlite|memory]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FixRecord } from '@sanitation/contracts';
import {
  AlertRecord,
  MemoryRulesRepository,
  RulesEngine,
  RulesRepository,
  SqliteRulesRepository,
  StateChange,
} from '@sanitation/rules';
import { benchOptions } from './support/options';
import { mb, table } from './support/stats';
import { fixAt, SyntheticCity, syntheticCity } from './support/synthetic-city';

const options = benchOptions('bench/rules-throughput.bench.ts');
const TRUCKS = options.number('trucks', 10_000);
const ROUNDS = options.number('rounds', 60);
const INTERVAL_MS = options.number('interval-s', 5) * 1000;
const BATCH = options.number('batch', 100);
const BINS = options.number('bins', 40);
const REPO = options.text('repo', 'sqlite');

const PROGRESS_ROUNDS = 20;
const SHIFT_UNDER_WAY_MS = Date.parse('2026-12-03T08:00:00+08:00');

/** Counts the time the engine spends writing its state, the part a slow disk would stretch. */
class TimedRepository implements RulesRepository {
  saveMs = 0;
  saves = 0;
  alerts = 0;

  constructor(private readonly inner: RulesRepository) {}

  loadAlerts(): AlertRecord[] {
    return this.inner.loadAlerts();
  }

  saveAlert(alert: AlertRecord): void {
    this.alerts += 1;
    this.inner.saveAlert(alert);
  }

  loadState(): StateChange[] {
    return this.inner.loadState();
  }

  saveState(changes: StateChange[]): void {
    const started = performance.now();
    this.inner.saveState(changes);
    this.saveMs += performance.now() - started;
    this.saves += 1;
  }

  close(): void {
    this.inner.close();
  }
}

interface Phase {
  name: string;
  events: number;
  seconds: number;
  saveMs: number;
  saves: number;
}

interface Memory {
  rss: number;
  heapUsed: number;
}

function memoryAfterGc(): Memory {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run node with --expose-gc');
  gc();
  gc();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
}

/** Feeds `rounds` fixes per truck starting at `round`, `batch` fixes per ingest call. */
function feed(
  engine: RulesEngine,
  repo: TimedRepository,
  city: SyntheticCity,
  round: number,
  rounds: number,
  batch: number,
  name: string,
): Phase {
  const before = { saveMs: repo.saveMs, saves: repo.saves };
  const total = rounds * TRUCKS;
  let pending: FixRecord[] = [];
  const started = performance.now();

  for (let n = 0; n < total; n++) {
    const i = n % TRUCKS;
    const r = round + Math.floor(n / TRUCKS);
    const ts = SHIFT_UNDER_WAY_MS + r * INTERVAL_MS + Math.floor((i * INTERVAL_MS) / TRUCKS);
    pending.push(fixAt(city, i, ts, ts));
    if (i === TRUCKS - 1 && r % PROGRESS_ROUNDS === 0) progress(r, started, n, repo);
    if (pending.length < batch) continue;
    engine.ingest({ fixes: pending });
    pending = [];
  }
  if (pending.length > 0) engine.ingest({ fixes: pending });

  return {
    name,
    events: total,
    seconds: (performance.now() - started) / 1000,
    saveMs: repo.saveMs - before.saveMs,
    saves: repo.saves - before.saves,
  };
}

/** A line on stderr now and then, so that a slowdown as state grows shows where it starts. */
function progress(round: number, started: number, n: number, repo: TimedRepository): void {
  const s = (performance.now() - started) / 1000;
  const heapMb = mb(process.memoryUsage().heapUsed);
  process.stderr.write(
    `round ${round}: ${(n / s).toFixed(0)} fixes/s so far, heap ${heapMb} MB, ` +
      `state writes ${(repo.saveMs / 1000).toFixed(1)} s in ${repo.saves}\n`,
  );
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'bench-rules-'));
  try {
    const bare = memoryAfterGc();
    const city = syntheticCity(TRUCKS, BINS);
    const withCity = memoryAfterGc();

    const inner = REPO === 'memory' ? new MemoryRulesRepository() : new SqliteRulesRepository(dir);
    const repo = new TimedRepository(inner);
    const engine = new RulesEngine({ registry: city.registry, repository: repo });
    const first = feed(engine, repo, city, 0, 1, BATCH, 'first round: clock starts, routes');
    const single = feed(engine, repo, city, 1, ROUNDS, 1, 'one fix per ingest call');
    const batched = feed(
      engine,
      repo,
      city,
      1 + ROUNDS,
      ROUNDS,
      BATCH,
      `${BATCH} fixes per ingest call`,
    );
    const loaded = memoryAfterGc();
    const statuses = new Map<string, number>();
    for (const { status } of engine.fleet()) statuses.set(status, (statuses.get(status) ?? 0) + 1);
    report([first, single, batched], { bare, withCity, loaded }, repo, statuses);
    engine.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(
  phases: Phase[],
  memory: Record<string, Memory>,
  repo: TimedRepository,
  statuses: Map<string, number>,
): void {
  const fleet = [...statuses].map(([status, n]) => `${n} ${status}`).join(', ');
  const spanMin = ((1 + 2 * ROUNDS) * INTERVAL_MS) / 60_000;
  const header = [
    'phase',
    'fixes/s',
    'wall s',
    'state writes (share, count)',
    'fixes/s outside state writes',
  ];
  const rows = phases.map((phase) => [
    phase.name,
    (phase.events / phase.seconds).toFixed(0),
    phase.seconds.toFixed(1),
    `${((100 * phase.saveMs) / 1000 / phase.seconds).toFixed(0)} % (${phase.saves})`,
    (phase.events / (phase.seconds - phase.saveMs / 1000)).toFixed(0),
  ]);
  const memoryRows = Object.entries({
    'node, nothing loaded': memory.bare,
    [`registry of ${TRUCKS} trucks, ${TRUCKS * BINS} bins`]: memory.withCity,
    [`+ rules engine with their state (${REPO})`]: memory.loaded,
  }).map(([name, m]) => [name, mb(m.rss), mb(m.heapUsed)]);

  process.stdout.write(
    `\n${options.command}\n\n` +
      `${TRUCKS} trucks in shift, a fix every ${INTERVAL_MS / 1000} s of event time each, ` +
      `${ROUNDS} rounds per phase (${spanMin.toFixed(0)} min of event time in all), ` +
      `rule state in ${REPO}.\nAlerts raised: ${repo.alerts}; fleet at the end: ${fleet}\n\n` +
      `${table(header, rows)}\n\n` +
      `${table(['memory after GC', 'RSS MB', 'heap used MB'], memoryRows)}\n`,
  );
}

main();
