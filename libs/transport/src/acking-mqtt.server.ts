/**
 * A Nest microservice transport for MQTT that acknowledges a message only after its
 * handler has finished. The stock `Transport.MQTT` server acknowledges as soon as
 * mqtt.js emits `message`, before the handler runs (shared/notes/stack.md), which
 * would let a crash lose what a device was told was received.
 */
import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { BaseRpcContext } from '@nestjs/microservices/ctx-host/base-rpc.context.js';
import { isObservable, lastValueFrom } from 'rxjs';
import type { InboundMessage, MessageSource } from './inbound-message';
import { topicMatches } from './topic-match';

export class MqttInboundContext extends BaseRpcContext<[InboundMessage]> {
  get message(): InboundMessage {
    return this.args[0];
  }
}

export class AckingMqttServer extends Server implements CustomTransportStrategy {
  constructor(private readonly source: MessageSource) {
    super();
  }

  listen(callback: (...optionalParams: unknown[]) => unknown): void {
    const patterns = [...this.messageHandlers.keys()];
    this.source
      .start(patterns, (message) => this.dispatch(message))
      .then(
        () => callback(),
        (error: unknown) => callback(error),
      );
  }

  async close(): Promise<void> {
    await this.source.close();
  }

  on(): never {
    throw new Error('AckingMqttServer does not emit transport events');
  }

  unwrap<T>(): T {
    return this.source as T;
  }

  /** Resolves once the handler's work (its promise or stream) has completed. */
  private async dispatch(message: InboundMessage): Promise<void> {
    const handler = [...this.messageHandlers.entries()].find(([pattern]) =>
      topicMatches(pattern, message.topic),
    )?.[1];
    if (!handler) return;

    const result: unknown = await handler(message, new MqttInboundContext([message]));
    if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
  }
}
