/** `city-day`: generate a simulated day, to a traffic file or live to a broker. */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseDeviceTime } from '@sanitation/contracts';
import { loadRegistry } from '@sanitation/registry';
import { parseArgs, parseSpeed } from '../support/args';
import { replayMessages } from '../traffic/replay';
import { generateCityDay } from './generate';
import { localDate, localToUtcMs } from './local-time';
import { EMPTY_SCENARIO, loadScenario } from './scenario';
import { writeTrafficFile } from './traffic-out';

export const CITY_DAY_HELP = `city-day: simulate a city's collection day

  --registry FILE     registry (default seeds/panjin/registry.json)
  --seed TEXT         seed; same inputs and seed give the same traffic (default 1)
  --start TIME        window start, ISO with offset (default today 00:00 in the city's zone);
                      shifts starting after it and within --hours are simulated whole
  --hours N           window length in hours (default 24)
  --trucks T001,T002  only these trucks (default all)
  --scenario FILE     faults to inject (JSON, see simulators/README.md)
  --out FILE          write a traffic file (no broker needed)
  --truth FILE        write the ground truth (default: next to --out as .truth.json)
  --url URL           publish live instead, e.g. mqtt://localhost:1883
  --secrets FILE      {deviceId: secret} for --url
  --speed N|max       live pace, 1 = real time (default 1)
`;

export async function cityDayCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['help']);
  if (args.flags.has('help')) {
    process.stdout.write(CITY_DAY_HELP);
    return 0;
  }

  const registry = loadRegistry(args.values.get('registry') ?? 'seeds/panjin/registry.json');
  const startText = args.values.get('start');
  const startMs = startText === undefined
    ? localToUtcMs(localDate(Date.now(), registry.timezone), '00:00', registry.timezone)
    : parseStart(startText);
  const scenarioPath = args.values.get('scenario');
  const day = generateCityDay(registry, {
    seed: args.values.get('seed') ?? '1',
    startMs,
    hours: Number(args.values.get('hours') ?? 24),
    truckIds: args.values.get('trucks')?.split(',').filter(Boolean),
    scenario: scenarioPath ? loadScenario(scenarioPath) : EMPTY_SCENARIO,
  });
  day.warnings.forEach((warning) => process.stderr.write(`warning: ${warning}\n`));

  const out = args.values.get('out');
  const url = args.values.get('url');
  if (!out && !url) throw new Error('give --out FILE or --url URL');
  const truthPath = args.values.get('truth') ?? (out ? out.replace(/(\.ndjson)?$/, '.truth.json')
    : undefined);
  if (truthPath) writeFileSync(truthPath, `${JSON.stringify(day.truth, null, 2)}\n`);

  if (out) {
    await writeTrafficFile(out, day.messages);
    process.stdout.write(`${day.messages.length} messages to ${out}; ` +
      `${day.truth.alerts.length} expected alerts${truthPath ? ` in ${truthPath}` : ''}\n`);
  }
  if (url) {
    const secretsPath = args.values.get('secrets');
    const summary = await replayMessages(day.messages, {
      url,
      secrets: secretsPath ? JSON.parse(readFileSync(secretsPath, 'utf8')) : undefined,
      speed: parseSpeed(args.values.get('speed'), 1),
      progress: true,
      label: 'city-day',
    });
    process.stdout.write(`published ${summary.messages} messages from ${summary.devices} devices ` +
      `in ${(summary.wallMs / 1000).toFixed(1)} s (${Math.round(summary.ratePerS)} msg/s)\n`);
  }
  return 0;
}

function parseStart(text: string): number {
  const parsed = parseDeviceTime(text, '--start');
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.ms;
}
