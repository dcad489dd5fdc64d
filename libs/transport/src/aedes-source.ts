/**
 * Messages from the embedded aedes broker. An in-process subscription's callback holds
 * the publisher's PUBACK until it is called, which is what makes the acknowledgement
 * follow the write.
 */
import type { Aedes, AedesPublishPacket } from 'aedes';
import type { InboundMessage, MessageSource } from './inbound-message';

export class AedesSource implements MessageSource {
  private readonly subscriptions: [string, (packet: AedesPublishPacket, cb: () => void) => void][] =
    [];

  constructor(
    private readonly aedes: () => Aedes,
    private readonly onError: (error: unknown, topic: string) => void,
  ) {}

  get connected(): boolean {
    return !this.aedes().closed;
  }

  async start(
    patterns: string[],
    handler: (message: InboundMessage) => Promise<void>,
  ): Promise<void> {
    for (const pattern of patterns) {
      const deliver = (packet: AedesPublishPacket, cb: () => void) => {
        const message: InboundMessage = {
          topic: packet.topic,
          payload: Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload),
          qos: packet.qos,
          retain: packet.retain,
          receivedAt: Date.now(),
        };
        // On failure cb stays uncalled: the publisher gets no PUBACK, its connection
        // stalls until keep-alive drops it, and it resends the message on reconnect.
        handler(message).then(cb, (error: unknown) => this.onError(error, packet.topic));
      };
      await new Promise<void>((resolve) => this.aedes().subscribe(pattern, deliver, resolve));
      this.subscriptions.push([pattern, deliver]);
    }
  }

  async close(): Promise<void> {
    for (const [pattern, deliver] of this.subscriptions.splice(0)) {
      await new Promise<void>((resolve) => this.aedes().unsubscribe(pattern, deliver, resolve));
    }
  }

  publish(topic: string, payload: string, options: { qos: 0 | 1; retain: boolean }) {
    return new Promise<void>((resolve, reject) =>
      this.aedes().publish(
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
