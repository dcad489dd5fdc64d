/**
 * Development credentials for seeded devices. Secrets and salts are derived from the
 * city's seed, so the files regenerate identically; anyone with the seed knows every
 * secret, which is why they are for development and tests only.
 */
import { createHash, createHmac } from 'node:crypto';
import type { Device } from '@sanitation/contracts';
import { hashSecret } from '@sanitation/registry';

const SECRET_CHARS = 24;
const SALT_BYTES = 16;

/** A 24-character URL-safe secret for `deviceId`, fixed by `seed`. */
export function derivedSecret(seed: string, deviceId: string): string {
  return createHmac('sha256', seed)
    .update(`device-secret:${deviceId}`)
    .digest('base64url')
    .slice(0, SECRET_CHARS);
}

/** The scrypt hash of contract §1, with a salt fixed by seed and device. */
export function deterministicHash(seed: string, deviceId: string, secret: string): string {
  const salt = createHash('sha256')
    .update(`device-salt:${seed}:${deviceId}`)
    .digest()
    .subarray(0, SALT_BYTES);
  return hashSecret(secret, salt);
}

export interface DeviceCredentials {
  devices: Device[];
  /** Device id to plain secret: the content of device-secrets.json. */
  secrets: Record<string, string>;
}

export function buildDevices(
  seed: string,
  entries: { id: string; kind: Device['kind'] }[],
  secretOf: (deviceId: string) => string = (id) => derivedSecret(seed, id),
): DeviceCredentials {
  const devices: Device[] = [];
  const secrets: Record<string, string> = {};

  for (const { id, kind } of entries) {
    const secret = secretOf(id);
    secrets[id] = secret;
    devices.push({ id, kind, secretHash: deterministicHash(seed, id, secret) });
  }
  return { devices, secrets };
}
