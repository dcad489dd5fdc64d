import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitFor } from './free-port';
import { ServerProcess } from './server-process';

export interface InfluxdServer {
  url: string;
  port: number;
  dir: string;
  /** Freezes the process (SIGSTOP): connections hang, as with a stalled server. */
  pause(): void;
  resume(): void;
  /** Stops the server but keeps its data, so that `start` brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and deletes its directory. */
  dispose(): Promise<void>;
}

const INFLUXD_BIN = process.env.INFLUXD_BIN ?? '/usr/bin/influxd';

function configText(dir: string, httpPort: number, rpcPort: number): string {
  return [
    'reporting-enabled = false',
    `bind-address = "127.0.0.1:${rpcPort}"`,
    '[meta]',
    `  dir = "${join(dir, 'meta')}"`,
    '[data]',
    `  dir = "${join(dir, 'data')}"`,
    `  wal-dir = "${join(dir, 'wal')}"`,
    '  query-log-enabled = false',
    '[monitor]',
    '  store-enabled = false',
    '[http]',
    `  bind-address = "127.0.0.1:${httpPort}"`,
    '  log-enabled = false',
    '  pprof-enabled = false',
    '[logging]',
    '  level = "warn"',
    '  suppress-logo = true',
    '[continuous_queries]',
    '  log-enabled = false',
    '  run-interval = "1s"',
    '',
  ].join('\n');
}

/** Starts InfluxDB 1.x from the installed binary in a temporary directory on free ports. */
export async function startInfluxd(): Promise<InfluxdServer> {
  const dir = await mkdtemp(join(tmpdir(), 'influxd-'));
  const port = await freePort();
  const rpcPort = await freePort();
  const configPath = join(dir, 'influxdb.conf');
  await writeFile(configPath, configText(dir, port, rpcPort));

  const url = `http://127.0.0.1:${port}`;
  const proc = new ServerProcess(INFLUXD_BIN, ['-config', configPath]);
  const ready = async (): Promise<boolean> => (await fetch(`${url}/ping`)).status === 204;

  const start = async (): Promise<void> => {
    proc.start();
    await waitFor(ready, `influxd on ${url}`).catch((err: Error) => {
      throw new Error(`${err.message}\n${proc.output}`);
    });
  };

  await start();

  return {
    url,
    port,
    dir,
    pause: () => proc.signal('SIGSTOP'),
    resume: () => proc.signal('SIGCONT'),
    stop: () => proc.stop(),
    start,
    dispose: async () => {
      await proc.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
