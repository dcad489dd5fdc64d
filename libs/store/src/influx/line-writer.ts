/** Sends line protocol to InfluxDB once; retrying is the spool's job, not the writer's. */
export type WriteOutcome =
  | { kind: 'ok' }
  /** 400/422: the server refused some lines (a partial write); sending again cannot help. */
  | { kind: 'rejected'; status: number; message: string; droppedLines: number | null }
  /** Unreachable, timed out, 5xx, 429, auth or unknown database: keep the lines for later. */
  | { kind: 'unavailable'; message: string };

export interface LineWriter {
  write(lines: string[]): Promise<WriteOutcome>;
  close(): Promise<void>;
}

/** Classifies an HTTP answer to a write request. */
export function outcomeOf(status: number, body: string): WriteOutcome {
  if (status >= 200 && status < 300) return { kind: 'ok' };

  if (status === 400 || status === 422) {
    const dropped = /dropped=(\d+)/.exec(body);
    return {
      kind: 'rejected',
      status,
      message: body.slice(0, 1000),
      droppedLines: dropped ? Number(dropped[1]) : null,
    };
  }

  return { kind: 'unavailable', message: `HTTP ${status}: ${body.slice(0, 300)}` };
}
