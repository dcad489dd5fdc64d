/** A real Mosquitto (Debian's `mosquitto`) on a free loopback port, for tests. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import { freePort, waitFor } from './free-port';
import { ServerProcess } from './server-process';

export const MOSQUITTO_BIN = process.env.MOSQUITTO_BIN ?? '/usr/sbin/mosquitto';

export class Mosquitto {
  private process: ServerProcess | null = null;
  private dir = '';
  port = 0;

  get url(): string {
    return `mqtt://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.port = await freePort();
    this.dir = mkdtempSync(join(tmpdir(), 'mosquitto-'));
    const config = join(this.dir, 'mosquitto.conf');
    writeFileSync(
      config,
      [
        `listener ${this.port} 127.0.0.1`,
        'allow_anonymous true',
        'persistence true',
        `persistence_location ${this.dir}/`,
        // The default of 1000 silently drops QoS 1 messages for a slow subscriber.
        'max_queued_messages 0',
        'max_inflight_messages 0',
        '',
      ].join('\n'),
    );

    this.process = new ServerProcess(MOSQUITTO_BIN, ['-c', config]);
    this.process.start();
    await waitFor(() => canConnect(this.port), `mosquitto on port ${this.port}`).catch((error) => {
      throw new Error(`${(error as Error).message}\n${this.process?.output}`);
    });
    return this;
  }

  async stop(): Promise<void> {
    await this.process?.stop();
    this.process = null;
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
