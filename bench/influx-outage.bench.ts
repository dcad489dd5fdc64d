/**
 * Issue 3's durability check: with ~10k fix messages a second flowing into the platform
 * (STORE=influxdb, InfluxDB 1.6.7), influxd is frozen (SIGSTOP) for `--outage-s`, then
 * thawed. Every acknowledged fix must reach InfluxDB (an InfluxQL count) and the spool must
 * be empty within twice the outage. Not a test: it prints figures and PASS or FAIL.
 *
 * Run: node -r @swc-node/register bench/influx-outage.bench.ts
 *        [--outage-s 60] [--before-s 20] [--after-s 20] [--rate 10000] [--devices 132]
 *        [--window 64]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MqttClient } from 'mqtt';
import { PlatformProcess, REPO_ROOT, startInfluxd, type InfluxdServer } from '@sanitation/testing';
import { closeAll, connectDevices } from './mqtt-load';
import {
  countByDevice,
  countFixes,
  SAMPLE_MS,
  Sampler,
  spoolBytes,
  type Sample,
} from './outage-probes';
import { PacedLoad } from './paced-load';

const REGISTRY = join(REPO_ROOT, 'seeds', 'panjin', 'registry.json');
const SECRETS = join(REPO_ROOT, 'seeds', 'panjin', 'device-secrets.json');
const DB = 'sanitation';
const ACK_WAIT_MS = 30_000;
const COUNT_WAIT_MS = 30_000;

interface Options {
  outageS: number;
  beforeS: number;
  afterS: number;
  rate: number;
  devices: number;
  window: number;
}

function parseOptions(argv: string[]): Options {
  const options: Options = {
    outageS: 60,
    beforeS: 20,
    afterS: 20,
    rate: 10_000,
    devices: 132,
    window: 64,
  };
  const names: Record<string, keyof Options> = {
    '--outage-s': 'outageS',
    '--before-s': 'beforeS',
    '--after-s': 'afterS',
    '--rate': 'rate',
    '--devices': 'devices',
    '--window': 'window',
  };

  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = argv[i].split('=');
    const key = names[flag];
    const value = Number(inline ?? argv[++i]);
    if (!key || !(value > 0)) throw new Error(`bad option ${argv[i]}; see the header`);
    options[key] = value;
  }
  return options;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function gpsDevices(count: number): { deviceId: string; secret: string }[] {
  const registry = JSON.parse(readFileSync(REGISTRY, 'utf8')) as {
    devices: { id: string; kind: string }[];
  };
  const secrets = JSON.parse(readFileSync(SECRETS, 'utf8')) as Record<string, string>;
  const gps = registry.devices.filter((d) => d.kind === 'gps').slice(0, count);
  if (gps.length < count) throw new Error(`the Panjin registry has only ${gps.length} GPS units`);
  return gps.map((d) => ({ deviceId: d.id, secret: secrets[d.id] }));
}

function fixPayload(t0: number) {
  return (c: number, n: number): string =>
    JSON.stringify({
      ts: t0 + n,
      lat: 41.1 + c * 0.0005,
      lon: 122.05 + (n % 1_000) * 1e-6,
      speedKmh: 12.5,
      headingDeg: 90,
      hdop: 0.9,
      sats: 11,
      ignition: true,
      seq: n,
    });
}

function ackedAt(samples: Sample[], atS: number): number {
  const sample = samples.find((s) => s.atS >= atS) ?? samples[samples.length - 1];
  return sample?.acked ?? 0;
}

function phaseRate(samples: Sample[], fromS: number, toS: number): number {
  return (ackedAt(samples, toS) - ackedAt(samples, fromS)) / (toS - fromS);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const devices = gpsDevices(options.devices);
  let influxd: InfluxdServer | null = null;
  let platform: PlatformProcess | null = null;
  let clients: MqttClient[] = [];

  try {
    influxd = await startInfluxd();
    platform = await new PlatformProcess().start({
      env: {
        STORE: 'influxdb',
        INFLUX_URL: influxd.url,
        INFLUX_DB: DB,
        REGISTRY_PATH: REGISTRY,
        LOG_LEVEL: 'info', // the listening ports are logged at info
      },
    });
    clients = await connectDevices(platform.mqttUrl, devices);
    console.log(
      `influxd ${influxd.url}, platform http ${platform.httpUrl}, ${clients.length} devices, ` +
        `target ${options.rate} fix messages/s, outage ${options.outageS} s`,
    );

    const ids = devices.map((d) => d.deviceId);
    const run = await runOutage(options, influxd, platform, clients, ids);
    const pass = report(options, run, ids);
    if (!pass)
      console.log('\nplatform log (tail):\n' + platform.log.split('\n').slice(-30).join('\n'));
    process.exitCode = pass ? 0 : 1;
  } finally {
    await closeAll(clients).catch(() => undefined);
    await platform?.cleanup();
    await influxd?.dispose();
  }
}

interface OutageRun {
  load: PacedLoad;
  samples: Sample[];
  /** Seconds from the start of publishing. */
  pausedS: number;
  resumedS: number;
  stoppedS: number;
  countedS: number;
  counted: number;
  perDevice: Map<string, number>;
}

async function runOutage(
  options: Options,
  influxd: InfluxdServer,
  platform: PlatformProcess,
  clients: MqttClient[],
  ids: string[],
): Promise<OutageRun> {
  const t0 = Date.now() - 120_000; // device time of each unit's first fix; +1 ms per fix
  const startedAt = Date.now();
  const elapsedS = () => (Date.now() - startedAt) / 1000;
  const load = new PacedLoad({
    clients,
    topicOf: (c) => `sanitation/v1/gps/${ids[c]}/fix`,
    payload: fixPayload(t0),
    ratePerS: options.rate,
    window: options.window,
  });
  const sampler = new Sampler(platform, load, startedAt);

  load.start();
  sampler.start();
  await sleep(options.beforeS * 1000);

  influxd.pause();
  const pausedS = elapsedS();
  console.log(`${pausedS.toFixed(1)} s: influxd SIGSTOP (${load.totalAcked} fixes acked)`);
  await sleep(options.outageS * 1000);

  influxd.resume();
  const resumedS = elapsedS();
  console.log(`${resumedS.toFixed(1)} s: influxd SIGCONT, spool ${spoolBytes(platform.dataDir)} B`);
  await sleep(options.afterS * 1000);

  await load.stop(ACK_WAIT_MS);
  const stoppedS = elapsedS();
  console.log(`${stoppedS.toFixed(1)} s: publishing stopped (${load.totalAcked} acked)`);

  const drainLimitS = resumedS + Math.max(4 * options.outageS, 120);
  while (elapsedS() < drainLimitS && sampler.latest()?.backlog !== 0) await sleep(200);
  await sleep(SAMPLE_MS * 1.5);
  await sampler.stop();

  let counted = await countFixes(influxd, DB, t0);
  const countDeadline = Date.now() + COUNT_WAIT_MS;
  while (counted < load.totalAcked && Date.now() < countDeadline) {
    await sleep(500);
    counted = await countFixes(influxd, DB, t0);
  }

  return {
    load,
    samples: sampler.samples,
    pausedS,
    resumedS,
    stoppedS,
    countedS: elapsedS(),
    counted,
    perDevice: await countByDevice(influxd, DB, t0),
  };
}

/** Prints the figures and the checks; true when every check passed. */
function report(options: Options, run: OutageRun, ids: string[]): boolean {
  const { load, samples, pausedS, resumedS, stoppedS } = run;
  const sent = load.totalAcked;
  const outageS = resumedS - pausedS;
  const spooled = samples.filter((s) => s.atS >= pausedS && (s.backlog ?? 0) > 0);
  const emptied = samples.find((s) => s.atS > resumedS && s.backlog === 0);
  const drainS = emptied && spooled.length > 0 ? emptied.atS - resumedS : Number.NaN;
  const peakBacklog = Math.max(0, ...samples.map((s) => s.backlog ?? 0));
  const peakSpoolMb = Math.max(0, ...samples.map((s) => s.spoolBytes)) / 1e6;
  const wrongDevices = ids.filter((id, c) => (run.perDevice.get(id) ?? 0) !== load.acked[c]);
  const beforeRate = phaseRate(samples, 1, pausedS);
  const drained = Number.isNaN(drainS) ? 'never seen empty' : `${drainS.toFixed(1)} s`;

  // The verdict is durability; the rate only says whether the run showed the target load.
  const rateOk = beforeRate >= 0.9 * options.rate;
  const checks: [string, boolean][] = [
    ['every acknowledged fix counted in InfluxDB', run.counted === sent],
    ['per-device counts equal per-device acks', wrongDevices.length === 0],
    ['no publish failed or stayed unacknowledged', load.totalFailed + load.outstanding === 0],
    ['the spool was used during the outage', spooled.length > 0],
    [`spool empty within 2 x outage (${(2 * outageS).toFixed(0)} s)`, drainS < 2 * outageS],
  ];
  const pass = checks.every(([, ok]) => ok);

  console.log(
    [
      '',
      `achieved publish rate    ${load.achievedRate.toFixed(0)} fix messages/s overall ` +
        `(target ${options.rate}); before the outage ${beforeRate.toFixed(0)}/s, during ` +
        `${phaseRate(samples, pausedS, resumedS).toFixed(0)}/s, after ` +
        `${phaseRate(samples, resumedS, stoppedS).toFixed(0)}/s`,
      `outage (SIGSTOP..SIGCONT) ${outageS.toFixed(1)} s`,
      `peak spool               ${peakBacklog} points, ${peakSpoolMb.toFixed(1)} MB on disk`,
      `spool drained            ${drained} after SIGCONT (goal < ${(2 * outageS).toFixed(0)} s); ` +
        `count confirmed ${(run.countedS - resumedS).toFixed(1)} s after SIGCONT`,
      `points sent vs counted   ${sent} acknowledged (${load.totalFailed} failed, ` +
        `${load.outstanding} unacknowledged) vs ${run.counted} in InfluxDB`,
      ...checks.map(([what, ok]) => `  ${ok ? 'ok  ' : 'FAIL'} ${what}`),
      ...(wrongDevices.length > 0
        ? [`  devices off: ${wrongDevices.slice(0, 10).join(', ')}`]
        : []),
      `  ${rateOk ? 'ok  ' : 'WARN'} publish rate before the outage >= 90% of ${options.rate}/s` +
        (rateOk ? '' : ': the load was lighter than the target (CPU-bound publisher or platform)'),
      pass ? 'PASS' : 'FAIL',
    ].join('\n'),
  );
  return pass;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
