/** The Panjin seed as the benchmarks use it: registry path, device secrets, GPS devices. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RegistryFile } from '@sanitation/contracts';
import { REPO_ROOT } from '@sanitation/testing';

export const PANJIN_REGISTRY = join(REPO_ROOT, 'seeds', 'panjin', 'registry.json');
export const PANJIN_SECRETS = join(REPO_ROOT, 'seeds', 'panjin', 'device-secrets.json');

export function panjinSecrets(): Record<string, string> {
  return JSON.parse(readFileSync(PANJIN_SECRETS, 'utf8')) as Record<string, string>;
}

export function panjinFile(): RegistryFile {
  return JSON.parse(readFileSync(PANJIN_REGISTRY, 'utf8')) as RegistryFile;
}

/** Writes a RULES_PATH file into `dir` and returns its path. */
export function writeRulesFile(dir: string, config: object): string {
  const path = join(dir, 'bench-rules.json');
  writeFileSync(path, JSON.stringify(config));
  return path;
}
