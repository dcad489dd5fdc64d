import { spawn, type ChildProcess } from 'node:child_process';

/** A child server whose last output lines are kept to explain a failed start. */
export class ServerProcess {
  private child: ChildProcess | null = null;
  private readonly tail: string[] = [];

  constructor(
    private readonly bin: string,
    private readonly args: string[],
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get output(): string {
    return this.tail.join('');
  }

  start(): void {
    const child = spawn(this.bin, this.args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer): void => {
      this.tail.push(chunk.toString());
      if (this.tail.length > 50) this.tail.shift();
    };

    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.child = child;
  }

  signal(sig: NodeJS.Signals): void {
    this.child?.kill(sig);
  }

  /** Stops the server (SIGTERM, then SIGKILL after `graceMs`) and waits for it to exit. */
  async stop(graceMs = 5_000): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;

    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGCONT');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
    this.child = null;
  }
}
