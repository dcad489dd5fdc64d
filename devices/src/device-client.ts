/**
 * One device's MQTT link as contract §2 describes it: its own credentials, a persistent
 * session, a retained status with a Last Will, QoS 1 data and store-and-forward while offline.
 */
import mqtt, { IClientOptions, MqttClient } from 'mqtt';
import { DATA_CHANNEL, DeviceChannel, DeviceKind, deviceTopic } from '@sanitation/contracts';
import { RecordBuffer } from './record-buffer';

export interface DeviceClientOptions {
  url: string;
  deviceId: string;
  kind: DeviceKind;
  secret: string;
  /** Stable by default so the broker keeps the session across reconnects. */
  clientId?: string;
  /** Device clock for status times; a simulator passes its simulated clock. */
  now?: () => number;
  connectTimeoutMs?: number;
  reconnectPeriodMs?: number;
}

export type StatusPayload = { online: boolean; ts: number | string } & Record<string, unknown>;

export class DeviceClient {
  private client: MqttClient | null = null;
  private readonly buffer = new RecordBuffer<unknown>();
  private outage = false;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly options: DeviceClientOptions) {}

  get deviceId(): string {
    return this.options.deviceId;
  }

  get buffered(): number {
    return this.buffer.size;
  }

  get connected(): boolean {
    return this.client?.connected === true;
  }

  topic(channel: DeviceChannel): string {
    return deviceTopic(this.options.kind, this.options.deviceId, channel);
  }

  /** Connects, then publishes the retained online status; rejects when CONNECT is refused. */
  async connect(status?: StatusPayload): Promise<void> {
    const statusTopic = this.topic('status');
    const ts = this.now();
    const mqttOptions: IClientOptions = {
      username: this.options.deviceId,
      password: this.options.secret,
      clientId: this.options.clientId ?? `dev-${this.options.deviceId}`,
      clean: false,
      protocolVersion: 4,
      connectTimeout: this.options.connectTimeoutMs ?? 10_000,
      reconnectPeriod: this.options.reconnectPeriodMs ?? 1_000,
      will: {
        topic: statusTopic,
        payload: Buffer.from(JSON.stringify({ online: false, ts })),
        qos: 1,
        retain: true,
      },
    };
    this.client = await mqtt.connectAsync(this.options.url, mqttOptions);
    this.client.on('connect', () => this.onReconnect());

    await this.publishRaw('status', JSON.stringify(status ?? { online: true, ts }), true);
  }

  /** Sends one record on the kind's data channel, or buffers it while offline. */
  async send(record: unknown): Promise<void> {
    if (this.outage || !this.connected) {
      this.buffer.push(record);
      return;
    }
    await this.publishRaw(DATA_CHANNEL[this.options.kind], JSON.stringify(record));
  }

  /** Simulates a lost link: records are kept until the outage ends, then uploaded. */
  async setOutage(on: boolean): Promise<void> {
    this.outage = on;
    if (!on) await this.flush();
  }

  /** Uploads buffered records as arrays of at most 500, oldest first. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.uploadBuffer());
    return this.flushing;
  }

  /** Publishes exact payload bytes at QoS 1 (a simulator's malformed messages included). */
  async publishRaw(channel: DeviceChannel, payload: string | Buffer, retain = false):
    Promise<void> {
    if (!this.client) throw new Error(`device ${this.deviceId} is not connected`);
    await this.client.publishAsync(this.topic(channel), payload, { qos: 1, retain });
  }

  /** Publishes the retained offline status, then disconnects cleanly (no Last Will). */
  async close(status?: StatusPayload): Promise<void> {
    if (!this.client) return;

    if (this.connected) {
      await this.publishRaw('status', JSON.stringify(status ?? { online: false, ts: this.now() }),
        true);
    }
    await this.client.endAsync();
    this.client = null;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private onReconnect(): void {
    if (this.outage || this.buffer.size === 0) return;
    // A failed upload puts its batches back in the buffer; the next reconnect retries them.
    this.flush().catch(() => undefined);
  }

  private async uploadBuffer(): Promise<void> {
    if (this.outage || !this.connected) return;

    const batches = this.buffer.drain();
    const channel = DATA_CHANNEL[this.options.kind];
    for (let index = 0; index < batches.length; index += 1) {
      try {
        await this.publishRaw(channel, JSON.stringify(batches[index]));
      } catch (error) {
        this.buffer.restore(batches.slice(index));
        throw error;
      }
    }
  }
}
