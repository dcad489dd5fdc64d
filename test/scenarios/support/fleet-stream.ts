/** A dispatcher's `GET /api/fleet/stream`: server-sent truck states, each with when it came. */
import type { TruckState } from '@sanitation/contracts';
import type { PlatformProcess } from '@sanitation/testing';

export interface Seen {
  atMs: number;
  state: TruckState;
}

export class FleetStreamClient {
  readonly seen: Seen[] = [];
  private readonly abort = new AbortController();

  /** Opens the stream with `?access_token=`, as a browser's EventSource would. */
  async open(platform: PlatformProcess, token: string): Promise<this> {
    const response = await fetch(`${platform.httpUrl}/api/fleet/stream?access_token=${token}`,
      { signal: this.abort.signal });
    if (!response.ok || !response.body) throw new Error(`fleet stream: ${response.status}`);
    void this.read(response.body.getReader());
    return this;
  }

  close(): void {
    this.abort.abort();
  }

  /** Resolves with the first state (already seen or yet to come) that `accept` takes. */
  async waitFor(accept: (state: TruckState) => boolean, timeoutMs = 20_000): Promise<Seen> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.seen.find((seen) => accept(seen.state));
      if (found) return found;
      if (Date.now() > deadline) throw new Error('fleet stream: no such state in time');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private async read(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffered = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffered += decoder.decode(value, { stream: true });
        const events = buffered.split('\n\n');
        buffered = events.pop() ?? '';
        for (const event of events) {
          const data = event.split('\n').find((line) => line.startsWith('data: '));
          if (data) this.seen.push({ atMs: Date.now(), state: JSON.parse(data.slice(6)) });
        }
      }
    } catch {
      // An aborted stream ends the read loop; nothing is waiting on it.
    }
  }
}
