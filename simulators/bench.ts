/**
 * Benchmark: how many messages per second the city-day generator produces, and how fast the
 * replayer pushes a whole simulated Panjin day into an in-process aedes at QoS 1.
 * Usage: node -r @swc-node/register simulators/bench.ts [--registry FILE] [--trucks N]
 */
import { loadRegistry } from '@sanitation/registry';
import { generateCityDay } from './city-day/generate';
import { evaluateTruth } from './city-day/truth/evaluate';
import { parseArgs } from './support/args';
import { startAedes } from './support/aedes-broker';
import { formatSeconds } from './support/progress';
import { replayMessages } from './traffic/replay';

async function bench(argv: string[]): Promise<void> {
  const args = parseArgs(argv);
  const registry = loadRegistry(args.values.get('registry') ?? 'seeds/panjin/registry.json');
  const truckCount = Number(args.values.get('trucks') ?? 0);
  const truckIds = truckCount > 0 ? [...registry.trucks.keys()].slice(0, truckCount) : undefined;

  const generateStart = process.hrtime.bigint();
  const day = generateCityDay(registry, { seed: 'bench', hours: 24, truckIds,
    startMs: Date.parse('2026-12-03T00:00:00+08:00') });
  const generateS = Number(process.hrtime.bigint() - generateStart) / 1e9;
  const truthStart = process.hrtime.bigint();
  evaluateTruth(registry, day.messages);
  const truthS = Number(process.hrtime.bigint() - truthStart) / 1e9;
  const count = day.messages.length;
  process.stdout.write(`generator: ${count} messages (${registry.city}, ${truckIds?.length ??
    registry.trucks.size} trucks) in ${generateS.toFixed(2)} s incl. ground truth = ` +
    `${Math.round(count / generateS)} msg/s; ground truth alone ${truthS.toFixed(2)} s\n`);

  const broker = await startAedes();
  try {
    const summary = await replayMessages(day.messages, { url: broker.url, speed: Infinity,
      progress: true, label: 'replay' });
    process.stdout.write(`replayer: ${summary.messages} messages from ${summary.devices} ` +
      `devices, QoS 1 to in-process aedes at --speed max in ` +
      `${formatSeconds(summary.wallMs / 1000)}` +
      ` = ${Math.round(summary.ratePerS)} msg/s (a ${formatSeconds(summary.spanMs / 1000)} day)\n`);
  } finally {
    await broker.close();
  }
}

bench(process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exitCode = 1;
});
