/**
 * `npm run cli -- <command> [args]`: the platform's command-line tools. Each command
 * lives in commands/ and exports `run(args): Promise<number>` (the exit code).
 */
import { COMMANDS } from './commands';

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    const names = Object.entries(COMMANDS).map(([key, c]) => `  ${key.padEnd(16)} ${c.summary}`);
    process.stderr.write(`usage: npm run cli -- <command> [args]\n\n${names.join('\n')}\n`);
    return name ? 2 : 0;
  }
  return command.run(args);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
