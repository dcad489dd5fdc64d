/**
 * Issue 2's figures: single-fix QoS 1 messages a second and 100-fix arrays a second
 * into the embedded store, beside a bare embedded aedes measured in the same run.
 *
 *   node -r @swc-node/register bench/ingest.bench.ts [--clients 32] [--messages 2000]
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PlatformProcess, REPO_ROOT } from '@sanitation/testing';
import { closeAll, connectDevices, LoadDevice, LoadResult, publishLoad } from './mqtt-load';

const args = new Map<string, string>();
process.argv.slice(2).forEach((arg, i, all) => {
  if (arg.startsWith('--')) args.set(arg.slice(2), all[i + 1]);
});
const CLIENTS = Number(args.get('clients') ?? 32);
const MESSAGES = Number(args.get('messages') ?? 2000);
const ARRAYS = Number(args.get('arrays') ?? 100);

const registryPath = join(REPO_ROOT, 'seeds', 'panjin', 'registry.json');
const secrets = JSON.parse(
  readFileSync(join(REPO_ROOT, 'seeds', 'panjin', 'device-secrets.json'), 'utf8'),
) as Record<string, string>;
const gpsDevices: LoadDevice[] = Object.keys(secrets)
  .filter((id) => id.startsWith('gps-'))
  .slice(0, CLIENTS)
  .map((deviceId) => ({ deviceId, secret: secrets[deviceId] }));

const base = Date.now() - 3 * 3_600_000;
const fix = (ts: number) =>
  `{"ts":${ts},"lat":41.12,"lon":122.07,"speedKmh":18.4,"headingDeg":92,"hdop":0.9,"sats":11}`;
const topic = (c: number) => `sanitation/v1/gps/${gpsDevices[c].deviceId}/fix`;
/** Device times unique per device across both runs, so nothing is a duplicate. */
const singleFix = (_c: number, n: number) => fix(base + n * 10);
const hundredFixes = (_c: number, n: number) =>
  `[${Array.from({ length: 100 }, (_, k) => fix(base - 7_200_000 + (n * 100 + k) * 10))}]`;

async function measure(url: string, withSecrets: boolean): Promise<[LoadResult, LoadResult]> {
  const devices = gpsDevices.map((d) => (withSecrets ? d : { deviceId: d.deviceId }));
  const clients = await connectDevices(url, devices);
  const single = await publishLoad(clients, topic, MESSAGES, 1, singleFix);
  const arrays = await publishLoad(clients, topic, ARRAYS, 100, hundredFixes, 8);
  await closeAll(clients);
  return [single, arrays];
}

async function bareAedesPort(): Promise<{ port: number; stop: () => void }> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'bench/bare-aedes.ts'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve) =>
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /port (\d+)/.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    }),
  );
  return { port, stop: () => child.kill() };
}

const row = (name: string, r: LoadResult) =>
  `| ${name.padEnd(44)} | ${r.messagesPerS.toFixed(0).padStart(9)} | ` +
  `${r.elementsPerS.toFixed(0).padStart(10)} | ${r.seconds.toFixed(2).padStart(6)} |`;

async function main(): Promise<void> {
  const bare = await bareAedesPort();
  const [bareSingle, bareArrays] = await measure(`mqtt://127.0.0.1:${bare.port}`, false);
  bare.stop();

  const platform = await new PlatformProcess().start({
    env: { REGISTRY_PATH: registryPath, LOG_LEVEL: 'info' },
  });
  try {
    const [single, arrays] = await measure(platform.mqttUrl, true);
    const stored = await platform.api<unknown[]>(
      `/api/trucks/${gpsDevices[0].deviceId.slice(4)}/track`,
    );

    process.stdout.write(
      `\n${CLIENTS} device connections, QoS 1, ${MESSAGES} single fixes and ${ARRAYS} ` +
        `100-fix arrays per connection\n\n` +
        `| run | messages/s | elements/s | wall s |\n|---|---:|---:|---:|\n` +
        `${row('bare aedes, single fix (ceiling)', bareSingle)}\n` +
        `${row('bare aedes, 100-fix arrays (ceiling)', bareArrays)}\n` +
        `${row('platform → SQLite, single fix', single)}\n` +
        `${row('platform → SQLite, 100-fix arrays', arrays)}\n\n` +
        `check: truck ${gpsDevices[0].deviceId.slice(4)} has ${stored.length} fixes stored ` +
        `(expected ${MESSAGES + ARRAYS * 100})\n`,
    );
  } finally {
    await platform.cleanup();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
