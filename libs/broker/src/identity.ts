import type { DeviceKind, Role } from '@sanitation/contracts';

/** Who is on the other end of an MQTT connection (contract §2). */
export type Identity =
  | { kind: 'device'; deviceId: string; deviceKind: DeviceKind }
  | { kind: 'person'; role: Role; label: string }
  /** MQTT_AUTH=off: anyone, for development only. */
  | { kind: 'anonymous' };

export const describeIdentity = (identity: Identity): string => {
  switch (identity.kind) {
    case 'device':
      return `device ${identity.deviceId}`;
    case 'person':
      return `${identity.role} token ${identity.label}`;
    case 'anonymous':
      return 'anonymous client';
  }
};
