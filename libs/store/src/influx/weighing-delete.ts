import type { WeighingRecord } from '@sanitation/contracts';
import type { ResolvedInfluxConfig } from './config';
import type { InfluxQlClient } from './influxql-client';
import { quoteString } from './line-protocol';
import { MEASUREMENT, weighingTimeNs } from './points';

/** Deletes a ticket's point whatever its tags were (1.x InfluxQL DELETE, 2.x /api/v2/delete). */
export async function deleteWeighingPoint(
  config: ResolvedInfluxConfig,
  influxql: InfluxQlClient,
  weighing: WeighingRecord,
): Promise<void> {
  const ns = weighingTimeNs(weighing);

  if (config.api === 'v1') {
    await influxql.query(
      `DELETE FROM "${MEASUREMENT.weighing}" WHERE "weighbridgeId" = ` +
        `${quoteString(weighing.weighbridgeId)} AND time >= ${ns} AND time <= ${ns}`,
      'ms',
      'POST',
    );
    return;
  }

  const params = new URLSearchParams({ org: config.org ?? '', bucket: config.bucket ?? '' });
  const stamp = new Date(weighing.ts).toISOString();
  const stop = new Date(weighing.ts + 1).toISOString();
  const res = await fetch(`${config.url}/api/v2/delete?${params.toString()}`, {
    method: 'POST',
    headers: { ...influxql.headers(), 'content-type': 'application/json' },
    body: JSON.stringify({
      start: stamp,
      stop,
      predicate:
        `_measurement="${MEASUREMENT.weighing}" ` +
        `AND weighbridgeId="${weighing.weighbridgeId}"`,
    }),
    signal: AbortSignal.timeout(config.writeTimeoutMs),
  });
  if (!res.ok) throw new Error(`POST /api/v2/delete: ${res.status} ${await res.text()}`);
}
