import type { ResolvedInfluxConfig } from './config';
import { InfluxQlClient } from './influxql-client';
import { outcomeOf, type LineWriter, type WriteOutcome } from './line-writer';

/** InfluxDB 1.x `/write` over Node's fetch, whose agent keeps connections alive. */
export class V1LineWriter implements LineWriter {
  private readonly url: string;
  private readonly headers: Record<string, string>;

  constructor(private readonly config: ResolvedInfluxConfig) {
    const params = new URLSearchParams({ db: config.database, precision: 'ns' });
    this.url = `${config.url}/write?${params.toString()}`;
    this.headers = {
      ...new InfluxQlClient(config).headers(),
      'content-type': 'text/plain; charset=utf-8',
    };
  }

  async write(lines: string[]): Promise<WriteOutcome> {
    try {
      const res = await fetch(this.url, {
        method: 'POST',
        headers: this.headers,
        body: lines.join('\n'),
        signal: AbortSignal.timeout(this.config.writeTimeoutMs),
      });
      return outcomeOf(res.status, await res.text());
    } catch (err) {
      return { kind: 'unavailable', message: describe(err) };
    }
  }

  async close(): Promise<void> {
    return undefined;
  }
}

export function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = (err as Error & { cause?: unknown }).cause;
  return cause instanceof Error ? `${err.message}: ${cause.message}` : err.message;
}
