/**
 * What the separate processes (apps/ingest, apps/rules) need beyond contract §7: an
 * external broker, and an instance name that keeps their broker sessions across restarts.
 * Read like §7's variables (environment over `.env`), failing start-up with the name.
 */
import { existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { AppConfig, ConfigError } from '@sanitation/config';

export type ProcessRole = 'ingest' | 'rules';

export interface ProcessConfig {
  mqttUrl: string;
  /** INSTANCE_ID: names this process's MQTT client ids and its own state directory. */
  instanceId: string;
  /** INGEST_CONNECTIONS: connections sharing the ingest subscription (ingest only). */
  connections: number;
  /** Files this process alone writes (InfluxDB spool and key index), under DATA_DIR. */
  stateDir: string;
}

type Env = Record<string, string | undefined>;

const INSTANCE_ID = /^[A-Za-z0-9_.-]{1,40}$/;
const DEFAULT_CONNECTIONS = 8;
const MAX_CONNECTIONS = 64;

/**
 * INSTANCE_ID defaults to the host name for ingest (one per machine or container) and to
 * `main` for rules (one per city, so a recreated container finds its session again).
 */
export function loadProcessConfig(
  role: ProcessRole,
  config: AppConfig,
  env: Env = process.env,
  cwd = process.cwd(),
): ProcessConfig {
  const merged: Env = { ...readDotenv(cwd), ...env };
  const get = (name: string) => merged[name]?.trim() || undefined;

  if (config.mqttUrl === null) {
    throw new ConfigError(
      'MQTT_URL',
      `is required: the ${role} process runs against an ` +
        'external broker (e.g. mqtt://mosquitto:1883); `npm start` runs the embedded one',
    );
  }

  const instanceId = get('INSTANCE_ID') ?? (role === 'ingest' ? safeHostname() : 'main');
  if (!INSTANCE_ID.test(instanceId)) {
    throw new ConfigError('INSTANCE_ID', `"${instanceId}" is not 1 to 40 of A-Z a-z 0-9 _ . -`);
  }

  return {
    mqttUrl: config.mqttUrl,
    instanceId,
    connections: connections(get('INGEST_CONNECTIONS')),
    stateDir: join(config.dataDir, 'instances', `${role}-${instanceId}`),
  };
}

function connections(value: string | undefined): number {
  if (value === undefined) return DEFAULT_CONNECTIONS;
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < 1 || parsed > MAX_CONNECTIONS) {
    throw new ConfigError(
      'INGEST_CONNECTIONS',
      `"${value}" is not a whole number ` + `from 1 to ${MAX_CONNECTIONS}`,
    );
  }
  return parsed;
}

function safeHostname(): string {
  return (
    hostname()
      .replace(/[^A-Za-z0-9_.-]/g, '-')
      .slice(0, 40) || 'ingest'
  );
}

function readDotenv(cwd: string): Env {
  const path = resolve(cwd, '.env');
  return existsSync(path) ? parseDotenv(readFileSync(path)) : {};
}
