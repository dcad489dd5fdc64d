/** Writes generated messages as a §6 traffic file (`t` = when the device would send). */
import { createWriteStream } from 'node:fs';
import { trafficLine } from '../traffic/traffic-file';
import type { SimMessage } from './types';

export async function writeTrafficFile(path: string, messages: SimMessage[]): Promise<void> {
  const file = createWriteStream(path, { flags: 'w' });
  for (const message of messages) {
    const line = trafficLine(message.t, message.topic, message.payload, 1, message.retain);
    if (!file.write(line)) await new Promise<void>((resolve) => file.once('drain', resolve));
  }
  await new Promise<void>((resolve, reject) => file.end((error?: Error | null) =>
    (error ? reject(error) : resolve())));
}
