/** Environment that makes a PlatformProcess child write its CPU profile into `dir` on exit. */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export function profilingEnv(dir: string): Record<string, string> {
  if (!dir) return {};
  mkdirSync(dir, { recursive: true });
  const hook = join(__dirname, 'cpu-profile-hook.ts');
  return {
    NODE_OPTIONS: `--require @swc-node/register --require ${hook}`,
    CPU_PROFILE_DIR: resolve(dir),
  };
}
