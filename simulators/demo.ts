/**
 * `npm run demo`: the platform on its embedded defaults and a simulated Panjin day
 * (yesterday, from 04:25 local) driven at 60x, with a few faults early on, so that a
 * newcomer sees trucks move, bins emptied, tickets logged and alerts raised in minutes.
 *
 * Yesterday, not today: at 60x the simulated clock runs ahead of the wall clock, and
 * device times more than 5 minutes in the future are rejected (contract §2).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadRegistry } from '@sanitation/registry';
import { localDate, localToUtcMs } from './city-day/local-time';
import { generateCityDay } from './city-day/generate';
import { loadScenario } from './city-day/scenario';
import { replayMessages } from './traffic/replay';
import { DemoLog } from './demo-log';

const ROOT = resolve(__dirname, '..');
const DAY_MS = 86_400_000;
const SPEED = Number(process.env.DEMO_SPEED ?? 60);

async function main(): Promise<void> {
  const registryPath = resolve(
    process.env.REGISTRY_PATH ?? join(ROOT, 'seeds/panjin/registry.json'),
  );
  const dataDir = resolve(process.env.DATA_DIR ?? join(ROOT, 'data'));
  const platform = spawn(
    process.execPath,
    ['-r', '@swc-node/register', 'apps/platform/src/main.ts'],
    {
      cwd: ROOT,
      env: { ...process.env, REGISTRY_PATH: registryPath, DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const log = new DemoLog();
  const ports = log.follow(platform);
  const stop = () => platform.kill('SIGTERM');
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  platform.once('exit', (code) => process.exit(code ?? 0));

  const { mqttPort, httpPort } = await ports;
  log.banner(httpPort, adminToken(dataDir));

  const registry = loadRegistry(registryPath);
  const yesterday = localDate(Date.now() - DAY_MS, registry.timezone);
  const day = generateCityDay(registry, {
    seed: 'demo',
    startMs: localToUtcMs(yesterday, '04:25', registry.timezone),
    hours: 19,
    scenario: loadScenario(join(ROOT, 'simulators/scenarios/panjin-demo.json')),
  });
  log.line(
    `simulating ${yesterday} in Panjin: ${day.messages.length} messages at ${SPEED}x; ` +
      `${day.truth.alerts.length} alerts expected`,
  );

  const secrets = JSON.parse(readFileSync(join(ROOT, 'seeds/panjin/device-secrets.json'), 'utf8'));
  const summary = await replayMessages(day.messages, {
    url: `mqtt://127.0.0.1:${mqttPort}`,
    secrets,
    speed: SPEED,
    progress: false,
    label: 'demo',
  });
  log.line(
    `the simulated day is over: ${summary.messages} messages published; ` +
      'the platform keeps running (Ctrl-C stops it)',
  );
}

function adminToken(dataDir: string): string | null {
  if (process.env.API_TOKENS) return null;
  const path = join(dataDir, 'admin-token');
  return existsSync(path) ? readFileSync(path, 'utf8').trim() : null;
}

main().catch((error: unknown) => {
  process.stderr.write(`demo failed: ${(error as Error).stack}\n`);
  process.exit(1);
});
