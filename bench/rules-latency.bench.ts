/**
 * Issue 4: publish-to-alert latency under a steady load of live GPS fixes (MQTT QoS 1, one
 * connection per truck). Every `rate / jumps`-th fix moves its truck 5 km, which raises a
 * track_jump on that very message (§4); latency runs from handing that fix to the MQTT client
 * to receiving its alert on `sanitation/v1/alerts/#` as an engineer's subscriber.
 *
 *   node -r @swc-node/register bench/rules-latency.bench.ts [--rate 2000] [--seconds 60]
 *     [--jumps 5] [--warmup 75] [--trucks 132] [--window 64] [--profile DIR]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { connectAsync } from 'mqtt';
import type { Alert } from '@sanitation/contracts';
import { PlatformProcess } from '@sanitation/testing';
import { closeAll, connectDevices } from './mqtt-load';
import { PacedLoad } from './paced-load';
import { counterSum, scrape } from './support/metrics';
import { benchOptions } from './support/options';
import { profilingEnv } from './support/profiling';
import { PANJIN_REGISTRY, panjinFile, panjinSecrets, writeRulesFile } from './support/panjin';
import { spread, table } from './support/stats';

const options = benchOptions('bench/rules-latency.bench.ts');
const RATE = options.number('rate', 2000);
const SECONDS = options.number('seconds', 60);
const JUMPS_PER_S = options.number('jumps', 5);
// The rules keep up to 1000 fixes per truck; at 2000/s over 132 trucks that fills in ~66 s, and
// the cost of persisting rule state grows with it until then.
const WARMUP_S = options.number('warmup', 75);
const TRUCKS = options.number('trucks', 132);
const WINDOW = options.number('window', 64);
const PROFILE_DIR = options.text('profile', '');
const SLICE_S = 10;

const JUMP_LAT_DEG = 0.045; // ≈ 5.0 km north
// Only track_jump is measured: the other GPS rules are pushed out of the run's reach.
const RULES = { defaults: { offRouteS: 86_400, silenceS: 86_400, offlineS: 86_400 } };

interface Truck {
  id: string;
  deviceId: string;
  lat: number;
  lon: number;
}

function trucks(): Truck[] {
  const file = panjinFile();
  return file.trucks.slice(0, TRUCKS).map((truck) => {
    const path = file.routes.find((route) => route.truckId === truck.id)?.path ?? [[41.12, 122.07]];
    const [lat, lon] = path[Math.floor(path.length / 2)];
    return { id: truck.id, deviceId: truck.gpsDeviceId as string, lat, lon };
  });
}

/** Fixes at the current time; a jump toggles the truck between its spot and 5 km north. */
class FixSource {
  readonly sentAt = new Map<string, number>();
  measuring = false;
  private readonly lastTs: number[];
  private readonly moved: boolean[];
  private readonly every = Math.max(1, Math.round(RATE / JUMPS_PER_S));
  private count = 0;

  constructor(private readonly fleet: Truck[]) {
    this.lastTs = fleet.map(() => 0);
    this.moved = fleet.map(() => false);
  }

  payload(c: number): string {
    const ts = Math.max(Date.now(), this.lastTs[c] + 1);
    this.lastTs[c] = ts;
    this.count += 1;
    if (this.measuring && this.count % this.every === 0) {
      this.moved[c] = !this.moved[c];
      this.sentAt.set(`${this.fleet[c].id}|${ts}`, performance.now());
    }

    const truck = this.fleet[c];
    const lat = truck.lat + (this.moved[c] ? JUMP_LAT_DEG : 0);
    return (
      `{"ts":${ts},"lat":${lat.toFixed(6)},"lon":${truck.lon},"speedKmh":18.4,` +
      `"headingDeg":92,"hdop":0.9,"sats":11,"ignition":true}`
    );
  }
}

let measuredFrom = 0;

const sleep = (delayMs: number) => new Promise((resolve) => setTimeout(resolve, delayMs));

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-latency-'));
  const platform = new PlatformProcess();
  try {
    await platform.start({
      env: {
        REGISTRY_PATH: PANJIN_REGISTRY,
        RULES_PATH: writeRulesFile(dir, RULES),
        // PlatformProcess waits for the listening-port lines, which are logged at info.
        LOG_LEVEL: 'info',
        ...profilingEnv(PROFILE_DIR),
      },
    });
    await run(platform);
  } finally {
    await platform.cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function run(platform: PlatformProcess): Promise<void> {
  const fleet = trucks();
  const secrets = panjinSecrets();
  const source = new FixSource(fleet);
  const latencies: { atS: number; ms: number }[] = [];
  const benchLoop = monitorEventLoopDelay({ resolution: 10 });
  const others = new Map<string, number>();

  const subscriber = await connectAsync(platform.mqttUrl, {
    username: 'token',
    password: platform.tokens.engineer,
    protocolVersion: 4,
  });
  subscriber.on('message', (_topic, payload) => {
    const receivedAt = performance.now();
    const alert = JSON.parse(payload.toString()) as Alert;
    const sentAt = source.sentAt.get(`${alert.truckId}|${Date.parse(alert.openedAt)}`);
    if (alert.type === 'track_jump' && alert.state === 'open' && sentAt !== undefined) {
      latencies.push({ atS: (sentAt - measuredFrom) / 1000, ms: receivedAt - sentAt });
    } else {
      others.set(alert.type, (others.get(alert.type) ?? 0) + 1);
    }
  });
  await subscriber.subscribeAsync('sanitation/v1/alerts/#', { qos: 1 });

  const clients = await connectDevices(
    platform.mqttUrl,
    fleet.map((truck) => ({ deviceId: truck.deviceId, secret: secrets[truck.deviceId] })),
  );
  const load = new PacedLoad({
    clients,
    topicOf: (c) => `sanitation/v1/gps/${fleet[c].deviceId}/fix`,
    payload: (c) => source.payload(c),
    ratePerS: RATE,
    window: WINDOW,
  });
  const cpuBefore = await platformCpuS(platform);
  load.start();
  await sleep(WARMUP_S * 1000);

  source.measuring = true;
  benchLoop.enable();
  const ackedBefore = load.totalAcked;
  measuredFrom = performance.now();
  await sleep(SECONDS * 1000);
  source.measuring = false;
  benchLoop.disable();
  const ackedRate = (load.totalAcked - ackedBefore) / ((performance.now() - measuredFrom) / 1000);
  const cpuS = (await platformCpuS(platform)) - cpuBefore;
  const wallS = WARMUP_S + SECONDS;
  await load.stop(10_000);
  await sleep(2_000);

  await closeAll([...clients, subscriber]);
  const benchLagP99Ms = benchLoop.percentile(99) / 1e6;
  report({
    latencies,
    others,
    expected: source.sentAt.size,
    ackedRate,
    load,
    cpuS,
    wallS,
    benchLagP99Ms,
  });
}

async function platformCpuS(platform: PlatformProcess): Promise<number> {
  return counterSum(await scrape(platform.httpUrl), 'sanitation_process_process_cpu_seconds_total');
}

interface Outcome {
  latencies: { atS: number; ms: number }[];
  benchLagP99Ms: number;
  others: Map<string, number>;
  expected: number;
  ackedRate: number;
  load: PacedLoad;
  cpuS: number;
  wallS: number;
}

const ms = (value: number) => value.toFixed(1);

function report(outcome: Outcome): void {
  const s = spread(outcome.latencies.map((l) => l.ms));
  const slices = Array.from({ length: Math.ceil(SECONDS / SLICE_S) }, (_, k) => {
    const inSlice = outcome.latencies.filter((l) => Math.floor(l.atS / SLICE_S) === k);
    const slice = spread(inSlice.map((l) => l.ms));
    return [`${k * SLICE_S}-${(k + 1) * SLICE_S} s`, slice.n, ms(slice.p50), ms(slice.p99)];
  });
  const otherText = [...outcome.others].map(([type, n]) => `${type} ${n}`).join(', ') || 'none';
  process.stdout.write(
    `\n${options.command}\n\n` +
      `${TRUCKS} GPS connections, target ${RATE} fixes/s (QoS 1, window ${WINDOW}), ` +
      `${WARMUP_S} s warm-up + ${SECONDS} s measured, ${JUMPS_PER_S} track jumps/s\n\n` +
      `${table(
        ['measure', 'value'],
        [
          ['fixes acknowledged /s (measured span)', outcome.ackedRate.toFixed(0)],
          ['publishes failed', outcome.load.totalFailed],
          [
            'platform CPU (share of one core)',
            `${((100 * outcome.cpuS) / outcome.wallS).toFixed(0)} %`,
          ],
          ['track_jump alerts received / injected', `${s.n} / ${outcome.expected}`],
          ['publish → alert p50 ms', ms(s.p50)],
          ['publish → alert p99 ms', ms(s.p99)],
          ['publish → alert max ms', ms(s.max)],
          ['this process: event-loop delay p99 ms', ms(outcome.benchLagP99Ms)],
        ],
      )}\n\n${table(['jumps sent at', 'alerts', 'p50 ms', 'p99 ms'], slices)}\n\n` +
      `other alerts received: ${otherText}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
