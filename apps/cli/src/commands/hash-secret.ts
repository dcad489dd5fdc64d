/**
 * `npm run cli -- hash-secret [secret]`: prints the `scrypt:<salt>:<key>` hash of a device
 * secret (contract §1) with a fresh random salt, for a registry's `devices[].secretHash`.
 * Without an argument the secret is read from stdin, which keeps it out of shell history:
 *   printf %s "$SECRET" | npm run cli -- hash-secret
 */
import { createInterface } from 'node:readline';
import { hashSecret } from '@sanitation/registry';
import type { CliCommand } from './command';

const USAGE = 'usage: npm run cli -- hash-secret [secret]   (no argument: read it from stdin)\n';

interface Io {
  stdin: NodeJS.ReadStream | NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** All of piped stdin, without the one line ending `echo` adds; one line from a terminal. */
export async function readSecret(io: Io): Promise<string> {
  if ('isTTY' in io.stdin && io.stdin.isTTY) {
    io.stderr.write('secret: ');
    const lines = createInterface({ input: io.stdin, terminal: false });
    for await (const line of lines) {
      lines.close();
      return line;
    }
    return '';
  }

  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer));
  }
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

export async function runHashSecret(args: string[], io: Io): Promise<number> {
  if (args.length > 1 || args[0] === '--help' || args[0] === '-h') {
    io.stderr.write(USAGE);
    return 2;
  }

  const secret = args[0] ?? (await readSecret(io));
  if (secret.length === 0) {
    io.stderr.write(`hash-secret: the secret is empty\n${USAGE}`);
    return 2;
  }

  io.stdout.write(`${hashSecret(secret)}\n`);
  return 0;
}

export const hashSecretCommand: CliCommand = {
  summary: 'print the scrypt hash of a device secret (from the argument or stdin)',
  run: (args) => runHashSecret(args, process),
};
