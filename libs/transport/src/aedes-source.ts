/**
 * Messages from the embedded broker. It calls our handler inside its authorizePublish
 * hook, before the PUBACK, which is what makes the acknowledgement follow the write
 * (see libs/broker/src/embedded-broker.ts).
 */
import type { EmbeddedBroker } from '@sanitation/broker';
import type { InboundMessage, MessageSource } from './inbound-message';
import { topicMatches } from './topic-match';

export class AedesSource implements MessageSource {
  constructor(
    private readonly broker: EmbeddedBroker,
    private readonly onError: (error: unknown, topic: string) => void,
  ) {}

  get connected(): boolean {
    return !this.broker.instance.closed;
  }

  start(patterns: string[], handler: (message: InboundMessage) => Promise<void>): Promise<void> {
    this.broker.setInboundHandler(async (message) => {
      if (!patterns.some((pattern) => topicMatches(pattern, message.topic))) return;
      try {
        await handler(message);
      } catch (error) {
        // The publisher gets no PUBACK and is disconnected; it resends on reconnect.
        this.onError(error, message.topic);
        throw error;
      }
    });
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.broker.setInboundHandler(null);
    return Promise.resolve();
  }

  publish(topic: string, payload: string, options: { qos: 0 | 1; retain: boolean }) {
    return new Promise<void>((resolve, reject) =>
      this.broker.instance.publish(
        {
          cmd: 'publish',
          topic,
          payload: Buffer.from(payload),
          qos: options.qos,
          retain: options.retain,
          dup: false,
        },
        (error?: Error) => (error ? reject(error) : resolve()),
      ),
    );
  }
}
