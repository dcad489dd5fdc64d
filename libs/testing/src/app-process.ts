/**
 * Any app entry file (`apps/<name>/src/main.ts`) as a user runs it: a child process with
 * the given environment, its HTTP port read back from the `http listening on port N` line.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { REPO_ROOT } from './platform-process';

export interface AppProcessOptions {
  /** Relative to the repository root, e.g. `apps/ingest/src/main.ts`. */
  entry: string;
  env: Record<string, string>;
  /** Sent as the bearer token by `api` and `fetch`. */
  token?: string;
  startTimeoutMs?: number;
}

export class AppProcess {
  private child: ChildProcess | null = null;
  private readonly lines: string[] = [];
  httpPort = 0;

  constructor(
    readonly name: string,
    private readonly options: AppProcessOptions,
  ) {}

  get httpUrl(): string {
    return `http://127.0.0.1:${this.httpPort}`;
  }

  get log(): string {
    return this.lines.join('\n');
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts (or starts again, with the same environment) and waits for its HTTP port. */
  async start(): Promise<this> {
    this.httpPort = 0;
    const child = spawn(process.execPath, ['-r', '@swc-node/register', this.options.entry], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...this.options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    await this.waitForPort(child, this.options.startTimeoutMs ?? 60_000);
    return this;
  }

  /** SIGTERM (or another signal), then SIGKILL after 10 s; resolves on exit. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;

    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }

  async api<T = unknown>(path: string, init: RequestInit = {}): Promise<T> {
    const response = await this.fetch(path, init);
    if (!response.ok) {
      throw new Error(`${this.name} ${path}: ${response.status} ${await response.text()}`);
    }
    return (await response.json()) as T;
  }

  fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.options.token) headers.set('authorization', `Bearer ${this.options.token}`);
    if (init.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
    return fetch(`${this.httpUrl}${path}`, { ...init, headers });
  }

  private waitForPort(child: ChildProcess, timeoutMs: number): Promise<void> {
    return new Promise((resolvePort, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.name} did not start in ${timeoutMs} ms:\n${this.log}`)),
        timeoutMs,
      );
      let buffered = '';
      const onData = (chunk: Buffer) => {
        buffered += chunk.toString();
        const parts = buffered.split('\n');
        buffered = parts.pop() ?? '';
        for (const line of parts) {
          this.lines.push(line);
          const http = /http listening on port (\d+)/.exec(line);
          if (http && this.httpPort === 0) {
            this.httpPort = Number(http[1]);
            clearTimeout(timer);
            resolvePort();
          }
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`${this.name} exited with ${code ?? signal}:\n${this.log}`));
      });
    });
  }
}
