/**
 * Checks CONNECT credentials: devices by their scrypt secret hash from the registry,
 * people and tools by API token (username `token`).
 */
import { createHash } from 'node:crypto';
import type { Role } from '@sanitation/contracts';
import { Registry, verifySecret } from '@sanitation/registry';
import type { Identity } from './identity';

export const TOKEN_USERNAME = 'token';

export interface TokenRoles {
  roleOf(token: string): Role | null;
}

export type CredentialVerdict =
  | { ok: true; identity: Identity }
  | { ok: false; reason: 'unknown_device' | 'bad_secret' | 'bad_token' | 'no_credentials' };

export class CredentialChecker {
  /**
   * Verified (device, secret digest) pairs. scrypt costs ~30 ms of CPU by design, and a
   * fleet reconnecting after a broker restart would otherwise queue hundreds of them.
   */
  private readonly verified = new Map<string, string>();

  constructor(
    private readonly registry: () => Registry,
    private readonly tokens: TokenRoles,
  ) {}

  async check(
    username: string | undefined,
    password: Buffer | undefined,
  ): Promise<CredentialVerdict> {
    if (!username || !password) return { ok: false, reason: 'no_credentials' };

    const secret = password.toString('utf8');
    if (username === TOKEN_USERNAME) return this.checkToken(secret);

    const device = this.registry().devices.get(username);
    if (!device) return { ok: false, reason: 'unknown_device' };

    const identity: Identity = { kind: 'device', deviceId: device.id, deviceKind: device.kind };
    const cacheKey = `${device.id}\u0000${device.secretHash}`;
    const digest = createHash('sha256').update(secret).digest('hex');
    if (this.verified.get(cacheKey) === digest) return { ok: true, identity };

    if (!(await verifySecret(secret, device.secretHash)))
      return { ok: false, reason: 'bad_secret' };
    this.verified.set(cacheKey, digest);
    return { ok: true, identity };
  }

  private checkToken(token: string): CredentialVerdict {
    const role = this.tokens.roleOf(token);
    if (!role) return { ok: false, reason: 'bad_token' };
    const label = `${role}:${token.slice(0, 4)}…`;
    return { ok: true, identity: { kind: 'person', role, label } };
  }
}
