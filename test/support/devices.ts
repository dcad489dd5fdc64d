/** Real mqtt.js device connections with the mini city's credentials. */
import { readFileSync } from 'node:fs';
import { connectAsync, IClientOptions, MqttClient } from 'mqtt';
import { MINI_SECRETS } from '@sanitation/testing';

export const MINI_DEVICE_SECRETS = JSON.parse(readFileSync(MINI_SECRETS, 'utf8')) as Record<
  string,
  string
>;

export function connectDevice(
  url: string,
  deviceId: string,
  options: Partial<IClientOptions> = {},
): Promise<MqttClient> {
  return connectAsync(url, {
    clientId: `test-${deviceId}-${Math.random().toString(16).slice(2, 8)}`,
    username: deviceId,
    password: MINI_DEVICE_SECRETS[deviceId],
    protocolVersion: 4,
    reconnectPeriod: 0,
    connectTimeout: 5_000,
    ...options,
  });
}

/** Resolves when the broker closes the connection (a refused publish in MQTT 3.1.1). */
export function closed(client: MqttClient): Promise<void> {
  return new Promise((resolve) => {
    if (client.disconnected) resolve();
    client.once('close', () => resolve());
  });
}

export async function eventually<T>(
  probe: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await probe();
  while (!accept(last) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await probe();
  }
  return last;
}
