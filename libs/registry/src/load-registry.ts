import { readFileSync } from 'node:fs';
import { RegistryFile } from '@sanitation/contracts';
import { Registry } from './registry';
import { validateRegistryFile } from './validate-registry';

export class RegistryError extends Error {
  constructor(
    readonly path: string,
    readonly problems: string[],
  ) {
    super(
      `registry ${path} is invalid: ${problems.slice(0, 20).join('; ')}` +
        (problems.length > 20 ? `; and ${problems.length - 20} more` : ''),
    );
  }
}

/** Reads, validates and indexes a registry file; throws RegistryError naming each bad entry. */
export function loadRegistry(path: string): Registry {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new RegistryError(path, [`cannot read JSON: ${(error as Error).message}`]);
  }

  const problems = validateRegistryFile(parsed);
  if (problems.length > 0) throw new RegistryError(path, problems);
  return new Registry(parsed as RegistryFile);
}
