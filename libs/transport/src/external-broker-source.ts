/**
 * Messages from an external broker (MQTT_URL). mqtt.js sends a QoS 1 PUBACK only when
 * `handleMessage` calls back, and handles one message at a time per connection, so
 * throughput comes from several connections sharing one subscription (`$share/…`).
 */
import { connect, IClientOptions, MqttClient } from 'mqtt';
import type { InboundMessage, MessageSource } from './inbound-message';

export interface ExternalBrokerOptions {
  url: string;
  /** Stable prefix: with clean: false the broker keeps our session across restarts. */
  clientIdPrefix: string;
  /** Connections sharing the subscription; 1 disables `$share`. */
  connections: number;
  /** Name of the shared-subscription group. */
  shareGroup: string;
  username?: string;
  password?: string;
  onError: (error: unknown, topic: string) => void;
}

export class ExternalBrokerSource implements MessageSource {
  private readonly clients: MqttClient[] = [];

  constructor(private readonly options: ExternalBrokerOptions) {}

  get connected(): boolean {
    return this.clients.length > 0 && this.clients.every((client) => client.connected);
  }

  async start(
    patterns: string[],
    handler: (message: InboundMessage) => Promise<void>,
  ): Promise<void> {
    const count = Math.max(1, this.options.connections);
    const filters =
      count > 1 ? patterns.map((p) => `$share/${this.options.shareGroup}/${p}`) : patterns;

    for (let i = 0; i < count; i++) {
      const client = await this.connectOne(`${this.options.clientIdPrefix}-${i}`, handler);
      await client.subscribeAsync(filters, { qos: 1 });
      this.clients.push(client);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.clients.splice(0).map((client) => client.endAsync()));
  }

  async publish(topic: string, payload: string, options: { qos: 0 | 1; retain: boolean }) {
    const client = this.clients[0];
    if (!client) throw new Error('external broker source is not started');
    await client.publishAsync(topic, payload, options);
  }

  private async connectOne(
    clientId: string,
    handler: (message: InboundMessage) => Promise<void>,
  ): Promise<MqttClient> {
    const options: IClientOptions = {
      clientId,
      clean: false,
      protocolVersion: 4,
      reconnectPeriod: 1000,
      username: this.options.username,
      password: this.options.password,
      manualConnect: true,
    };
    const client = connect(this.options.url, options);

    client.handleMessage = (packet, callback) => {
      const message: InboundMessage = {
        topic: packet.topic,
        payload: Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload),
        qos: packet.qos,
        retain: packet.retain,
        receivedAt: Date.now(),
      };
      handler(message).then(
        () => callback(),
        (error: unknown) => {
          this.options.onError(error, packet.topic);
          // No PUBACK: drop the connection so the broker redelivers from our session.
          client.stream.destroy();
        },
      );
    };

    client.connect();
    await new Promise<void>((resolve, reject) => {
      client.once('connect', () => resolve());
      client.once('error', reject);
    });
    return client;
  }
}
