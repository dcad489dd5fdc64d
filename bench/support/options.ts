/** `--name value` options of the benchmark scripts, with numeric defaults. */
import { parseArgs } from '../../simulators/support/args';

export interface BenchOptions {
  number(name: string, fallback: number): number;
  text(name: string, fallback: string): string;
  /** The command line to print beside the results. */
  command: string;
}

export function benchOptions(script: string, argv = process.argv.slice(2)): BenchOptions {
  const { values } = parseArgs(argv);
  return {
    number: (name, fallback) => {
      const raw = values.get(name);
      const value = raw === undefined ? fallback : Number(raw);
      if (!Number.isFinite(value)) throw new Error(`--${name} must be a number, got "${raw}"`);
      return value;
    },
    text: (name, fallback) => values.get(name) ?? fallback,
    command: ['node -r @swc-node/register', script, ...argv].join(' '),
  };
}
