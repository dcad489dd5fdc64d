import type { CliCommand } from './command';
import { hashSecretCommand } from './hash-secret';

/** Every command, by the name typed after `npm run cli --`. */
export const COMMANDS: Record<string, CliCommand> = {
  'hash-secret': hashSecretCommand,
};
