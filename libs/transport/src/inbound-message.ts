/** One MQTT message as the platform receives it, before anything parses the payload. */
export interface InboundMessage {
  topic: string;
  payload: Buffer;
  qos: 0 | 1 | 2;
  retain: boolean;
  /** Wall time of arrival, epoch ms. */
  receivedAt: number;
}

/**
 * Where messages come from: the embedded broker in this process, or an external one.
 * `handler` resolves once the message is safe (stored or dead-lettered); only then is
 * it acknowledged to the publisher. A rejection leaves it unacknowledged.
 */
export interface MessageSource {
  start(patterns: string[], handler: (message: InboundMessage) => Promise<void>): Promise<void>;
  close(): Promise<void>;
  /** Publishes platform output (alerts, fleet state). */
  publish(topic: string, payload: string, options: { qos: 0 | 1; retain: boolean }): Promise<void>;
  readonly connected: boolean;
}
