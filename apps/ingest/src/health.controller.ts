/**
 * `/api/health` of an ingest process, in the API's shape (libs/api/README.md):
 * `{status, live, ready, checks}`, 200 when every probe is ok, else 503.
 */
import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { HEALTH_PROBES, HealthProbe } from '@sanitation/api';

const PROBE_TIMEOUT_MS = 2000;

type Check = { ok: boolean; detail?: string };

export interface IngestHealth {
  status: 'ok' | 'unavailable';
  live: true;
  ready: boolean;
  checks: Record<string, Check>;
}

@Controller('api/health')
export class HealthController {
  constructor(@Inject(HEALTH_PROBES) private readonly probes: HealthProbe[]) {}

  @Get()
  async check(@Res({ passthrough: true }) response: Response): Promise<IngestHealth> {
    const results = await Promise.all(this.probes.map((probe) => settle(probe)));
    const ready = results.every((result) => result.ok);

    response.status(ready ? 200 : 503);
    return {
      status: ready ? 'ok' : 'unavailable',
      live: true,
      ready,
      checks: Object.fromEntries(this.probes.map((probe, i) => [probe.name, results[i]])),
    };
  }
}

/** A probe that throws or hangs counts as down, as in the API. */
async function settle(probe: HealthProbe): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Check>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, detail: `no answer within ${PROBE_TIMEOUT_MS} ms` }),
      PROBE_TIMEOUT_MS,
    );
  });

  try {
    return await Promise.race([probe.check(), timeout]);
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
