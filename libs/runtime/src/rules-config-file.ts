/**
 * RULES_PATH: thresholds for the rules as JSON, e.g.
 * `{"defaults": {"silenceS": 600}, "routes": {"R001": {"corridorM": 300}},
 *   "trucks": {"T001": {"payloadLimitPct": 105}}}`. Unknown keys stop start-up.
 */
import { readFileSync } from 'node:fs';
import { ConfigError } from '@sanitation/config';
import { DEFAULT_THRESHOLDS, RulesConfig } from '@sanitation/rules';

const SCOPES = ['defaults', 'routes', 'trucks', 'weighbridges'] as const;

export function loadRulesConfig(path: string | null): RulesConfig {
  if (path === null) return {};

  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError('RULES_PATH', `${path} is not JSON: ${(error as Error).message}`);
  }
  const config = parsed as Record<string, unknown>;
  for (const key of Object.keys(config)) {
    if (!(SCOPES as readonly string[]).includes(key)) {
      throw new ConfigError('RULES_PATH', `${path}: "${key}" is not one of ${SCOPES.join(', ')}`);
    }
  }
  checkThresholds(path, 'defaults', config.defaults);
  for (const scope of ['routes', 'trucks', 'weighbridges'] as const) {
    for (const [id, thresholds] of Object.entries((config[scope] ?? {}) as object)) {
      checkThresholds(path, `${scope}.${id}`, thresholds);
    }
  }
  return config as RulesConfig;
}

function checkThresholds(path: string, at: string, value: unknown): void {
  if (value === undefined) return;
  for (const [key, threshold] of Object.entries(value as object)) {
    if (!(key in DEFAULT_THRESHOLDS)) {
      throw new ConfigError('RULES_PATH', `${path}: ${at}.${key} is not a rule threshold`);
    }
    if (typeof threshold !== 'number' || !(threshold >= 0)) {
      throw new ConfigError('RULES_PATH', `${path}: ${at}.${key} is not a number ≥ 0`);
    }
  }
}
