/**
 * Publishing at a target rate for benchmarks: QoS 1 over many device connections, at most
 * `window` messages unacknowledged per connection. When the platform holds its PUBACKs the
 * publishers stall, as real devices would, and the achieved rate shows it.
 */
import type { MqttClient } from 'mqtt';

export interface PacedLoadOptions {
  clients: MqttClient[];
  topicOf: (clientIndex: number) => string;
  /** The n-th message (from 0) of one client. */
  payload: (clientIndex: number, n: number) => string;
  ratePerS: number;
  window: number;
}

const TICK_MS = 5;
// Catch-up after a stall is capped at 0.2 s of messages, so a stall is not hidden by a burst.
const MAX_BURST_S = 0.2;

export class PacedLoad {
  /** Messages handed to each client so far, and acknowledged by the broker. */
  readonly published: number[];
  readonly acked: number[];
  readonly failed: number[];
  private readonly inFlight: number[];
  private timer: NodeJS.Timeout | null = null;
  private tokens = 0;
  private lastTick = 0;
  private next = 0;
  private startedAt = 0;
  private stoppedAt = 0;

  constructor(private readonly options: PacedLoadOptions) {
    const zeros = () => options.clients.map(() => 0);
    this.published = zeros();
    this.acked = zeros();
    this.failed = zeros();
    this.inFlight = zeros();
  }

  get totalAcked(): number {
    return sum(this.acked);
  }

  get totalFailed(): number {
    return sum(this.failed);
  }

  get outstanding(): number {
    return sum(this.inFlight);
  }

  /** Acknowledged messages per second from start to stop (or to now while running). */
  get achievedRate(): number {
    const end = this.stoppedAt || performance.now();
    return this.totalAcked / ((end - this.startedAt) / 1000);
  }

  start(): void {
    this.startedAt = performance.now();
    this.lastTick = this.startedAt;
    this.timer = setInterval(() => this.tick(), TICK_MS);
  }

  /** Stops publishing and waits up to `timeoutMs` for the messages still in flight. */
  async stop(timeoutMs: number): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;

    const deadline = Date.now() + timeoutMs;
    while (this.outstanding > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    this.stoppedAt = performance.now();
  }

  private tick(): void {
    const now = performance.now();
    const rate = this.options.ratePerS;
    this.tokens = Math.min(this.tokens + ((now - this.lastTick) / 1000) * rate, rate * MAX_BURST_S);
    this.lastTick = now;

    const clients = this.options.clients.length;
    let idle = 0;
    while (this.tokens >= 1 && idle < clients) {
      const c = this.next;
      this.next = (this.next + 1) % clients;
      if (this.inFlight[c] >= this.options.window) {
        idle += 1;
        continue;
      }
      idle = 0;
      this.tokens -= 1;
      this.publish(c);
    }
  }

  private publish(c: number): void {
    const n = this.published[c];
    this.published[c] += 1;
    this.inFlight[c] += 1;

    const { topicOf, payload } = this.options;
    this.options.clients[c].publish(topicOf(c), payload(c, n), { qos: 1 }, (err) => {
      this.inFlight[c] -= 1;
      if (err) this.failed[c] += 1;
      else this.acked[c] += 1;
    });
  }
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
