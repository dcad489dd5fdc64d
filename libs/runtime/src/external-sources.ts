/**
 * Subscriptions to an external broker (MQTT_URL). Client ids are stable so that, with
 * persistent sessions, the broker keeps what arrives while a process is down and hands
 * it, and anything sent but not yet acknowledged, to the same id when it returns.
 */
import { DEVICE_KINDS, TOPIC_ROOT } from '@sanitation/contracts';
import type { Logger } from '@sanitation/observability';
import { ExternalBrokerSource } from '@sanitation/transport';

export const DEVICE_PATTERNS = DEVICE_KINDS.map((kind) => `${TOPIC_ROOT}/${kind}/#`);

/** Every ingest process subscribes in this group, so each message reaches one of them. */
export const INGEST_SHARE_GROUP = 'sanitation-ingest';

/**
 * @param instance null for the single-process platform (ids `sanitation-ingest-<n>`, as
 * before); an ingest process's INSTANCE_ID otherwise (`sanitation-ingest-<id>-<n>`).
 */
export function ingestSource(
  url: string,
  instance: string | null,
  connections: number,
  logger: Logger,
): ExternalBrokerSource {
  return new ExternalBrokerSource({
    url,
    clientIdPrefix: instance === null ? INGEST_SHARE_GROUP : `${INGEST_SHARE_GROUP}-${instance}`,
    connections,
    shareGroup: INGEST_SHARE_GROUP,
    onError: (error, topic) =>
      logger.error({ err: error, topic }, 'message not acknowledged: the store write failed'),
  });
}

/** The rules process: one connection, its own (not shared) subscription, every message. */
export function rulesSource(url: string, instance: string, logger: Logger): ExternalBrokerSource {
  return new ExternalBrokerSource({
    url,
    clientIdPrefix: `sanitation-rules-${instance}`,
    connections: 1,
    shareGroup: 'sanitation-rules', // unused with one connection
    onError: (error, topic) =>
      logger.error({ err: error, topic }, 'message not acknowledged: the rules failed on it'),
  });
}
