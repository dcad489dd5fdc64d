/** `record` and `replay` subcommands. */
import { readFileSync } from 'node:fs';
import { TOPIC_ROOT } from '@sanitation/contracts';
import { parseArgs, parseSpeed, requireValue } from '../support/args';
import { formatSeconds } from '../support/progress';
import { startRecorder } from './record';
import { replayMessages } from './replay';
import { DAY_MS, daysToNow } from './shift-times';
import { decodePayload, loadTraffic } from './traffic-file';

export const RECORD_HELP = `record: write live traffic to a traffic file (contract §6)

  --url URL        broker, e.g. mqtt://localhost:1883
  --token TOKEN    engineer or admin API token (username "token")
  --out FILE       traffic file to write
  --topic FILTER   subscription (default sanitation/v1/#)
  --seconds N      stop after N seconds (default: until Ctrl-C)
`;

export const REPLAY_HELP = `replay: publish a traffic file with each device's own credentials

  --url URL            broker
  --file FILE          traffic file
  --secrets FILE       {deviceId: secret}
  --speed N|max        pace, 1 = as recorded (default 1)
  --shift-to-now       move device times by whole days so the day replays as today
  --shift-days N       move device times by N days (either option rewrites payload bytes)
  --max-in-flight N    QoS 1 publishes of one device awaiting PUBACK (default 2000)
  --unordered          let devices overtake each other (broker load tests only: the
                       platform may then raise alerts the recorded day did not)
`;

export async function recordCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['help']);
  if (args.flags.has('help')) {
    process.stdout.write(RECORD_HELP);
    return 0;
  }

  const out = requireValue(args, 'out');
  const recorder = await startRecorder({ url: requireValue(args, 'url'),
    token: args.values.get('token'), out, topic: args.values.get('topic') });
  process.stderr.write(`recording to ${out}; Ctrl-C to stop\n`);

  const seconds = args.values.get('seconds');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
    if (seconds !== undefined) setTimeout(resolve, Number(seconds) * 1000);
  });
  await recorder.stop();
  process.stdout.write(`recorded ${recorder.count} messages to ${out}\n`);
  return 0;
}

/** Alerts and fleet states are the platform's output, not device traffic (contract §3). */
function isPlatformOutput(topic: string): boolean {
  return topic.startsWith(`${TOPIC_ROOT}/alerts/`) || topic.startsWith(`${TOPIC_ROOT}/fleet/`);
}

export async function replayCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['help', 'shift-to-now', 'unordered']);
  if (args.flags.has('help')) {
    process.stdout.write(REPLAY_HELP);
    return 0;
  }

  const recorded = await loadTraffic(requireValue(args, 'file'));
  const records = recorded.filter((record) => !isPlatformOutput(record.topic));
  if (records.length < recorded.length) {
    process.stderr.write(`skipping ${recorded.length - records.length} messages the platform ` +
      'itself published (alerts, fleet state): a replay re-creates them\n');
  }
  const secretsPath = args.values.get('secrets');
  const shiftDays = args.flags.has('shift-to-now') ? daysToNow(records[0]?.t ?? Date.now())
    : Number(args.values.get('shift-days') ?? 0);
  if (shiftDays !== 0) process.stderr.write(`shifting device times by ${shiftDays} day(s)\n`);

  const summary = await replayMessages(
    records.map((record) => ({ ...record, payload: decodePayload(record) })),
    {
      url: requireValue(args, 'url'),
      secrets: secretsPath ? JSON.parse(readFileSync(secretsPath, 'utf8')) : undefined,
      speed: parseSpeed(args.values.get('speed'), 1),
      shiftMs: shiftDays * DAY_MS,
      maxInFlight: args.values.has('max-in-flight') ? Number(args.values.get('max-in-flight'))
        : undefined,
      ordered: !args.flags.has('unordered'),
      progress: true,
    },
  );
  process.stdout.write(`replayed ${summary.messages} messages from ${summary.devices} devices, ` +
    `${formatSeconds(summary.spanMs / 1000)} of traffic in ` +
    `${formatSeconds(summary.wallMs / 1000)}` +
    ` (${Math.round(summary.ratePerS)} msg/s)\n`);
  return 0;
}
