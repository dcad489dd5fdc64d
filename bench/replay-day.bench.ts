/**
 * Issue 5: how fast the city-day generator makes a simulated Panjin day, how fast the replayer
 * publishes it (into a bare in-process aedes, then into a fresh platform at `--speed max`, each
 * device with its own credentials), the wall time until the platform has taken every message,
 * and the alerts it raised against the generator's ground truth.
 *
 * The day generated is yesterday's (local time), so every device time lies inside the
 * platform's acceptance window (§2: not older than RETENTION_DAYS, not ahead of its clock).
 *
 * Faults come from `--scenario` (default: a few of each kind, bench/support/panjin-faults.json;
 * `--scenario none` for a clean day). `--profile DIR` writes the platform's CPU profile there.
 *
 *   node -r @swc-node/register bench/replay-day.bench.ts [--seed bench] [--trucks 0]
 *     [--in-flight 2000] [--order recorded|any] [--timeout-s 120] [--scenario FILE|none]
 *     [--profile DIR]
 */
import { join } from 'node:path';
import type { Alert } from '@sanitation/contracts';
import { loadRegistry, Registry } from '@sanitation/registry';
import { ShiftCalendar } from '@sanitation/rules';
import { PlatformProcess } from '@sanitation/testing';
import { startAedes } from '../simulators/support/aedes-broker';
import { generateCityDay } from '../simulators/city-day/generate';
import { EMPTY_SCENARIO, loadScenario } from '../simulators/city-day/scenario';
import type { CityDay } from '../simulators/city-day/types';
import { replayMessages, ReplaySummary } from '../simulators/traffic/replay';
import { counterSum, scrape } from './support/metrics';
import { benchOptions } from './support/options';
import { profilingEnv } from './support/profiling';
import { PANJIN_REGISTRY, panjinSecrets } from './support/panjin';
import { table } from './support/stats';

const options = benchOptions('bench/replay-day.bench.ts');
const SEED = options.text('seed', 'bench');
const TRUCKS = options.number('trucks', 0);
const IN_FLIGHT = options.number('in-flight', 2000);
/** `any` lets devices overtake each other: faster, but the alerts may then differ. */
const ORDERED = options.text('order', 'recorded') !== 'any';
const TIMEOUT_S = options.number('timeout-s', 120);
const SCENARIO = options.text('scenario', join(__dirname, 'support', 'panjin-faults.json'));
const PROFILE_DIR = options.text('profile', '');
const POLL_MS = 100;

const DAY_MS = 86_400_000;

/** Local midnight that began yesterday in the registry's timezone. */
function yesterdayStartMs(registry: Registry): number {
  const calendar = new ShiftCalendar(registry.timezone);
  const [year, month, day] = calendar
    .localDate(Date.now() - DAY_MS)
    .split('-')
    .map(Number);
  return calendar.localToUtc(year, month, day, 0, 0);
}

function generate(registry: Registry): { day: CityDay; seconds: number } {
  const truckIds = TRUCKS > 0 ? [...registry.trucks.keys()].slice(0, TRUCKS) : undefined;
  const started = performance.now();
  const day = generateCityDay(registry, {
    seed: SEED,
    startMs: yesterdayStartMs(registry),
    hours: 24,
    truckIds,
    scenario: SCENARIO === 'none' ? EMPTY_SCENARIO : loadScenario(SCENARIO),
  });
  return { day, seconds: (performance.now() - started) / 1000 };
}

async function replayIntoBareAedes(day: CityDay): Promise<ReplaySummary> {
  const broker = await startAedes();
  try {
    return await replayMessages(day.messages, {
      url: broker.url,
      speed: Infinity,
      maxInFlight: IN_FLIGHT,
    });
  } finally {
    await broker.close();
  }
}

/** Polls `/metrics` until the platform has counted `expected` device messages. */
async function waitForMessagesIn(platform: PlatformProcess, expected: number): Promise<number> {
  const deadline = Date.now() + TIMEOUT_S * 1000;
  for (;;) {
    const seen = counterSum(await scrape(platform.httpUrl), 'sanitation_messages_in_total');
    if (seen >= expected || Date.now() > deadline) return seen;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

interface PlatformRun {
  replay: ReplaySummary;
  storedS: number;
  countedAtPuback: number;
  messagesIn: number;
  rejected: number;
  alerts: Alert[];
}

async function replayIntoPlatform(day: CityDay): Promise<PlatformRun> {
  const platform = new PlatformProcess();
  try {
    // PlatformProcess waits for the listening-port lines, which are logged at info.
    const env = { REGISTRY_PATH: PANJIN_REGISTRY, LOG_LEVEL: 'info', ...profilingEnv(PROFILE_DIR) };
    await platform.start({ env });
    const started = performance.now();
    const replay = await replayMessages(day.messages, {
      url: platform.mqttUrl,
      secrets: panjinSecrets(),
      speed: Infinity,
      maxInFlight: IN_FLIGHT,
      ordered: ORDERED,
    });
    const countedAtPuback = counterSum(
      await scrape(platform.httpUrl),
      'sanitation_messages_in_total',
    );
    const messagesIn = await waitForMessagesIn(platform, day.messages.length);
    const storedS = (performance.now() - started) / 1000;

    const metrics = await scrape(platform.httpUrl);
    const alerts = await platform.api<Alert[]>('/api/alerts?limit=10000');
    return {
      replay,
      storedS,
      countedAtPuback,
      messagesIn,
      rejected: counterSum(metrics, 'sanitation_elements_rejected_total'),
      alerts,
    };
  } finally {
    await platform.cleanup();
  }
}

function countByType(types: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const type of types) counts.set(type, (counts.get(type) ?? 0) + 1);
  return counts;
}

function report(day: CityDay, generateS: number, bare: ReplaySummary, run: PlatformRun): void {
  const sent = day.messages.length;
  const rate = (n: number, s: number) => (n / s).toFixed(0);
  const truth = countByType(day.truth.alerts.map((alert) => alert.type));
  const raised = countByType(run.alerts.map((alert) => alert.type));
  const types = [...new Set([...truth.keys(), ...raised.keys()])].sort();
  const alertRows = types.map((type) => [type, truth.get(type) ?? 0, raised.get(type) ?? 0]);
  alertRows.push(['total', day.truth.alerts.length, run.alerts.length]);

  process.stdout.write(
    `\n${options.command}\n\n` +
      `Panjin day of ${day.truth.start} (seed ${SEED}): ${sent} messages from ` +
      `${run.replay.devices} devices, QoS 1, ${IN_FLIGHT} publishes in flight\n\n` +
      `${table(
        ['step', 'messages', 'wall s', 'msg/s'],
        [
          [
            'generate the day (incl. ground truth)',
            sent,
            generateS.toFixed(1),
            rate(sent, generateS),
          ],
          [
            'replay → bare in-process aedes',
            bare.messages,
            (bare.wallMs / 1000).toFixed(1),
            rate(bare.messages, bare.wallMs / 1000),
          ],
          [
            'replay → platform, first publish to last PUBACK',
            run.replay.messages,
            (run.replay.wallMs / 1000).toFixed(1),
            rate(run.replay.messages, run.replay.wallMs / 1000),
          ],
          [
            'device logins + replay until /metrics counts all',
            run.messagesIn,
            run.storedS.toFixed(1),
            rate(run.messagesIn, run.storedS),
          ],
        ],
      )}\n\n` +
      `counted in /metrics right after the last PUBACK: ${run.countedAtPuback}; ` +
      `elements rejected (dead letters): ${run.rejected}\n\n` +
      `${table(['alert type', 'ground truth', 'platform'], alertRows)}\n`,
  );
}

async function main(): Promise<void> {
  const registry = loadRegistry(PANJIN_REGISTRY);
  const { day, seconds } = generate(registry);
  const bare = await replayIntoBareAedes(day);
  const run = await replayIntoPlatform(day);
  report(day, seconds, bare, run);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
