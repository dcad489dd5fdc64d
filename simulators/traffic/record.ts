/** Records everything under sanitation/v1/# into a §6 traffic file, `t` being receive time. */
import { createWriteStream, WriteStream } from 'node:fs';
import mqtt, { MqttClient } from 'mqtt';
import { TOPIC_ROOT } from '@sanitation/contracts';
import { trafficLine } from './traffic-file';

export interface RecordOptions {
  url: string;
  /** An engineer or admin API token (§2: username `token`). */
  token?: string;
  out: string;
  topic?: string;
  clientId?: string;
}

export interface Recorder {
  /** Messages written so far. */
  readonly count: number;
  /** Unsubscribes, disconnects and closes the file. */
  stop(): Promise<void>;
}

export async function startRecorder(options: RecordOptions): Promise<Recorder> {
  const file: WriteStream = createWriteStream(options.out, { flags: 'w' });
  await new Promise<void>((resolve, reject) => file.once('open', () => resolve())
    .once('error', reject));

  const client: MqttClient = await mqtt.connectAsync(options.url, {
    username: options.token === undefined ? undefined : 'token',
    password: options.token,
    clientId: options.clientId ?? `recorder-${process.pid}-${Date.now()}`,
    protocolVersion: 4,
    clean: true,
  });
  let count = 0;
  client.on('message', (topic, payload, packet) => {
    count += 1;
    file.write(trafficLine(Date.now(), topic, payload, packet.qos, packet.retain));
  });
  await client.subscribeAsync(options.topic ?? `${TOPIC_ROOT}/#`, { qos: 1 });

  return {
    get count() {
      return count;
    },
    stop: async () => {
      await client.endAsync();
      await new Promise<void>((resolve, reject) => file.end((error?: Error | null) =>
        (error ? reject(error) : resolve())));
    },
  };
}
