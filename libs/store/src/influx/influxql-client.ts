import type { ResolvedInfluxConfig } from './config';

export interface QuerySeries {
  name: string;
  tags?: Record<string, string>;
  columns: string[];
  values: unknown[][];
}

interface QueryResponse {
  results?: { statement_id: number; series?: QuerySeries[]; error?: string }[];
  error?: string;
}

export type Row = Record<string, unknown>;

/** InfluxQL over HTTP `/query`: 1.x, 2.x's v1-compatible API (DBRP mapping) and 3.x. */
export class InfluxQlClient {
  constructor(private readonly config: ResolvedInfluxConfig) {}

  headers(): Record<string, string> {
    const { token, username, password } = this.config;
    if (token) return { authorization: `Token ${token}` };
    if (username) {
      const basic = Buffer.from(`${username}:${password ?? ''}`).toString('base64');
      return { authorization: `Basic ${basic}` };
    }
    return {};
  }

  /** Runs statements; `epoch` picks the unit of returned times. */
  async query(q: string, epoch: 'ms' | 'ns' = 'ms', method: 'GET' | 'POST' = 'GET') {
    const params = new URLSearchParams({ db: this.config.database, q, epoch });
    const url = `${this.config.url}/query?${params.toString()}`;
    const res = await fetch(url, {
      method,
      headers: this.headers(),
      signal: AbortSignal.timeout(this.config.writeTimeoutMs * 3),
    });
    const text = await res.text();

    if (!res.ok) throw new Error(`InfluxQL ${res.status}: ${text.slice(0, 500)}`);

    const body = JSON.parse(text) as QueryResponse;
    const failed = body.error ?? body.results?.find((r) => r.error)?.error;
    if (failed) throw new Error(`InfluxQL error: ${failed} (query: ${q.slice(0, 300)})`);
    return body.results ?? [];
  }

  /** Rows of the first statement, series tags merged into each row. */
  async rows(q: string, epoch: 'ms' | 'ns' = 'ms'): Promise<Row[]> {
    const [first] = await this.query(q, epoch);
    const rows: Row[] = [];

    for (const series of first?.series ?? []) {
      for (const values of series.values) {
        const row: Row = { ...series.tags };
        series.columns.forEach((column, i) => {
          if (values[i] !== null) row[column] = values[i];
        });
        rows.push(row);
      }
    }

    return rows;
  }
}

/**
 * `time` bounds of a range in InfluxQL: `from` inclusive, `to` exclusive, as in the SQLite
 * store. A point's sub-millisecond offset (SCHEMA.md) keeps it inside the millisecond of its
 * `ts`, so these bounds hold for reads and weighings too.
 */
export function timeClause(range: { from?: number; to?: number }): string {
  const parts: string[] = [];
  if (range.from !== undefined) parts.push(`time >= ${Math.floor(range.from)}ms`);
  if (range.to !== undefined) parts.push(`time < ${Math.floor(range.to)}ms`);
  return parts.join(' AND ');
}
