/**
 * The mini city's devices as real mqtt.js clients (contract §2): username = device id,
 * password = its secret from seeds/mini/device-secrets.json.
 */
import { readFileSync } from 'node:fs';
import { connectAsync, MqttClient } from 'mqtt';
import { MINI_SECRETS } from '@sanitation/testing';

const SECRETS = JSON.parse(readFileSync(MINI_SECRETS, 'utf8')) as Record<string, string>;

export interface Fix {
  ts: number;
  lat: number;
  lon: number;
  speedKmh?: number;
}

export interface Weighing {
  ticket: number;
  ts: number;
  plate: string;
  grossKg: number;
  tareKg?: number;
}

export class MiniDevices {
  /** Connections by device id, kept as promises so that parallel publishes share one. */
  private readonly clients = new Map<string, Promise<MqttClient>>();

  constructor(private readonly url: string) {}

  async fix(deviceId: string, fix: Fix): Promise<void> {
    await this.publish(deviceId, `sanitation/v1/gps/${deviceId}/fix`, fix);
  }

  async read(deviceId: string, read: { ts: number; tag: string }): Promise<void> {
    await this.publish(deviceId, `sanitation/v1/rfid/${deviceId}/read`, read);
  }

  async weighing(deviceId: string, weighing: Weighing): Promise<void> {
    await this.publish(deviceId, `sanitation/v1/weighbridge/${deviceId}/weighing`, weighing);
  }

  async close(): Promise<void> {
    const clients = await Promise.all(this.clients.values());
    await Promise.all(clients.map((client) => client.endAsync()));
    this.clients.clear();
  }

  /** QoS 1: the platform acknowledges only after ingest has taken the message. */
  private async publish(deviceId: string, topic: string, payload: unknown): Promise<void> {
    const client = await this.client(deviceId);
    await client.publishAsync(topic, JSON.stringify(payload), { qos: 1 });
  }

  private client(deviceId: string): Promise<MqttClient> {
    const known = this.clients.get(deviceId);
    if (known) return known;
    const connecting = connectAsync(this.url, {
      clientId: `console-test-${deviceId}`,
      username: deviceId,
      password: SECRETS[deviceId],
      protocolVersion: 4,
      reconnectPeriod: 0,
      connectTimeout: 5_000,
    });
    this.clients.set(deviceId, connecting);
    return connecting;
  }
}
