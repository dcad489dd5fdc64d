/**
 * Publishing load for benchmarks: many device connections, QoS 1, a bounded window of
 * messages in flight per connection, timed until the last PUBACK.
 */
import { connectAsync, MqttClient } from 'mqtt';

export interface LoadDevice {
  deviceId: string;
  secret?: string;
}

export interface LoadResult {
  messages: number;
  elements: number;
  seconds: number;
  messagesPerS: number;
  elementsPerS: number;
}

export async function connectDevices(url: string, devices: LoadDevice[]): Promise<MqttClient[]> {
  return Promise.all(
    devices.map((device, i) =>
      connectAsync(url, {
        clientId: `bench-${i}-${device.deviceId}`,
        username: device.secret ? device.deviceId : undefined,
        password: device.secret,
        protocolVersion: 4,
        reconnectPeriod: 0,
      }),
    ),
  );
}

/**
 * Each client publishes `perClient` messages made by `payload(clientIndex, n)`, keeping
 * at most `window` unacknowledged at a time.
 */
export async function publishLoad(
  clients: MqttClient[],
  topicOf: (clientIndex: number) => string,
  perClient: number,
  elementsPerMessage: number,
  payload: (clientIndex: number, n: number) => string,
  window = 64,
): Promise<LoadResult> {
  const started = performance.now();
  await Promise.all(
    clients.map(async (client, c) => {
      const inFlight = new Set<Promise<unknown>>();
      for (let n = 0; n < perClient; n++) {
        const sent = client.publishAsync(topicOf(c), payload(c, n), { qos: 1 });
        inFlight.add(sent);
        void sent.finally(() => inFlight.delete(sent));
        if (inFlight.size >= window) await Promise.race(inFlight);
      }
      await Promise.all(inFlight);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const messages = clients.length * perClient;
  return {
    messages,
    elements: messages * elementsPerMessage,
    seconds,
    messagesPerS: messages / seconds,
    elementsPerS: (messages * elementsPerMessage) / seconds,
  };
}

export async function closeAll(clients: MqttClient[]): Promise<void> {
  await Promise.all(clients.map((client) => client.endAsync()));
}
