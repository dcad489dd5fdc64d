/** A small `--name value` / `--flag` parser for the simulator CLIs. */

export interface ParsedArgs {
  values: Map<string, string>;
  flags: Set<string>;
}

/** `flagNames` take no value; every other `--name` takes the next argument. */
export function parseArgs(argv: string[], flagNames: string[] = []): ParsedArgs {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}"`);

    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (flagNames.includes(name)) {
      flags.add(name);
    } else if (inline !== undefined) {
      values.set(name, inline);
    } else {
      if (index + 1 >= argv.length) throw new Error(`--${name} needs a value`);
      values.set(name, argv[index += 1]);
    }
  }
  return { values, flags };
}

/** `--speed N` (N > 0, 1 = real time) or `max` (Infinity). */
export function parseSpeed(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (text === 'max') return Infinity;
  const speed = Number(text);
  if (!(speed > 0)) throw new Error(`--speed must be a positive number or "max", got "${text}"`);
  return speed;
}

export function requireValue(args: ParsedArgs, name: string): string {
  const value = args.values.get(name);
  if (value === undefined) throw new Error(`--${name} is required`);
  return value;
}
