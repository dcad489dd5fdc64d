/**
 * Liveness and readiness (contract §5 `/api/health`): the broker, the rules and any other
 * probe the platform binds, plus the store. A probe that hangs counts as down.
 */
import { Inject, Injectable } from '@nestjs/common';
import { TELEMETRY_STORE, TelemetryStore } from '@sanitation/store';
import { HEALTH_PROBES, HealthProbe } from '../ports';

const PROBE_TIMEOUT_MS = 2000;

export interface CheckResult {
  ok: boolean;
  detail?: string;
  backlog?: number;
}

export interface HealthReport {
  status: 'ok' | 'unavailable';
  live: true;
  ready: boolean;
  checks: Record<string, CheckResult>;
}

@Injectable()
export class HealthService {
  constructor(
    @Inject(TELEMETRY_STORE) private readonly store: TelemetryStore,
    @Inject(HEALTH_PROBES) private readonly probes: HealthProbe[],
  ) {}

  async report(): Promise<HealthReport> {
    const named: [string, () => Promise<CheckResult>][] = [
      ['store', () => this.store.health()],
      ...this.probes.map((probe): [string, () => Promise<CheckResult>] =>
        [probe.name, () => probe.check()]),
    ];

    const results = await Promise.all(named.map(([, check]) => settle(check)));
    const checks = Object.fromEntries(named.map(([name], i) => [name, results[i]]));

    const ready = results.every((result) => result.ok);
    return { status: ready ? 'ok' : 'unavailable', live: true, ready, checks };
  }
}

async function settle(check: () => Promise<CheckResult>): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, detail: `no answer within ${PROBE_TIMEOUT_MS} ms` }),
      PROBE_TIMEOUT_MS,
    );
  });

  try {
    return await Promise.race([check(), timeout]);
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
