/**
 * The topic rules of contract §2: a device publishes only its own data channel and
 * status, and subscribes only under its own subtree; people read, never publish.
 */
import { DATA_CHANNEL, parseDeviceTopic, TOPIC_ROOT } from '@sanitation/contracts';
import type { Identity } from './identity';

export function mayPublish(identity: Identity, topic: string): boolean {
  switch (identity.kind) {
    case 'anonymous':
      return true;
    case 'person':
      return false;
    case 'device': {
      const parsed = parseDeviceTopic(topic);
      return (
        parsed !== null &&
        parsed.kind === identity.deviceKind &&
        parsed.deviceId === identity.deviceId &&
        (parsed.channel === 'status' || parsed.channel === DATA_CHANNEL[identity.deviceKind])
      );
    }
  }
}

export function maySubscribe(identity: Identity, filter: string): boolean {
  switch (identity.kind) {
    case 'anonymous':
      return true;
    case 'device':
      return isUnder(filter, `${TOPIC_ROOT}/${identity.deviceKind}/${identity.deviceId}`);
    case 'person':
      if (identity.role === 'engineer' || identity.role === 'admin') {
        return isUnder(filter, TOPIC_ROOT);
      }
      return isUnder(filter, `${TOPIC_ROOT}/alerts`) || isUnder(filter, `${TOPIC_ROOT}/fleet`);
  }
}

/**
 * True when every topic the filter can match lies under `prefix`: the prefix's levels
 * are matched literally (a wildcard there could reach another subtree).
 */
function isUnder(filter: string, prefix: string): boolean {
  const prefixLevels = prefix.split('/');
  const levels = filter.split('/');
  if (levels.length < prefixLevels.length) return false;
  if (levels.length === prefixLevels.length) return filter === prefix;

  return prefixLevels.every((level, i) => levels[i] === level);
}
