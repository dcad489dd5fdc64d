/** `check`: fetch a running platform's alerts (§5) and score them against a ground truth. */
import { readFileSync } from 'node:fs';
import type { Alert } from '@sanitation/contracts';
import { parseArgs, requireValue } from '../support/args';
import type { ExpectedAlert } from '../city-day/types';
import { compareAlerts, Comparison } from './compare';

export const CHECK_HELP = `check: compare a platform's alerts with a ground-truth file

  --api URL          platform HTTP base, e.g. http://localhost:3000
  --token TOKEN      API token (Authorization: Bearer)
  --truth FILE       ground truth written by city-day (or a JSON array of alerts)
  --tolerance-ms N   allowed openedAt difference (default 0)
  --from TIME        only alerts opened from this time (passed to the API)
`;

const PAGE = 10_000;

/** Every alert the platform holds, page by page (GET /api/alerts, newest first). */
export async function fetchAlerts(api: string, token: string, from?: string): Promise<Alert[]> {
  const alerts: Alert[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const url = new URL('/api/alerts', api);
    url.searchParams.set('limit', String(PAGE));
    url.searchParams.set('offset', String(offset));
    if (from) url.searchParams.set('from', from);
    const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
    if (!response.ok) {
      throw new Error(`GET ${url.pathname} answered ${response.status}: ${await response.text()}`);
    }
    const page = (await response.json()) as Alert[];
    alerts.push(...page);
    if (page.length < PAGE) return alerts;
  }
}

export function loadTruth(path: string): ExpectedAlert[] {
  const value = JSON.parse(readFileSync(path, 'utf8')) as ExpectedAlert[] |
    { alerts: ExpectedAlert[] };
  return Array.isArray(value) ? value : value.alerts;
}

export function formatComparison(result: Comparison): string {
  const rows = result.perType.map((row) => `${row.type.padEnd(24)} ${String(row.expected)
    .padStart(8)} ${String(row.raised).padStart(7)} ${String(row.matched).padStart(8)} ` +
    `${row.precision.toFixed(3).padStart(9)} ${row.recall.toFixed(3).padStart(7)}`);
  const describe = (alert: ExpectedAlert | Alert | Omit<Alert, 'id'>) => `  ${alert.type} ` +
    `truck=${alert.truckId} route=${alert.routeId} facility=${alert.facilityId} ` +
    `weighbridge=${alert.weighbridgeId} openedAt=${alert.openedAt}`;
  return [
    `${'type'.padEnd(24)} expected  raised  matched precision  recall`,
    ...rows,
    ...(result.missing.length > 0 ? ['missing:', ...result.missing.map((a) =>
      describe(a as Alert))] : []),
    ...(result.unexpected.length > 0 ? ['unexpected:', ...result.unexpected.map((a) =>
      describe(a as Alert))] : []),
    result.perfect ? 'perfect match' : 'NOT a perfect match',
  ].join('\n');
}

export async function checkCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['help']);
  if (args.flags.has('help')) {
    process.stdout.write(CHECK_HELP);
    return 0;
  }

  const expected = loadTruth(requireValue(args, 'truth'));
  const raised = await fetchAlerts(requireValue(args, 'api'), requireValue(args, 'token'),
    args.values.get('from'));
  const result = compareAlerts(expected, raised, Number(args.values.get('tolerance-ms') ?? 0));
  process.stdout.write(`${formatComparison(result)}\n`);
  return result.perfect ? 0 : 1;
}
