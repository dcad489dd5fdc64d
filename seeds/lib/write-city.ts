/**
 * Writes a city's registry.json (one array entry per line, so diffs stay readable and the
 * file stays small) and its device-secrets.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { RegistryFile } from '@sanitation/contracts';

const ARRAY_KEYS = [
  'facilities',
  'weighbridges',
  'trucks',
  'bins',
  'routes',
  'devices',
] as const satisfies readonly (keyof RegistryFile)[];

export function formatRegistry(registry: RegistryFile): string {
  const head = [
    `  "city": ${JSON.stringify(registry.city)}`,
    `  "timezone": ${JSON.stringify(registry.timezone)}`,
  ];
  const arrays = ARRAY_KEYS.map((key) => {
    const entries = (registry[key] as unknown[]).map((entry) => `    ${JSON.stringify(entry)}`);
    return entries.length === 0
      ? `  "${key}": []`
      : `  "${key}": [\n${entries.join(',\n')}\n  ]`;
  });
  return `{\n${[...head, ...arrays].join(',\n')}\n}\n`;
}

export function writeCity(
  directory: string,
  registry: RegistryFile,
  secrets: Record<string, string>,
): { registryPath: string; secretsPath: string } {
  const registryPath = join(directory, 'registry.json');
  const secretsPath = join(directory, 'device-secrets.json');
  mkdirSync(dirname(registryPath), { recursive: true });

  writeFileSync(registryPath, formatRegistry(registry));
  writeFileSync(secretsPath, `${JSON.stringify(secrets, null, 2)}\n`);
  return { registryPath, secretsPath };
}
