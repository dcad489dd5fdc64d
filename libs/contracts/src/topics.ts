/** MQTT topic names of contract §2 and §3, named once. */

export const TOPIC_ROOT = 'sanitation/v1';

export const DEVICE_KINDS = ['gps', 'rfid', 'weighbridge'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** The data channel each device kind publishes on, beside the common `status`. */
export const DATA_CHANNEL: Record<DeviceKind, 'fix' | 'read' | 'weighing'> = {
  gps: 'fix',
  rfid: 'read',
  weighbridge: 'weighing',
};

export type DeviceChannel = 'fix' | 'read' | 'weighing' | 'status';

export interface DeviceTopic {
  kind: DeviceKind;
  deviceId: string;
  channel: DeviceChannel;
}

export const deviceTopic = (kind: DeviceKind, deviceId: string, channel: DeviceChannel) =>
  `${TOPIC_ROOT}/${kind}/${deviceId}/${channel}`;

/** Subscription patterns for everything devices publish. */
export const DEVICE_TOPIC_PATTERNS = DEVICE_KINDS.map((kind) => `${TOPIC_ROOT}/${kind}/+/+`);

export const alertTopic = (category: string, type: string) =>
  `${TOPIC_ROOT}/alerts/${category}/${type}`;

export const fleetStateTopic = (truckId: string) => `${TOPIC_ROOT}/fleet/${truckId}/state`;

/**
 * Splits a device topic into its parts; null when it is not one of the four device
 * topics of §2 (a kind we do not know, a channel that kind does not publish, extra levels).
 */
export function parseDeviceTopic(topic: string): DeviceTopic | null {
  const parts = topic.split('/');
  if (parts.length !== 5 || `${parts[0]}/${parts[1]}` !== TOPIC_ROOT) return null;

  const [, , kind, deviceId, channel] = parts;
  if (!(DEVICE_KINDS as readonly string[]).includes(kind) || deviceId === '') return null;

  const deviceKind = kind as DeviceKind;
  if (channel !== 'status' && channel !== DATA_CHANNEL[deviceKind]) return null;
  return { kind: deviceKind, deviceId, channel: channel as DeviceChannel };
}
