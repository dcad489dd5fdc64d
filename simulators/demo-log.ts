/**
 * What the demo prints: the platform's JSON log turned into short lines a newcomer can
 * read (listening ports, alerts, warnings), and a banner with where to look.
 */
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

interface LogLine {
  level?: number;
  msg?: string;
  time?: number;
  component?: string;
  [key: string]: unknown;
}

const WARN = 40;

export class DemoLog {
  line(text: string): void {
    process.stdout.write(`${new Date().toISOString().slice(11, 19)}  ${text}\n`);
  }

  banner(httpPort: number, token: string | null): void {
    const signIn = token
      ? `sign in with the admin token ${token} (kept in DATA_DIR/admin-token)`
      : 'sign in with one of your API_TOKENS';
    this.line(`console: http://localhost:${httpPort}/ — ${signIn}`);
    this.line(`API docs: http://localhost:${httpPort}/api/docs   metrics: /metrics`);
  }

  /** Echoes the platform's notable lines and resolves with its ports. */
  follow(child: ChildProcess): Promise<{ mqttPort: number; httpPort: number }> {
    let mqttPort = 0;
    let httpPort = 0;
    return new Promise((resolve) => {
      const onLine = (text: string) => {
        const entry = parse(text);
        const mqtt = /mqtt listening on port (\d+)/.exec(entry.msg ?? '');
        const http = /http listening on port (\d+)/.exec(entry.msg ?? '');
        if (mqtt) mqttPort = Number(mqtt[1]);
        if (http) httpPort = Number(http[1]);
        if (this.notable(entry)) this.line(describe(entry));
        if (mqttPort && httpPort) resolve({ mqttPort, httpPort });
      };
      for (const stream of [child.stdout, child.stderr]) {
        if (stream) createInterface({ input: stream }).on('line', onLine);
      }
    });
  }

  private notable(entry: LogLine): boolean {
    const msg = entry.msg ?? '';
    return (entry.level ?? WARN) >= WARN || /listening|^alert |registry loaded/.test(msg);
  }
}

function parse(text: string): LogLine {
  try {
    return JSON.parse(text) as LogLine;
  } catch {
    return { level: WARN, msg: text };
  }
}

function describe(entry: LogLine): string {
  const ids = ['truckId', 'routeId', 'facilityId', 'deviceId', 'openedAt']
    .filter((key) => entry[key] !== undefined && entry[key] !== null)
    .map((key) => `${key}=${String(entry[key])}`)
    .join(' ');
  return `${entry.component ?? 'platform'}: ${entry.msg}${ids ? `  (${ids})` : ''}`;
}
