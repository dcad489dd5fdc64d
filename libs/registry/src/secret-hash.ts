/**
 * Device secrets (contract §1): `scrypt:<salt hex>:<key hex>`, the key being
 * scrypt(secret as UTF-8, salt bytes, N=16384, r=8, p=1, 32 bytes).
 */
import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';

const PARAMS = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_BYTES = 32;
const SALT_BYTES = 16;

export function hashSecret(secret: string, salt: Buffer = randomBytes(SALT_BYTES)): string {
  const key = scryptSync(Buffer.from(secret, 'utf8'), salt, KEY_BYTES, PARAMS);
  return `scrypt:${salt.toString('hex')}:${key.toString('hex')}`;
}

export function isSecretHash(value: string): boolean {
  return /^scrypt:([0-9a-f]{2})+:[0-9a-f]{64}$/i.test(value);
}

/** Checks a secret against its hash off the event loop (scrypt costs ~50 ms of CPU). */
export async function verifySecret(secret: string, secretHash: string): Promise<boolean> {
  const [scheme, saltHex, keyHex] = secretHash.split(':');
  if (scheme !== 'scrypt' || !saltHex || !keyHex) return false;

  const expected = Buffer.from(keyHex, 'hex');
  const actual = await new Promise<Buffer>((resolve, reject) =>
    scrypt(
      Buffer.from(secret, 'utf8'),
      Buffer.from(saltHex, 'hex'),
      expected.length,
      PARAMS,
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
