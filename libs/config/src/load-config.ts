import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { ROLES, Role } from '@sanitation/contracts';
import { AppConfig, InfluxConfig, LogLevel, StoreKind } from './app-config';

export const DEFAULT_REGISTRY_PATH = 'seeds/panjin/registry.json';

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
  }
}

type Env = Record<string, string | undefined>;

/**
 * Reads §7's variables from the environment, with a `.env` file in the working
 * directory filling in what the environment leaves unset. Throws ConfigError naming
 * the first bad variable.
 */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): AppConfig {
  const merged = { ...readDotenv(cwd), ...definedOnly(env) };
  const get = (name: string) => {
    const value = merged[name]?.trim();
    return value === '' ? undefined : value;
  };

  const store = oneOf<StoreKind>('STORE', get('STORE') ?? 'sqlite', ['sqlite', 'influxdb']);
  const influx = influxConfig(get);
  if (store === 'influxdb' && !influx) {
    throw new ConfigError('INFLUX_URL', 'is required when STORE=influxdb');
  }

  return {
    registryPath: resolve(cwd, get('REGISTRY_PATH') ?? DEFAULT_REGISTRY_PATH),
    dataDir: resolve(cwd, get('DATA_DIR') ?? './data'),
    mqttPort: port('MQTT_PORT', get('MQTT_PORT') ?? '1883'),
    mqttUrl: mqttUrl(get('MQTT_URL')),
    mqttAuth: oneOf('MQTT_AUTH', get('MQTT_AUTH') ?? 'on', ['on', 'off']) === 'on',
    httpPort: port('HTTP_PORT', get('HTTP_PORT') ?? '3000'),
    apiTokens: apiTokens(get('API_TOKENS')),
    store,
    influx,
    retentionDays: positiveInteger('RETENTION_DAYS', get('RETENTION_DAYS') ?? '400'),
    logLevel: oneOf<LogLevel>('LOG_LEVEL', get('LOG_LEVEL') ?? 'info', [
      'debug',
      'info',
      'warn',
      'error',
    ]),
    rulesPath: existingFile('RULES_PATH', get('RULES_PATH'), cwd),
  };
}

function readDotenv(cwd: string): Env {
  const path = resolve(cwd, '.env');
  return existsSync(path) ? parseDotenv(readFileSync(path)) : {};
}

function definedOnly(env: Env): Env {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined));
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(name, `"${value}" is not one of ${allowed.join(', ')}`);
  }
  return value as T;
}

function port(name: string, value: string): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed > 65535) {
    throw new ConfigError(name, `"${value}" is not a port number (0..65535; 0 = any free port)`);
  }
  return parsed;
}

function existingFile(name: string, value: string | undefined, cwd: string): string | null {
  if (value === undefined) return null;
  const path = resolve(cwd, value);
  if (!existsSync(path)) throw new ConfigError(name, `file ${path} does not exist`);
  return path;
}

function positiveInteger(name: string, value: string): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < 1) {
    throw new ConfigError(name, `"${value}" is not a positive whole number`);
  }
  return parsed;
}

function mqttUrl(value: string | undefined): string | null {
  if (value === undefined) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('MQTT_URL', `"${value}" is not a URL (e.g. mqtt://host:1883)`);
  }
  if (!['mqtt:', 'mqtts:', 'tcp:', 'ws:', 'wss:'].includes(url.protocol)) {
    throw new ConfigError('MQTT_URL', `scheme ${url.protocol} is not mqtt:, mqtts:, ws: or wss:`);
  }
  return value;
}

function apiTokens(value: string | undefined): Map<string, Role> | null {
  if (value === undefined) return null;
  const tokens = new Map<string, Role>();
  for (const pair of value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const colon = pair.lastIndexOf(':');
    const token = pair.slice(0, colon);
    const role = pair.slice(colon + 1);
    if (colon <= 0 || !(ROLES as readonly string[]).includes(role)) {
      throw new ConfigError(
        'API_TOKENS',
        `"${pair.slice(0, 4)}…" is not token:role with a role of ${ROLES.join(', ')}`,
      );
    }
    if (token.length < 8) {
      throw new ConfigError('API_TOKENS', `a ${role} token is shorter than 8 characters`);
    }
    tokens.set(token, role as Role);
  }
  return tokens;
}

function influxConfig(get: (name: string) => string | undefined): InfluxConfig | null {
  const url = get('INFLUX_URL');
  if (url === undefined) return null;
  try {
    new URL(url);
  } catch {
    throw new ConfigError('INFLUX_URL', `"${url}" is not a URL`);
  }

  const config: InfluxConfig = {
    url,
    token: get('INFLUX_TOKEN'),
    org: get('INFLUX_ORG'),
    bucket: get('INFLUX_BUCKET'),
    db: get('INFLUX_DB'),
    username: get('INFLUX_USERNAME'),
    password: get('INFLUX_PASSWORD'),
  };
  const v2 = config.token !== undefined && config.org !== undefined && config.bucket !== undefined;
  if (!v2 && config.db === undefined) {
    throw new ConfigError(
      'INFLUX_URL',
      'needs INFLUX_TOKEN, INFLUX_ORG and INFLUX_BUCKET (2.x/3.x) or INFLUX_DB (1.x)',
    );
  }
  return config;
}
