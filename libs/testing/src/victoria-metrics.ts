import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitFor } from './free-port';
import { ServerProcess } from './server-process';

export interface VictoriaMetricsServer {
  url: string;
  port: number;
  /** Series as /api/v1/export returns them: one JSON object a line. */
  exportSeries(match: string): Promise<ExportedSeries[]>;
  dispose(): Promise<void>;
}

export interface ExportedSeries {
  metric: Record<string, string>;
  values: number[];
  timestamps: number[];
}

const VM_BIN = process.env.VICTORIA_METRICS_BIN ?? '/usr/bin/victoria-metrics';

/** Starts VictoriaMetrics from the installed binary in a temporary directory on a free port. */
export async function startVictoriaMetrics(): Promise<VictoriaMetricsServer> {
  const dir = await mkdtemp(join(tmpdir(), 'victoria-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const proc = new ServerProcess(VM_BIN, [
    `-storageDataPath=${join(dir, 'data')}`,
    `-httpListenAddr=127.0.0.1:${port}`,
    '-retentionPeriod=100y',
    '-loggerLevel=ERROR',
  ]);

  proc.start();
  await waitFor(async () => (await fetch(`${url}/health`)).ok, `victoria-metrics on ${url}`);

  const exportSeries = async (match: string): Promise<ExportedSeries[]> => {
    await fetch(`${url}/internal/force_flush`);
    const query = new URLSearchParams({ 'match[]': match, start: '0' });
    const res = await fetch(`${url}/api/v1/export?${query.toString()}`);
    const text = await res.text();
    if (!res.ok) throw new Error(`export ${match}: ${res.status} ${text}`);
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as ExportedSeries);
  };

  return {
    url,
    port,
    exportSeries,
    dispose: async () => {
      await proc.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
