/**
 * The platform as a user runs it: `apps/platform/src/main.ts` in a child process on
 * port 0, a temporary DATA_DIR, the ports read back from its log lines.
 */
import { spawn, ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
export const MINI_REGISTRY = join(REPO_ROOT, 'seeds', 'mini', 'registry.json');
export const MINI_SECRETS = join(REPO_ROOT, 'seeds', 'mini', 'device-secrets.json');

export interface PlatformOptions {
  env?: Record<string, string>;
  /** Reuse a data directory (for restart tests); a fresh temporary one otherwise. */
  dataDir?: string;
}

export class PlatformProcess {
  private child: ChildProcess | null = null;
  private readonly lines: string[] = [];
  private ownsDataDir = false;
  dataDir = '';
  mqttPort = 0;
  httpPort = 0;
  readonly adminToken = 'test-admin-token-0001';
  readonly tokens = {
    admin: 'test-admin-token-0001',
    engineer: 'test-engineer-token-01',
    dispatcher: 'test-dispatcher-token-1',
    operator: 'test-operator-token-001',
  };

  get httpUrl(): string {
    return `http://127.0.0.1:${this.httpPort}`;
  }

  get mqttUrl(): string {
    return `mqtt://127.0.0.1:${this.mqttPort}`;
  }

  get log(): string {
    return this.lines.join('\n');
  }

  async start(options: PlatformOptions = {}): Promise<this> {
    this.ownsDataDir = options.dataDir === undefined;
    this.dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'sanitation-data-'));
    const env = {
      ...process.env,
      REGISTRY_PATH: MINI_REGISTRY,
      DATA_DIR: this.dataDir,
      MQTT_PORT: '0',
      HTTP_PORT: '0',
      LOG_LEVEL: 'info',
      API_TOKENS: Object.entries(this.tokens).map(([role, t]) => `${t}:${role}`).join(','),
      ...options.env,
    };

    // PLATFORM_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", to profile a benchmark.
    const nodeArgs = (process.env.PLATFORM_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const args = [...nodeArgs, '-r', '@swc-node/register', 'apps/platform/src/main.ts'];
    const child = spawn(process.execPath, args, {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    try {
      await this.waitForPorts(child, Boolean(options.env?.MQTT_URL));
    } catch (error) {
      // A platform that never said where it listens must not outlive the test.
      await this.stop('SIGKILL');
      throw error;
    }
    return this;
  }

  /** Stops it with SIGTERM (or another signal) and waits for the exit. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    this.child = null;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
  }

  async cleanup(): Promise<void> {
    await this.stop();
    if (this.ownsDataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }

  signal(signal: NodeJS.Signals): void {
    this.child?.kill(signal);
  }

  async api<T = unknown>(path: string, init: RequestInit & { token?: string } = {}): Promise<T> {
    const response = await this.fetch(path, init);
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  fetch(path: string, init: RequestInit & { token?: string } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${init.token ?? this.adminToken}`);
    if (init.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
    return fetch(`${this.httpUrl}${path}`, { ...init, headers });
  }

  private waitForPorts(child: ChildProcess, external: boolean): Promise<void> {
    return new Promise((resolvePorts, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`platform did not start in 60 s:\n${this.log}`)),
        60_000,
      );
      const onLine = (line: string) => {
        this.lines.push(line);
        const mqtt = /mqtt listening on port (\d+)/.exec(line);
        const http = /http listening on port (\d+)/.exec(line);
        if (mqtt) this.mqttPort = Number(mqtt[1]);
        if (http) this.httpPort = Number(http[1]);
        if (this.httpPort && (this.mqttPort || external)) {
          clearTimeout(timer);
          resolvePorts();
        }
      };
      let buffered = '';
      const onData = (chunk: Buffer) => {
        buffered += chunk.toString();
        const parts = buffered.split('\n');
        buffered = parts.pop() ?? '';
        parts.forEach(onLine);
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`platform exited with ${code}:\n${this.log}`));
      });
    });
  }
}
