/**
 * A mini city whose R001 shift is under way now (Asia/Shanghai) and whose other shifts are
 * hours away, with short silence and offline thresholds, for live tests of §4 deadlines.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RegistryFile } from '@sanitation/contracts';
import { MINI_REGISTRY } from '@sanitation/testing';

const MINUTE_MS = 60_000;

export interface LiveCity {
  dir: string;
  registryPath: string;
  rulesPath: string;
}

export function writeLiveCity(thresholds: Record<string, number>, nowMs = Date.now()):
  LiveCity {
  const registry = JSON.parse(readFileSync(MINI_REGISTRY, 'utf8')) as RegistryFile;
  const local = (ms: number) => new Intl.DateTimeFormat('en-GB', { timeZone: registry.timezone,
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(ms));
  for (const route of registry.routes) {
    const startMs = route.id === 'R001' ? nowMs - 30 * MINUTE_MS : nowMs + 360 * MINUTE_MS;
    route.shiftStart = local(startMs);
    route.shiftEnd = local(startMs + 120 * MINUTE_MS);
  }

  const dir = mkdtempSync(join(tmpdir(), 'live-city-'));
  const registryPath = join(dir, 'registry.json');
  const rulesPath = join(dir, 'rules.json');
  writeFileSync(registryPath, JSON.stringify(registry));
  writeFileSync(rulesPath, JSON.stringify({ defaults: thresholds }));
  return { dir, registryPath, rulesPath };
}
