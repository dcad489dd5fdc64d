/** Entry of the simulator tools: city-day, record, replay, check. */
import { checkCommand, CHECK_HELP } from './check/cli';
import { cityDayCommand, CITY_DAY_HELP } from './city-day/cli';
import { recordCommand, RECORD_HELP, replayCommand, REPLAY_HELP } from './traffic/cli';

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  'city-day': cityDayCommand,
  record: recordCommand,
  replay: replayCommand,
  check: checkCommand,
};

const USAGE = `usage: node -r @swc-node/register simulators/main.ts <command> [options]

${CITY_DAY_HELP}
${RECORD_HELP}
${REPLAY_HELP}
${CHECK_HELP}`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const run = command ? COMMANDS[command] : undefined;
  if (!run) {
    process.stderr.write(USAGE);
    return command === '--help' || command === 'help' ? 0 : 2;
  }
  return run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    process.stderr.write(`${error.stack ?? error.message}\n`);
    process.exitCode = 1;
  },
);
