/** The platform's configuration (contract §7), checked once at start-up. */
import type { Role } from '@sanitation/contracts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type StoreKind = 'sqlite' | 'influxdb';

export interface InfluxConfig {
  url: string;
  token?: string;
  org?: string;
  bucket?: string;
  db?: string;
  username?: string;
  password?: string;
}

export interface AppConfig {
  registryPath: string;
  dataDir: string;
  mqttPort: number;
  /** An external broker; when set no embedded broker starts. */
  mqttUrl: string | null;
  mqttAuth: boolean;
  httpPort: number;
  /** Tokens from API_TOKENS; null when unset (an admin token is made at first start). */
  apiTokens: Map<string, Role> | null;
  store: StoreKind;
  influx: InfluxConfig | null;
  retentionDays: number;
  logLevel: LogLevel;
  /** A JSON file of rule thresholds (global, per route, per truck); defaults when null. */
  rulesPath: string | null;
}

export const APP_CONFIG = Symbol('AppConfig');
