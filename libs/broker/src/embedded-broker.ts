/**
 * The embedded aedes broker (contract §2): device authentication at CONNECT, the topic
 * ACL on every publish (the Last Will included) and subscription, and the 256 KiB
 * payload limit, checked before anything parses the payload.
 *
 * aedes 1.x sends a QoS 1 PUBACK before it hands the message to subscribers, so an
 * in-process subscription cannot hold the acknowledgement back. Its authorizePublish
 * hook runs first and is asynchronous: the inbound handler runs there, and the PUBACK
 * goes out only once it has stored (or dead-lettered) the message.
 */
import { createServer, Server as NetServer, AddressInfo } from 'node:net';
import type { Aedes, Client, PublishPacket, Subscription } from 'aedes';
import { MAX_PAYLOAD_BYTES } from '@sanitation/contracts';
import type { InboundHandler } from './inbound-handler';
import { capPacketSize } from './packet-size-cap';
import { Logger, startupLogger } from '@sanitation/observability';
import { CredentialChecker } from './credentials';
import { describeIdentity, Identity } from './identity';
import type { RefusalSink } from './refusals';
import { mayPublish, maySubscribe } from './topic-acl';

/**
 * Packets past this are cut off unread (connection closed, counted, logged). Between
 * MAX_PAYLOAD_BYTES and this, a publish is read and refused with a dead letter.
 */
export const MAX_PACKET_BYTES = 16 * 1024 * 1024; // 16 MiB

/** CONNACK return codes of MQTT 3.1.1 §3.2.2.3. */
const BAD_USERNAME_OR_PASSWORD = 4;

export interface EmbeddedBrokerOptions {
  port: number;
  host?: string;
  authEnabled: boolean;
  credentials: CredentialChecker;
  refusals: RefusalSink;
  logger: Logger;
  onRefusal?: (reason: string) => void;
}

export class EmbeddedBroker {
  private aedes!: Aedes;
  private server!: NetServer;
  private readonly identities = new WeakMap<Client, Identity>();
  private inbound: InboundHandler | null = null;

  constructor(private readonly options: EmbeddedBrokerOptions) {}

  get instance(): Aedes {
    return this.aedes;
  }

  /** Where allowed publishes go before they are acknowledged; one handler at a time. */
  setInboundHandler(handler: InboundHandler | null): void {
    this.inbound = handler;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  async start(): Promise<number> {
    const { Aedes: AedesClass } = await import('aedes');
    this.aedes = await AedesClass.createBroker({
      authenticate: (client, username, password, done) => {
        this.authenticate(client, username, password).then(
          (ok) => done(ok ? null : refusedError(), ok),
          (error: unknown) => {
            this.options.logger.error({ err: error, clientId: client.id }, 'mqtt auth failed');
            done(refusedError(), false);
          },
        );
      },
      authorizePublish: (client, packet, done) => {
        const refusal = this.authorizePublish(client, packet);
        if (refusal || !client || !this.inbound) return done(refusal);
        this.inbound(toInbound(packet)).then(
          () => done(null),
          (error: unknown) => done(error instanceof Error ? error : new Error(String(error))),
        );
      },
      authorizeSubscribe: (client, subscription, done) =>
        done(null, this.authorizeSubscribe(client, subscription)),
    });

    this.server = createServer((socket) => {
      const client = this.aedes.handle(socket);
      capPacketSize(client, MAX_PACKET_BYTES, (declared) => {
        this.options.onRefusal?.('packet_too_large');
        this.options.logger.warn(
          { remoteAddress: socket.remoteAddress, declaredBytes: declared },
          `mqtt connection dropped: a packet of ${declared} bytes exceeds ${MAX_PACKET_BYTES}`,
        );
      });
    });
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port, this.options.host, resolve);
    });
    startupLogger(this.options.logger).info(
      { port: this.port },
      `mqtt listening on port ${this.port}`,
    );
    return this.port;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    await new Promise<void>((resolve) => this.aedes.close(() => resolve()));
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async authenticate(
    client: Client,
    username: string | undefined,
    password: Buffer | undefined,
  ): Promise<boolean> {
    if (!this.options.authEnabled) {
      this.identities.set(client, { kind: 'anonymous' });
      return true;
    }

    const verdict = await this.options.credentials.check(username, password);
    if (!verdict.ok) {
      this.options.onRefusal?.(verdict.reason);
      this.options.logger.warn(
        { clientId: client.id, username, reason: verdict.reason },
        'mqtt connection refused: check the device id and secret in the registry',
      );
      return false;
    }
    this.identities.set(client, verdict.identity);
    return true;
  }

  private authorizePublish(client: Client | null, packet: PublishPacket): Error | null {
    if (client === null) return null;
    const identity = this.identities.get(client);
    if (!identity) return new Error('connection has no authenticated identity');
    const deviceId = identity.kind === 'device' ? identity.deviceId : null;
    const payload = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);

    if (!mayPublish(identity, packet.topic)) {
      return this.refuse(identity, {
        reason: 'forbidden_topic',
        topic: packet.topic,
        deviceId,
        payload,
        message: `${describeIdentity(identity)} may not publish to ${packet.topic}`,
      });
    }
    if (payload.length > MAX_PAYLOAD_BYTES) {
      return this.refuse(identity, {
        reason: 'payload_too_large',
        topic: packet.topic,
        deviceId,
        payload,
        message: `payload of ${payload.length} bytes exceeds ${MAX_PAYLOAD_BYTES}`,
      });
    }
    return null;
  }

  private authorizeSubscribe(client: Client, subscription: Subscription): Subscription | null {
    const identity = this.identities.get(client);
    if (identity && maySubscribe(identity, subscription.topic)) return subscription;

    this.options.onRefusal?.('forbidden_subscription');
    const who = identity ? describeIdentity(identity) : 'an unknown client';
    this.options.logger.warn(
      { clientId: client.id, filter: subscription.topic },
      `mqtt subscription refused: ${who} may not read it`,
    );
    return null;
  }

  private refuse(identity: Identity, refusal: Parameters<RefusalSink['publishRefused']>[0]) {
    this.options.onRefusal?.(refusal.reason);
    this.options.logger.warn(
      { deviceId: refusal.deviceId, topic: refusal.topic, reason: refusal.reason },
      `mqtt publish refused from ${describeIdentity(identity)}: ${refusal.message}`,
    );
    this.options.refusals.publishRefused(refusal);
    return new Error(refusal.message);
  }
}

function toInbound(packet: PublishPacket) {
  return {
    topic: packet.topic,
    payload: Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload),
    qos: packet.qos,
    retain: packet.retain,
    receivedAt: Date.now(),
  };
}

function refusedError() {
  return Object.assign(new Error('bad username or password'), {
    returnCode: BAD_USERNAME_OR_PASSWORD,
  });
}
